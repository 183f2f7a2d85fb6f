/**
 * Identity cues: which identifiers a text contains (the caller giving them, or the
 * learner reading stored ones out), and which ones the learner asks for. Values come from
 * the scenario's identity and account, compared in a forgiving normal form (postcodes
 * without spaces, phone numbers as digits, e-mails in lower case).
 */
import type { IdentifierKind, IdentityFacts } from '../facts/marking-facts.js';
import { memoByObjectAndText } from '../text/memo.js';
import { alnumOnly, digitsOnly, escapeRegExp, normalise } from '../text/normalise.js';

/** Identifier kinds other than the reference (account or order number). */
export const EXTRA_IDENTIFIERS = ['full_name', 'postcode', 'phone', 'email'] as const;

interface Matchers {
  refs: { kind: 'account_number' | 'order_number'; alnum: string; digits: RegExp | undefined }[];
  name: RegExp | undefined;
  postcodes: string[];
  phones: string[];
  emails: string[];
}

const compiled = new WeakMap<IdentityFacts, Matchers>();

/** Matchers for one scenario's identity values, compiled once. */
function matchers(facts: IdentityFacts): Matchers {
  let m = compiled.get(facts);
  if (!m) {
    const first = escapeRegExp(normalise(facts.firstName));
    const last = escapeRegExp(normalise(facts.lastName));
    m = {
      refs: facts.references.map((r) => {
        const digits = digitsOnly(r.value);
        // "20417" for "AC-20417": the number part alone, as a whole number
        return { kind: r.kind, alnum: alnumOnly(r.value), digits: digits.length >= 4 ? new RegExp(`(?<!\\d)${digits}(?!\\d)`) : undefined };
      }),
      name: first && last && first !== last ? new RegExp(`\\b${first}\\W+(?:[a-z]\\.?\\s+)?${last}\\b|\\b${last},?\\s+${first}\\b`) : undefined,
      postcodes: facts.postcodes.map(alnumOnly),
      phones: facts.phones.map(digitsOnly).filter((p) => p.length >= 6),
      emails: facts.emails.map((e) => e.toLowerCase()),
    };
    compiled.set(facts, m);
  }
  return m;
}

const identifiersOf = memoByObjectAndText((facts: IdentityFacts, text: string) => computeIdentifiers(text, facts));

/** The identifiers whose values appear in `text` (do not mutate the result). */
export function identifiersIn(text: string, facts: IdentityFacts): IdentifierKind[] {
  return identifiersOf(facts, text);
}

function computeIdentifiers(text: string, facts: IdentityFacts): IdentifierKind[] {
  // every identifier holds a digit, an "@" (or a spoken "at"), or the surname: most lines hold none
  const lower = text.toLowerCase();
  const surname = facts.lastName.toLowerCase();
  if (!/\d|@|\bat\b/.test(lower) && !(surname && lower.includes(surname))) return [];
  const m = matchers(facts);
  const found: IdentifierKind[] = [];
  const t = alnumOnly(text);
  const compact = text.replace(/[\s-]/g, '');
  for (const r of m.refs) {
    if ((t.includes(r.alnum) || (r.digits?.test(compact) ?? false)) && !found.includes(r.kind)) found.push(r.kind);
  }
  const n = normalise(text);
  // the name inside an email address ("aisha.rahman@…") is the email, not the name said
  if (m.name?.test(n.replace(/\S+@\S+/g, ' '))) found.push('full_name');
  if (m.postcodes.some((p) => t.includes(p))) found.push('postcode');
  if (m.phones.length) {
    const d = digitsOnly(text.replace(/\+44\s*\(?0?\)?/g, '0'));
    if (m.phones.some((p) => d.includes(p) || d.includes(p.replace(/^0/, '')))) found.push('phone');
  }
  if (m.emails.length && /@|\bat\b/.test(n)) {
    const spoken = n.replace(/\s*(?:\(at\)|\bat\b)\s*/g, '@').replace(/\s*\bdot\b\s*/g, '.');
    if (m.emails.some((e) => n.includes(e) || spoken.includes(e))) found.push('email');
  }
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
