/**
 * Reference numbers and contact details: account and order numbers, product
 * codes (typos and spacing tolerated), tracking references, UK postcodes,
 * UK phone numbers and email addresses.
 */
import { editDistance } from './natural-lib.js';
import { sentenceAt } from './sentences.js';
import type { ReferenceKind, ReferenceMention, Sentence, Span } from './types.js';

interface Found extends Span {
  kind: ReferenceKind;
  text: string;
  value: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+\s?@\s?[A-Za-z0-9-]+(?:\s?\.\s?[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ACCOUNT = /\bAC[-\s]?(\d{5})\b/gi;
const ORDER = /\bSO[-\s]?(\d{5})\b/gi;
const TRACKING = /\b[A-Z]{3}-\d{4}-\d{4}\b/g;
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[A-Z]{2})\b/gi;
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\(?\b0)\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}\b/g;
/** Hyphenated code shapes with a digit ("CH-ERG-200", "FC-4D") when no known code matches. */
const CODE_SHAPE = /\b[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*\b/gi;

const compact = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function each(re: RegExp, text: string, f: (m: RegExpExecArray) => void) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) f(m);
}

/**
 * Known product codes written with other spacing ("ch erg 200", "CHERG200") or
 * one typo ("CH-ERG-20O", "CH-EGR-200"): windows of one to four word pieces
 * joined by nothing, a hyphen or a space are compared with each code.
 */
/** Per list of known codes: the code each compacted word window snaps to (or none), remembered across messages. */
const snapCache = new Map<string, Map<string, string | null>>();

function snapper(known: readonly string[]): (c: string) => string | null {
  const key = known.join('\u0000');
  let memo = snapCache.get(key);
  if (!memo) {
    if (snapCache.size > 50) snapCache.clear();
    memo = new Map();
    snapCache.set(key, memo);
  }
  const letters = (x: string) => x.replace(/[^A-Z]/g, '').length;
  const codes = known.map((k) => ({ code: k, c: compact(k), letters: letters(compact(k)), digits: compact(k).length - letters(compact(k)) }));
  const m = memo;
  return (c) => {
    const hit = m.get(c);
    if (hit !== undefined) return hit;
    let best: string | null = null;
    const cl = letters(c);
    const cd = c.length - cl;
    for (const code of codes) {
      // one edit changes the length, the number of letters and the number of digits by at most one
      if (Math.abs(code.c.length - c.length) > 1 || Math.abs(code.letters - cl) > 1 || Math.abs(code.digits - cd) > 1) continue;
      const limit = code.c.length >= 6 ? 1 : 0;
      if (code.c === c || (limit > 0 && editDistance(c, code.c) <= limit)) best = code.code;
    }
    if (m.size < 20_000) m.set(c, best);
    return best;
  };
}

function knownCodes(text: string, taken: Span[], known: readonly string[]): Found[] {
  if (known.length === 0 || !/\d/.test(text)) return [];
  const snap = snapper(known);
  // a window longer than the longest code by more than one edit cannot be a code
  const longest = Math.max(...known.map((k) => compact(k).length)) + 1;
  const starts: number[] = [];
  const ends: number[] = [];
  const digit: boolean[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9]+/g)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    digit.push(/\d/.test(m[0]));
  }
  const n = starts.length;
  // the first piece with a digit at or after each piece: a window must reach one within four pieces
  const nextDigit: number[] = new Array<number>(n + 1).fill(Infinity);
  for (let i = n - 1; i >= 0; i--) nextDigit[i] = digit[i] ? i : nextDigit[i + 1];
  const joined = (i: number) => /^(?:|-|\s|\s?-\s?)$/.test(text.slice(ends[i - 1], starts[i]));
  const out: Found[] = [];
  for (let i = 0; i < n; i++) {
    if (nextDigit[i] > i + 3) continue;
    let best: Found | undefined;
    let c = '';
    let hasDigit = false;
    for (let k = 1; k <= 4 && i + k <= n; k++) {
      const j = i + k - 1;
      if (k > 1 && !joined(j)) break;
      c += text.slice(starts[j], ends[j]).toUpperCase();
      hasDigit ||= digit[j];
      if (c.length > longest) break;
      if (!hasDigit) continue;
      const span = { start: starts[i], end: ends[j] };
      if (overlaps(span, taken)) continue;
      const code = snap(c.includes('O') ? c.replace(/O(?=\d)|(?<=\d)O/g, '0') : c);
      if (code) best = { kind: 'product', text: text.slice(span.start, span.end), value: code, ...span };
    }
    if (best) {
      out.push(best);
      while (i + 1 < n && starts[i + 1] < best.end) i++;
    }
  }
  return out;
}

/**
 * Find reference numbers and contact details in `text`.
 * @param knownProductCodes codes to snap typed variants to (e.g. "ch erg 200", "CH-ERG-20O").
 */
export function findReferences(text: string, sentences: readonly Sentence[], knownProductCodes: readonly string[] = []): ReferenceMention[] {
  const found: Found[] = [];
  const add = (f: Found) => {
    if (!overlaps(f, found)) found.push(f);
  };
  each(EMAIL, text, (m) => add({ kind: 'email', text: m[0], value: m[0].replace(/\s/g, '').toLowerCase(), start: m.index, end: m.index + m[0].length }));
  each(ACCOUNT, text, (m) => add({ kind: 'account', text: m[0], value: `AC-${m[1]}`, start: m.index, end: m.index + m[0].length }));
  each(ORDER, text, (m) => add({ kind: 'order', text: m[0], value: `SO-${m[1]}`, start: m.index, end: m.index + m[0].length }));
  each(TRACKING, text, (m) => add({ kind: 'tracking', text: m[0], value: m[0].toUpperCase(), start: m.index, end: m.index + m[0].length }));
  each(PHONE, text, (m) => {
    const digits = m[0].replace(/\D/g, '').replace(/^440?/, '0');
    if (digits.length >= 10 && digits.length <= 11) add({ kind: 'phone', text: m[0].trim(), value: digits, start: m.index, end: m.index + m[0].length });
  });
  each(POSTCODE, text, (m) => add({ kind: 'postcode', text: m[0], value: `${m[1]} ${m[2]}`.toUpperCase(), start: m.index, end: m.index + m[0].length }));
  for (const p of knownCodes(text, found, knownProductCodes)) add(p);
  each(CODE_SHAPE, text, (m) => {
    if (/\d/.test(m[0])) add({ kind: 'product', text: m[0], value: m[0].toUpperCase(), start: m.index, end: m.index + m[0].length });
  });
  found.sort((a, b) => a.start - b.start);
  return found.map((f) => ({ ...f, sentence: sentenceAt(sentences, f.start) }));
}
