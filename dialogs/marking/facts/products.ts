/**
 * How the learner may name a catalogue item in conversation, derived from the catalogue
 * (never typed per scenario): "Ergo 200 task chair" is heard in "the Ergo 200s", "200s",
 * "task chairs" (words no other item has, so specific) and "chairs" (shared, so generic).
 */
import { memoByObjectAndText } from '../text/memo.js';
import { escapeRegExp } from '../text/normalise.js';

/** A catalogue item as the marker knows it. */
export interface ProductFacts {
  code: string;
  name: string;
  category: string;
  /** ex VAT, pence */
  price: number;
}

/** Patterns for mentions of one item. */
export interface ItemPatterns {
  code: string;
  /** words that pick out this item alone ("ergo 200", "200s", "task chair", the code) */
  specific: RegExp | undefined;
  /** words it shares with other items ("chair", "mesh") */
  generic: RegExp | undefined;
}

const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'half', 'dozen',
]);
const NOISE = new Set(['of', 'and', 'the', 'with', 'for', 'mm', 'cm', 'gsm', 'kg', 'ml', 'compatible', 'pack', 'set']);

function plural(word: string): string {
  const w = escapeRegExp(word);
  if (/(?:s|x|ch|sh)$/.test(word)) return `${w}(?:es)?`;
  if (/[^aeiou]y$/.test(word)) return `${escapeRegExp(word.slice(0, -1))}(?:y|ies)`;
  return `${w}s?`;
}

/** Name words of an item: plain words, hyphen parts and compounds, the category, and model tokens. */
function itemWords(p: ProductFacts): { words: string[]; models: string[] } {
  const toks = p.name.toLowerCase().replace(/[(),]/g, ' ').split(/\s+/).filter(Boolean);
  const words: string[] = [];
  const models: string[] = [];
  toks.forEach((w, i) => {
    if (/\d/.test(w)) {
      const prev = toks[i - 1];
      if (prev && /^[a-z]+$/.test(prev) && !NOISE.has(prev) && !NUMBER_WORDS.has(prev)) models.push(`${prev} ${w}`);
      if (w.replace(/[^0-9a-z]/g, '').length >= 3) models.push(w);
      return;
    }
    if (NOISE.has(w) || NUMBER_WORDS.has(w)) return;
    const parts = w.split('-').filter((x) => x.length >= 3 && !NUMBER_WORDS.has(x) && !NOISE.has(x));
    words.push(...parts);
    if (w.includes('-') && parts.length > 1) words.push(w);
  });
  words.push(p.category.toLowerCase());
  return { words: [...new Set(words)], models: [...new Set(models)] };
}

/** Mention patterns for every item of a catalogue. */
export function catalogueMentions(products: readonly ProductFacts[]): ItemPatterns[] {
  const all = products.map((p) => ({ p, ...itemWords(p) }));
  const count = new Map<string, number>();
  for (const a of all) for (const w of new Set([...a.words, ...a.models])) count.set(w, (count.get(w) ?? 0) + 1);
  const mk = (parts: string[]): RegExp | undefined =>
    parts.length ? new RegExp(`(?<![a-z0-9£.,])(?:${[...new Set(parts)].join('|')})(?![a-z0-9]|[.,]\\d)`, 'i') : undefined;
  return all.map(({ p, words, models }) => {
    const specific = [escapeRegExp(p.code.toLowerCase()), escapeRegExp(p.code.toLowerCase()).replace(/-/g, '[\\s-]?')];
    const generic: string[] = [];
    for (const m of models) {
      if ((count.get(m) ?? 0) === 1) specific.push(`${escapeRegExp(m).replace(/ /g, '[\\s-]?')}'?s?`);
    }
    for (const w of words) {
      ((count.get(w) ?? 0) === 1 ? specific : generic).push(plural(w).replace(/-/g, '[\\s-]?'));
    }
    return { code: p.code, specific: mk(specific), generic: mk(generic) };
  });
}

const specificOf = memoByObjectAndText((items: readonly ItemPatterns[], norm: string) => items.filter((i) => i.specific?.test(norm)).map((i) => i.code));
const anyOf = memoByObjectAndText((items: readonly ItemPatterns[], norm: string) => items.filter((i) => i.specific?.test(norm) || i.generic?.test(norm)).map((i) => i.code));

/** Codes of items the normalised text names specifically (do not mutate the result). */
export function specificMentions(norm: string, items: readonly ItemPatterns[]): string[] {
  return specificOf(items, norm);
}

/** Codes of items the normalised text names specifically or generically (do not mutate the result). */
export function anyMentions(norm: string, items: readonly ItemPatterns[]): string[] {
  return anyOf(items, norm);
}
