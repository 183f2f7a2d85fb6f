/**
 * The caller's own reading of a request for several details at once. "Can I take your full
 * name and the telephone number of the account, please?" asks for two details; when the
 * recogniser's clause-by-clause reading finds only one of them (the other clause has no request
 * frame of its own), a caller still hears both. And "the phone number of the account" asks for
 * a phone number, not the account number. Reads only sentences the recogniser already found
 * asking for a detail, with the recogniser's own keyword table (`factKeywords`).
 */
import { factKeywords } from '../../domain/language/fact-cues.js';
import type { FactId } from '../../domain/language/intents.js';
import type { ReferenceKind, Utterance } from '../../domain/language/types.js';

/** The caller's identifying details: asked for together, each is answered. */
const IDENTIFIERS: ReadonlySet<FactId> = new Set<FactId>(['full_name', 'account_number', 'order_number', 'postcode', 'phone', 'email']);

/** The reference kind that, said in the sentence, makes a detail a read-out rather than a request. */
const VALUE_KIND: Partial<Record<FactId, ReferenceKind>> = {
  account_number: 'account',
  order_number: 'order',
  postcode: 'postcode',
  phone: 'phone',
  email: 'email',
};

/** Words that name an account number in their own right (not "the phone number of the account"). */
const ACCOUNT_NUMBER_WORDS = /\baccount (?:number|reference|ref|code|id|no)\b|\bcustomer (?:number|reference)\b|\bac number\b/;
/** "the phone number of the account": a phone number registered on the account. */
const CONTACT_OF_ACCOUNT = /\b(?:phone|telephone|mobile|contact|landline) number (?:of|on|for) (?:your|the) account\b/;

/** The sentence as the keyword table expects it: lower case, plain apostrophes, no punctuation. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(\w+)'s\b/g, '$1 is')
    .replace(/[^\w@'\s-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the caller's reading changes in the details asked for. */
export interface AskedTogether {
  /** details asked for beside one the recogniser found, in the same sentence */
  add: FactId[];
  /** details the recogniser found that the sentence does not ask for */
  drop: FactId[];
}

/**
 * Details asked for together with another in one request sentence: the identifying details
 * the sentence names (not read out in it) that the recogniser's reading left out, and the
 * account number read into "the phone number of the account".
 */
export function askedTogether(u: Utterance): AskedTogether {
  const add: FactId[] = [];
  const drop: FactId[] = [];
  for (const s of u.sentences) {
    const asked = u.facts.filter((f) => f.sentence === s.index && !f.readOut && f.score >= 0.5);
    if (!asked.some((f) => IDENTIFIERS.has(f.fact))) continue;
    const words = plain(s.text);
    const ownAccountNumber = ACCOUNT_NUMBER_WORDS.test(words) || !CONTACT_OF_ACCOUNT.test(words);
    if (!ownAccountNumber && asked.some((f) => f.fact === 'account_number')) drop.push('account_number');
    for (const f of factKeywords(words)) {
      if (!IDENTIFIERS.has(f) || asked.some((a) => a.fact === f) || add.includes(f)) continue;
      if (f === 'account_number' && !ownAccountNumber) continue;
      const kind = VALUE_KIND[f];
      if (kind && u.references.some((r) => r.sentence === s.index && r.kind === kind)) continue;
      if (f === 'full_name' && u.names.some((n) => n.sentence === s.index)) continue;
      add.push(f);
    }
  }
  return { add, drop };
}
