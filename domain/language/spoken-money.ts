/**
 * Amounts said in words: "nine hundred and sixty-five pounds fifty-two", "one thousand,
 * three hundred and sixteen pounds", "forty-eight quid", "nineteen pounds ninety-five",
 * "fifty pence", "two grand", "965 pounds 52". Read here so that Recognizers-Text's currency
 * model (10–40 ms a message) is needed only for what these rules leave unread.
 */
import type { Span } from './types.js';

/** An amount read from words, in pence, with its span in the text. */
export interface SpokenAmount extends Span {
  pence: number;
  text: string;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, oh: 0, a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const WORD = String.raw`(?:${[...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand'].sort((a, b) => b.length - a.length).join('|')})\b`;
/** A number in words or digits: "nine hundred and sixty-five", "one thousand, three hundred", "965". */
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+|${WORD}(?:(?:[\s-]+|,\s+|\s+and\s+)${WORD})*)`;
const POUNDS = String.raw`(?:pounds?|quid|grand)`;
const PENCE = String.raw`(?:pence|p)\b`;

/** "<number> pounds [and] [<number> [pence]]", "<number> pence". */
const AMOUNT = new RegExp(
  String.raw`\b(${NUMBER})\s+(${POUNDS})\b(?:\s*(?:and\s+)?(${NUMBER})(?:\s*${PENCE})?(?!\s*(?:${POUNDS}|%|per\s*cent|percent|days?|weeks?|hours?|working|chairs?|desks?|boxes|items?)))?|\b(${NUMBER})\s*${PENCE}`,
  'gi',
);

/** The value of a number in words or digits (NaN when it is not one). */
export function numberValue(s: string): number {
  const t = s.toLowerCase().trim();
  if (/^[\d,]+$/.test(t)) return Number(t.replace(/,/g, ''));
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of t.split(/[\s,-]+/)) {
    if (!w || w === 'and') continue;
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return NaN;
    any = true;
  }
  return any ? total + current : NaN;
}

/** Amounts said in words (or digits with "pounds"/"pence") in `text`. */
export function spokenAmounts(text: string): SpokenAmount[] {
  const out: SpokenAmount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    let pence: number;
    if (m[1] !== undefined) {
      const pounds = numberValue(m[1]);
      const scale = /^grand$/i.test(m[2]) ? 1000 : 1;
      const pennies = m[3] !== undefined ? numberValue(m[3]) : 0;
      if (!Number.isFinite(pounds) || !Number.isFinite(pennies) || pennies > 99) continue;
      pence = pounds * scale * 100 + (scale === 1 ? pennies : 0);
    } else {
      const p = numberValue(m[4]);
      if (!Number.isFinite(p)) continue;
      pence = p;
    }
    // "a pound" / "an amount": a lone article is no amount unless a scale word follows it
    if (/^an?$/i.test((m[1] ?? m[4]).trim())) continue;
    out.push({ pence, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
