/**
 * Text helpers for the cue rules: one normal form (lower case, straight quotes, plain
 * hyphens, single spaces, text-speak written out) so every rule is written once, and sentence
 * and clause splitting that keeps the original wording for evidence quotes.
 */
import { expandTextSpeak } from '../../../domain/language/lexicon.js';
import { memoByText } from './memo.js';

/**
 * Lower case, straight apostrophes and quotes, plain hyphens, single spaces, text-speak
 * written out ("call u tmrw" → "call you tomorrow": a lapse is marked under professional
 * language from the original words, and must not hide what was said).
 */
export const normalise: (s: string) => string = memoByText(computeNormal);

function computeNormal(s: string): string {
  return expandTextSpeak(s)
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A piece of a message: its text and where it starts in the message. */
export interface Piece {
  text: string;
  start: number;
}

/**
 * Sentences of a message (split after `.`, `!`, `?` followed by a space, or at a line
 * break; "e.g.", "Mr." and a dot inside a number do not split).
 */
export function sentences(text: string): Piece[] {
  const out: Piece[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) out.push({ text: raw.trim(), start: start + lead });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i + 1);
    } else if (c === '.' || c === '!' || c === '?') {
      let j = i;
      while (j + 1 < text.length && /[.!?]/.test(text[j + 1])) j++;
      const next = text[j + 1];
      if (next === undefined || /\s/.test(next)) {
        const before = text.slice(start, i + 1);
        if (!/\b(?:e\.g|i\.e|approx|mr|mrs|ms|dr|no)\.$/i.test(before)) push(j + 1);
      }
      i = j;
    }
  }
  push(text.length);
  return out;
}

const CLAUSE_BREAK =
  /\s*(?:[,;:()]|\s-\s|\b(?:so|which means|which puts|and then|but|because|as|then|or|whereas|while)\b)\s*/gi;

/**
 * Clauses of a sentence: split at commas, semicolons, dashes and linking words
 * ("so", "which means", "but", "because", …). Used to tie a figure or a date to the words
 * around it.
 */
export const clauses: (sentence: string) => Piece[] = memoByText(computeClauses);

function computeClauses(sentence: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    const idx = m.index ?? 0;
    // A comma inside a number ("1,316.00") is not a clause break.
    if (m[0].trim() === ',' && /\d$/.test(sentence.slice(0, idx)) && /^\d/.test(sentence.slice(idx + m[0].length))) continue;
    if (idx > last) out.push({ text: sentence.slice(last, idx), start: last });
    last = idx + m[0].length;
  }
  if (last < sentence.length) out.push({ text: sentence.slice(last), start: last });
  return out.filter((p) => p.text.trim() !== '');
}

/** Digits only ("0113 496 0321" → "01134960321"). */
export function digitsOnly(s: string): string {
  return s.replace(/\D+/g, '');
}

/** Letters and digits only, lower case ("LS6 2QT" → "ls62qt"). */
export function alnumOnly(s: string): string {
  return s.replace(/[^a-z0-9]+/gi, '').toLowerCase();
}

/** Escape a string for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const shorten180 = memoByText((s: string) => computeShorten(s, 180));

/** Shorten a quote to at most `max` characters on a word boundary. */
export function shorten(s: string, max = 180): string {
  return max === 180 ? shorten180(s) : computeShorten(s, max);
}

function computeShorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > max / 2 ? sp : max)}…`;
}
