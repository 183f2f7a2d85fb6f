/**
 * Identity cues: which identifiers a text contains (the caller giving them, or the
 * learner reading stored ones out), and which ones the learner asks for. Values come from
 * the scenario's identity and account, compared in a forgiving normal form (postcodes
 * without spaces, phone numbers as digits, e-mails in lower case).
 */
import type { IdentifierKind, IdentityFacts } from '../facts/marking-facts.js';
import { alnumOnly, digitsOnly, escapeRegExp, normalise } from '../text/normalise.js';

/** Identifier kinds other than the reference (account or order number). */
export const EXTRA_IDENTIFIERS = ['full_name', 'postcode', 'phone', 'email'] as const;

function containsReference(text: string, value: string): boolean {
  const v = alnumOnly(value);
  const digits = digitsOnly(value);
  const t = alnumOnly(text);
  if (t.includes(v)) return true;
  // "20417" for "AC-20417": the number part alone, as a whole number
  return digits.length >= 4 && new RegExp(`(?<!\\d)${digits}(?!\\d)`).test(text.replace(/[\s-]/g, ''));
}

function containsPhone(text: string, value: string): boolean {
  const v = digitsOnly(value);
  if (v.length < 6) return false;
  const t = text.replace(/\+44\s*\(?0?\)?/g, '0');
  return digitsOnly(t).includes(v) || digitsOnly(t).includes(v.replace(/^0/, ''));
}

function containsFullName(text: string, facts: IdentityFacts): boolean {
  const n = normalise(text);
  const first = escapeRegExp(normalise(facts.firstName));
  const last = escapeRegExp(normalise(facts.lastName));
  if (!first || !last || first === last) return false;
  return new RegExp(`\\b${first}\\W+(?:[a-z]\\.?\\s+)?${last}\\b|\\b${last},?\\s+${first}\\b`).test(n);
}

/** The identifiers whose values appear in `text`. */
export function identifiersIn(text: string, facts: IdentityFacts): IdentifierKind[] {
  const found: IdentifierKind[] = [];
  for (const r of facts.references) if (containsReference(text, r.value) && !found.includes(r.kind)) found.push(r.kind);
  if (containsFullName(text, facts)) found.push('full_name');
  const t = alnumOnly(text);
  if (facts.postcodes.some((p) => t.includes(alnumOnly(p)))) found.push('postcode');
  if (facts.phones.some((p) => containsPhone(text, p))) found.push('phone');
  const low = normalise(text).replace(/\s*(?:\(at\)|\bat\b)\s*/g, '@').replace(/\s*\bdot\b\s*/g, '.');
  if (facts.emails.some((e) => normalise(text).includes(e.toLowerCase()) || low.includes(e.toLowerCase()))) found.push('email');
  return found;
}

const ASKS: [IdentifierKind, RegExp][] = [
  ['account_number', /\baccount (?:number|no\b|num\b|#)|\baccount ref/],
  ['order_number', /\border (?:number|no\b|num\b|#|ref)|\bwhich order\b|\breference number\b/],
  ['postcode', /\bpost ?code\b/],
  ['phone', /\b(?:phone|telephone|mobile|contact|landline) (?:number|no\b)|\bnumber (?:we have|we hold|on the account|registered)|\bregistered (?:phone|number)|\bphone\b/],
  ['email', /\be-?mail\b/],
  [
    'full_name',
    /\b(?:your|the) (?:full |first |sur)?name\b|\bwho (?:am i|have i got|i'm|is) (?:speaking|talking|on the line)|\bwho am i speaking|\bname of the account|\bfirst name and surname\b|\bwho'?s calling\b/,
  ],
];

/** Identifier kinds the learner asks for in `text` (from the wording, not the values). */
export function identifiersAskedFor(text: string): IdentifierKind[] {
  const n = normalise(text);
  return ASKS.filter(([, re]) => re.test(n)).map(([k]) => k);
}
