/**
 * Quantities with the items they count: "six chairs", "15 boxes", "2 x CH-ERG-200",
 * "four Ergo 200 chairs", "half a dozen desks", "2 of the Mesh 160".
 */
import { clauseOf, sentenceAt } from './sentences.js';
import type { QuantityMention, QuantityRole, ReferenceMention, Sentence, Span } from './types.js';

const WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, 'a dozen': 12, 'half a dozen': 6,
  'a couple of': 2, 'a pair of': 2, both: 2,
};

/** Items an office-supplies order counts (singular and plural), as a regex source. */
export const ITEM_NOUNS = String.raw`chairs?|desks?|box(?:es)?|reams?|cabinets?|toners?|cartridges?|mats?|units?|items?|packs?|pallets?|tables?|lamps?|monitors?|pens?|cases?|cartons?|pieces?|sets?|drawers?|pedestals?|screens?|shelves|shelf|bookcases?|lockers?|stools?|trays?|staplers?|packets?|rolls?|bins?`;

const QTY = String.raw`(\d{1,4}|half\s+a\s+dozen|a\s+dozen|a\s+couple\s+of|a\s+pair\s+of|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|both)`;

const QTY_START = new RegExp(String.raw`\b${QTY}\b`, 'gi');
/**
 * After a quantity: optional "x" / "of the", up to three words, then an item noun — the
 * last of a run of them ("four desk mats" counts mats).
 */
const ITEM_AFTER = new RegExp(String.raw`\s*(?:x\s*|×\s*|of\s+(?:the|those|them|these)\s+)?((?:(?!and\b|or\b|to\b|for\b|at\b|on\b|by\b|with\b)[A-Za-z0-9-]+\s+){0,3}?(?:${ITEM_NOUNS}))\b(?!\s+(?:${ITEM_NOUNS})\b)`, 'iy');
/** After a quantity: a product name without a noun ("2 of the Mesh 160", "four Ergo 200s"). */
const NAME_AFTER = /\s*(?:x\s*|×\s*|of\s+the\s+)?((?:mesh|ergo|sit-stand|sit\s+stand|filing|four-drawer|a4|toner)\s*[\w-]*(?:\s+\d{2,4})?s?)\b/iy;
const WITH_CODE = new RegExp(String.raw`\b${QTY}\s*(?:x|×|of\s+(?:the\s+)?)?\s*$`, 'i');

/**
 * Words of a clause about goods on hand: "in stock", "available", "left", "on the shelf",
 * "in the warehouse", "remaining", "we currently hold". A count said with them is stock,
 * not what the caller orders ("We have eight in stock, so four is no problem").
 */
const STOCK_CLAUSE = /\bin stock\b|\bavailable\b|\bleft\b(?! (?:over|with|to|for|it|them)\b)|\bremaining in\b|\bon the shelf\b|\bin (?:the|our) (?:warehouse|stores?|stockroom)\b|\bstock (?:level|of)\b|\bcurrently (?:hold|have|stock)\b|\bwe hold\b/i;

function roleOf(text: string, sentences: readonly Sentence[], span: Span): QuantityRole {
  const s = sentences[sentenceAt(sentences, span.start)];
  if (!s) return 'unknown';
  const c = clauseOf(s, span);
  return STOCK_CLAUSE.test(text.slice(c.start, c.end)) ? 'stock' : 'unknown';
}

function value(q: string): number {
  const t = q.toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(t) ? Number(t) : WORDS[t] ?? NaN;
}

function overlaps(a: Span, list: readonly Span[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

/**
 * Find quantities. Spans already taken by money, dates or references are skipped;
 * a number directly before a product code counts that code.
 */
export function findQuantities(text: string, sentences: readonly Sentence[], references: readonly ReferenceMention[], taken: readonly Span[]): QuantityMention[] {
  const out: QuantityMention[] = [];
  const push = (quantity: number, item: string, start: number, end: number) => {
    const span = { start, end };
    if (!Number.isFinite(quantity) || quantity <= 0 || overlaps(span, out)) return;
    if (overlaps({ start, end: start + 1 }, taken)) return;
    out.push({ quantity, item: item.toLowerCase().replace(/\s+/g, ' ').trim(), text: text.slice(start, end), start, end, sentence: sentenceAt(sentences, start), role: roleOf(text, sentences, span) });
  };
  for (const r of references) {
    if (r.kind !== 'product') continue;
    const m = WITH_CODE.exec(text.slice(Math.max(0, r.start - 24), r.start));
    if (m) push(value(m[1]), r.value, r.start - (m[0].length), r.end);
  }
  for (const q of text.matchAll(QTY_START)) {
    const at = q.index + q[0].length;
    ITEM_AFTER.lastIndex = at;
    const noun = ITEM_AFTER.exec(text);
    // "3 working days" is not an item: an item phrase has no time or money words.
    if (noun && !/\b(?:days?|weeks?|hours?|minutes?|pounds?|pence|per\s*cent|percent)\b/i.test(noun[1])) {
      push(value(q[1]), noun[1], q.index, at + noun[0].length);
      continue;
    }
    NAME_AFTER.lastIndex = at;
    const name = NAME_AFTER.exec(text);
    if (name) push(value(q[1]), name[1], q.index, at + name[0].length);
  }
  return out.sort((a, b) => a.start - b.start);
}
