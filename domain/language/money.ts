/**
 * Money the adviser states: "£965.52", "965.52 inc VAT", "nine hundred and sixty
 * five pounds fifty two" (`spoken-money.ts`; Recognizers-Text only for money words left
 * unread), "804.60 plus VAT", "£1,579.20", "1316 + vat", "20p".
 * Each amount gets a VAT basis and a role from the words around it, within its clause.
 */
import { roundHalfUp } from '../money.js';
import { inScope } from './negation.js';
import { ITEM_NOUNS } from './quantities.js';
import { currencies } from './recognizers.js';
import { spokenAmounts } from './spoken-money.js';
import { sentenceAt } from './sentences.js';
import type { Cue, MoneyMention, MoneyRole, Sentence, Span, VatBasis } from './types.js';

interface Amount extends Span {
  pence: number;
  text: string;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const POUND_SIGN = new RegExp(String.raw`£\s?${NUM}(?:\.(\d{1,2}))?(?:\s?(k)\b)?`, 'gi');
const DECIMAL = new RegExp(String.raw`(?<![\d£.,/:-])${NUM}\.(\d{2})(?!\d|\.\d|[%/:])(?!\s?(?:am|pm|hrs?|hours?|kg|mm|cm|m|%)\b)`, 'gi');
const INTEGER_WITH_CUE = new RegExp(String.raw`(?<![\d£.,/:-])${NUM}(?![\d.,%/:])(?=\s*(?:\+\s*vat|plus\s+vat|inc(?:l|luding)?\.?\s+vat|ex(?:cl|cluding)?\.?\s+vat|before\s+vat|all\s+in|pounds?\b|quid\b))`, 'gi');
const PENCE = /(?<![\d.£])(\d{1,2})p\b/gi;
/** "1,316" written without "£": thousands grouped with commas are an amount here, unless items follow ("1,000 sheets"). */
const GROUPED = new RegExp(String.raw`(?<![\d£.,/:-])(\d{1,3}(?:,\d{3})+)(?![\d,%/:]|\.\d)(?!\s*(?:${ITEM_NOUNS}|sheets?|reams?|people|staff|miles?|km|kg)\b)`, 'gi');
const MONEY_WORDS = /\b(?:pounds?|quid|pence|grand)\b/i;
const MONEY_WORDS_ALL = new RegExp(MONEY_WORDS.source, 'gi');

const INC = /\b(?:inc(?:l(?:uding|usive|\.)?)?\.?\s*(?:of\s+)?vat|vat\s+inc(?:l(?:uded|usive)?)?|with(?:\s+the)?\s+vat(?!\s+on\s+top)|(?:with|once|after)\s+(?:the\s+)?vat(?:'s|\s+is)?\s+(?:added|included)|(?:with|plus|adding)\s+(?:the\s+)?vat\s+on\s+top\s*,?\s*(?:that'?s|that\s+is|it'?s|it\s+is|comes\s+to|makes\s+it|gives|you'?re\s+looking\s+at)|in\s+total|all\s+in|total\s+including|including\s+(?:the\s+)?vat|inclusive|gross)\b/i;
const EX = /(?:\+\s*vat|\b(?:ex(?:cl(?:uding|usive)?)?\.?\s*(?:of\s+)?vat|plus\s+(?:the\s+)?vat|before\s+vat|excluding|exclusive(?:\s+of\s+vat)?|without\s+(?:the\s+)?vat|net\s+of\s+vat|ex\s+vat|\+\s*vat|vat\s+on\s+top|on\s+top\s+of\s+that\s+is\s+vat)\b)/i;

/** Role keywords, checked nearest-first around the amount. */
const ROLE_WORDS: ReadonlyArray<readonly [MoneyRole, RegExp]> = [
  ['unit', /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\s+(?:\w+\s+)?at\s*$|\b(?:each|apiece|per\s+(?:chair|desk|box|unit|item|cabinet|mat|cartridge|one)|a\s+(?:chair|desk|box|unit|item|cabinet|mat|cartridge|piece|ream)|per\b|unit\s+price|(?:chair|desk|box)\s+price)\b/i],
  ['refund', /\b(?:refund(?:ed)?|money\s+back|get\s+back|back\s+(?:to|on)\s+(?:your|the)\s+card|you'?d\s+get|credited\s+back)\b/i],
  ['charge', /\b(?:charges?|fee|costs?\s+(?:for|of)\s+collect\w*|collection)\b/i],
  ['saving', /\b(?:off|save[sd]?|saving|discount(?:ed)?|cheaper|less)\b/i],
  ['difference', /\b(?:more|extra|difference|up\s+by|increase[sd]?|additional|(?<!vat\s)on\s+top|higher)\b/i],
  ['credit', /\b(?:credit(?:\s+(?:limit|note|available))?|limit|balance|available|left|remaining|goodwill)\b/i],
  ['delivery', /(?<!free\s)\b(?:delivery|postage|carriage|shipping)\b(?!\s+is\s+free|'s\s+free|\s+free)/i],
  ['vat', /(?<!\b(?:including|inc|incl|plus|with|ex|excluding|before|after)\s+(?:the\s+)?)\bvat\s+(?:is|of|comes\s+to|at|would\s+be|will\s+be)\b|\b(?:the\s+)?vat\s*:/i],
  ['goods', /\b(?:goods|subtotal|sub-total|before\s+delivery|for\s+the\s+(?:chairs|desks|items|paper|cabinets|goods))\b/i],
  ['total', /\b(?:total|comes?\s+to|altogether|overall|in\s+all|you(?:'d|\s+would|'ll|\s+will)\s+pay|grand\s+total|the\s+order\s+(?:is|comes)|works?\s+out)\b/i],
];

const CLAUSE_BREAK = /(?<!\d),(?!\d)|[;:!?]|\.(?=\s|$)|\s[-–—]\s|\b(?:and|but|so|which|or)\b/gi;

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function toPence(intPart: string, frac: string | undefined, k = false): number {
  const pounds = Number(intPart.replace(/,/g, ''));
  const pennies = frac === undefined ? 0 : Number(frac.padEnd(2, '0'));
  return k ? roundHalfUp((pounds + pennies / 100) * 100_000) : pounds * 100 + pennies;
}

/** Bounds of the clause around `span`, within its sentence. */
function clauseAround(text: string, s: Sentence, span: Span): Span {
  let start = s.start;
  let end = s.end;
  CLAUSE_BREAK.lastIndex = 0;
  const st = text.slice(s.start, s.end);
  for (let m = CLAUSE_BREAK.exec(st); m; m = CLAUSE_BREAK.exec(st)) {
    const at = s.start + m.index;
    if (at + m[0].length <= span.start) start = at + m[0].length;
    else if (at >= span.end) {
      end = at;
      break;
    }
  }
  return { start, end };
}

function nearestMatch(before: string, after: string, re: RegExp): number {
  const a = re.exec(after);
  const distAfter = a ? a.index : Infinity;
  let distBefore = Infinity;
  const g = new RegExp(re.source, 'gi');
  for (let m = g.exec(before); m; m = g.exec(before)) distBefore = before.length - (m.index + m[0].length);
  return Math.min(distAfter, distBefore + 0.5);
}

/** After the amount: ", plus VAT" just past a comma still belongs to it. */
const EX_PAST_COMMA = /^[\s,]*(?:plus|\+|ex|excl\w*|before)\s*(?:the\s+)?vat\b/i;

/**
 * VAT basis and role from the words in the amount's clause: before it (from the
 * previous amount, if nearer) and after it (up to the next amount).
 */
function describe(text: string, s: Sentence, a: Amount, prevEnd: number, nextStart: number): { vat: VatBasis; role: MoneyRole } {
  const clause = clauseAround(text, s, a);
  const before = text.slice(Math.max(clause.start, prevEnd), a.start);
  const after = text.slice(a.end, Math.min(clause.end, nextStart));
  const inc = nearestMatch(before, after, INC);
  const ex = Math.min(nearestMatch(before, after, EX), EX_PAST_COMMA.test(text.slice(a.end, Math.min(s.end, nextStart, a.end + 16))) ? 0 : Infinity);
  let vat: VatBasis = 'unknown';
  if (inc < ex) vat = 'inc';
  else if (ex < inc) vat = 'ex';
  const immediately = after.slice(0, 8);
  let role: MoneyRole = 'unknown';
  // "£160.92 VAT": the amount is the VAT itself.
  if (/^\s*(?:in\s+)?vat\b(?!\s*(?:inc|incl|included|on\s+top))/i.test(immediately)) return { vat: 'unknown', role: 'vat' };
  let best = Infinity;
  const afterClause = after;
  for (const [r, re] of ROLE_WORDS) {
    const d = nearestMatch(before, afterClause, re);
    if (d < best) {
      best = d;
      role = r;
    }
  }
  if (role === 'unknown' && vat === 'inc') role = 'total';
  return { vat, role };
}

/** Find amounts of money in `text` (skip the work when there is no digit or money word). */
export function findMoney(text: string, sentences: readonly Sentence[], cues: readonly Cue[], exclude: readonly Span[] = []): MoneyMention[] {
  const hasDigit = /\d/.test(text);
  const hasWord = MONEY_WORDS.test(text);
  if (!hasDigit && !hasWord) return [];
  const found: Amount[] = [];
  const add = (a: Amount) => {
    if (!overlaps(a, found) && !overlaps(a, exclude)) found.push(a);
  };
  if (hasDigit) {
    for (const m of text.matchAll(POUND_SIGN)) add({ pence: toPence(m[1], m[2], !!m[3]), text: m[0], start: m.index, end: m.index + m[0].length });
  }
  if (hasWord) {
    for (const a of spokenAmounts(text)) add(a);
  }
  // Recognizers-Text (10–40 ms) only for a money word the rules above left unread
  if (hasWord && [...text.matchAll(MONEY_WORDS_ALL)].some((w) => !overlaps({ start: w.index, end: w.index + w[0].length }, found))) {
    for (const r of currencies(text)) {
      const res = r.resolution as { value?: string; unit?: string } | null;
      if (!res?.value || !/pound|penny|pence/i.test(res.unit ?? '')) continue;
      const value = Number(res.value);
      if (!Number.isFinite(value)) continue;
      const pence = /penny|pence/i.test(res.unit ?? '') ? Math.round(value) : roundHalfUp(value * 100);
      add({ pence, text: r.text && text.slice(r.start, r.end + 1), start: r.start, end: r.end + 1 });
    }
  }
  if (hasDigit) {
    for (const m of text.matchAll(DECIMAL)) add({ pence: toPence(m[1], m[2]), text: m[0], start: m.index, end: m.index + m[0].length });
    for (const m of text.matchAll(INTEGER_WITH_CUE)) add({ pence: toPence(m[1], undefined), text: m[0], start: m.index, end: m.index + m[0].length });
    for (const m of text.matchAll(GROUPED)) add({ pence: toPence(m[1], undefined), text: m[0], start: m.index, end: m.index + m[0].length });
    for (const m of text.matchAll(PENCE)) add({ pence: Number(m[1]), text: m[0], start: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  return found.map((a, i) => {
    const si = sentenceAt(sentences, a.start);
    const prevEnd = i > 0 ? found[i - 1].end : 0;
    const nextStart = i + 1 < found.length ? found[i + 1].start : text.length;
    const { vat, role } = describe(text, sentences[si], a, prevEnd, nextStart);
    return {
      ...a,
      sentence: si,
      vat,
      role,
      negated: inScope(cues, a, 'negation'),
      hedged: inScope(cues, a, 'hedge'),
    };
  });
}
