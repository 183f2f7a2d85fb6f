/**
 * Read-back cues (marking guide: confirm_details): a summary of what was agreed — items
 * and quantities, or the change, or the actions — with a date or address, and a request
 * to confirm it.
 */
import type { MessageAnalysis } from '../analysis/types.js';
import type { MarkingFacts } from '../facts/marking-facts.js';
import { anyMentions } from '../facts/products.js';
import { escapeRegExp, normalise } from '../text/normalise.js';

/** Words that introduce a summary. */
export const SUMMARY =
  /(?:^|[.!?,:;]\s*|\b(?:just|so|and)\s+)to check\b(?! (?:it|they|them|that it|that they|whether|if|on|in|with|how|when|for|the (?:stock|account|system)))|\b(?:to (?:confirm|recap|summari[sz]e|go over|read (?:it|that|everything) back)|(?:just )?to (?:double-?check|make sure i'?ve got)|recap|in summary|let me (?:just )?(?:read|repeat|go over|run through|go through|confirm|check)|read (?:it|that|the order|everything|that all) back|repeat (?:it|that) back|so that'?s|so thats|so we'?re|so,? just to|to go through it|the summary is|(?:that'?s|it'?s|all|now) booked (?:in )?for|booked (?:in )?for|(?:i'?ve|i have) (?:noted|recorded|booked|arranged|logged) (?:the|that|your|it)|that'?s (?:noted|recorded|arranged)|i'?ll split (?:it|them|the order))\b/;

/** Words that report the outcome ("That's placed.", "Booked."): a one-line summary when they come with a date or address. */
export const OUTCOME = /\b(?:that'?s (?:placed|ordered|booked)|(?:^|[.!] )(?:all |now |it'?s )?(?:booked|placed|ordered)\b(?! (?:a|an|the|some|it|them|your|in|on|for)\b))/;

/** A request to confirm, inside a question. */
const CONFIRM_WORDS =
  /\b(?:right|correct|ok|okay|all right|alright|match|matches|fair summary|accurate|sound (?:right|good|ok|okay)|sounds? right|got (?:that|everything|it|all of that|all that) (?:right|correct)|as you want|confirm|agree|happy with that|spot on|cover(?:s)? (?:everything|it|all of it|all)|make sense|all good|agreed|fair|sound about right|anything (?:i'?ve )?missed|(?:i'?ve|i have) (?:missed|got wrong)|have i missed)\b/;

/** True when some question in the message asks the customer to confirm. */
export function asksToConfirm(a: MessageAnalysis): boolean {
  return a.sentences.some((s) => {
    const n = normalise(s.text);
    if (!n.endsWith('?')) return false;
    if (/\banything (?:else|more)\b|\bhow (?:are|is)\b|\bwhich\b|\bwhat\b|\bwhen\b|\bshall i\b|\bwould you like\b|\bdo you want\b/.test(n)) return false;
    // "can you confirm the postcode?" asks for a detail, not for agreement
    if (/\b(?:post ?code|phone|number|e-?mail|name|address (?:on|registered))\b/.test(n) && !/\b(?:so|that'?s|to confirm)\b/.test(n.slice(0, 12))) return false;
    // "So that's six Ergo 200 chairs coming Thursday, yeah?"
    return CONFIRM_WORDS.test(n) || CONFIRM_TAG.test(n);
  });
}

/** A question tag asking for agreement at the end of a statement. */
const CONFIRM_TAG = /[,\s](?:yeah|yes|yep|ok|okay|alright|right|correct|aye)\s*\?$/;

/** The kinds of detail a message names. */
export interface ReadBackDetails {
  items: boolean;
  date: boolean;
  address: boolean;
  price: boolean;
  /** quantities given their days ("four tomorrow, two on Wednesday"): the items of a split, when put as a summary */
  quantities: boolean;
}

const DATE_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|next week|\d{1,2}(?:st|nd|rd|th)|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

const QTY_WITH_DAY = /\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:(?:of them|chairs?|items?)\s+)?(?:on|tomorrow|today|next|now|this|arriving|coming|delivered)\b/;

/** Address words of a scenario as one pattern, compiled once. */
const addressPatterns = new WeakMap<readonly string[], RegExp>();

function addressPattern(words: readonly string[]): RegExp {
  let re = addressPatterns.get(words);
  if (!re) {
    re = words.length ? new RegExp(`\\b(?:${words.map((w) => escapeRegExp(w)).join('|')})\\b|\\baddress\\b`) : /\baddress\b/;
    addressPatterns.set(words, re);
  }
  return re;
}

/** Which kinds of detail a learner message names. */
export function readBackDetails(a: MessageAnalysis, facts: Pick<MarkingFacts, 'items' | 'addressWords'>): ReadBackDetails {
  const addr = addressPattern(facts.addressWords);
  return {
    items: anyMentions(a.norm, facts.items).length > 0,
    quantities: QTY_WITH_DAY.test(a.norm),
    date: a.dates.length > 0 || DATE_WORDS.test(a.norm),
    address: addr.test(a.norm),
    price: a.money.length > 0,
  };
}
