/**
 * `advise_offers` — tells the customer about the offer that applies: what it is or what
 * it saves. "A discount" or "an offer" without saying what → partly; not mentioned, or
 * denied ("no offers on desks") → missed.
 */
import { formatPounds } from '../../../domain/money.js';
import { isNegatedAt } from '../text/cues.js';
import { normalise } from '../text/normalise.js';
import { quoteOf } from './evidence.js';
import type { Checker, Evidence } from './types.js';

/** Generic words for an offer (a noun, not "I can offer you…"). */
const GENERIC_OFFER =
  /\b(?:an offer|the offer|our offer|this offer|special offer|offer (?:on|running|at the moment|available|applies)|offers? on|on offer|discount\w*|promotion\w*|promo|a deal|the deal|deals?|money off|reduction|saving|savings|cheaper)\b/;

/** The `advise_offers` checker (rules in the comment at the top of this file). */
export const checkAdviseOffers: Checker = (call, facts) => {
  if (facts.offers.length === 0) return { mark: 'met', evidence: [], note: 'No offer applies in this scenario.' };
  let specific: Evidence | undefined;
  let generic: Evidence | undefined;
  let denied: Evidence | undefined;
  for (const m of call.learner) {
    for (const s of m.analysis.sentences) {
      const n = normalise(s.text);
      const saves = m.analysis.money.some(
        (x) => x.start >= s.start && x.start < s.start + s.text.length && facts.offers.some((o) => o.savings.includes(x.pence)),
      );
      const hit = facts.offers.map((o) => o.specific.exec(n)).find((x) => x !== null);
      if ((hit && !isNegatedAt(n, hit.index, 4)) || (saves && GENERIC_OFFER.test(n))) {
        specific ??= quoteOf(m.index, s.text);
        continue;
      }
      const g = GENERIC_OFFER.exec(n);
      if (g) {
        if (isNegatedAt(n, g.index, 4)) denied ??= quoteOf(m.index, s.text);
        else generic ??= quoteOf(m.index, s.text);
      }
    }
  }
  const names = facts.offers.map((o) => `${o.name} (${o.description})`).join('; ');
  if (specific) return { mark: 'met', evidence: [specific], note: `Tells the customer about the offer: ${specific.quote}` };
  if (generic) return { mark: 'partly', evidence: [generic], note: `Mentions an offer without saying what it is; the ${names} applies.` };
  if (denied) return { mark: 'missed', evidence: [denied], note: `Says there is no offer, but the ${names} applies.` };
  return {
    mark: 'missed',
    evidence: [],
    note: `The ${names} applies${facts.offers[0].savings[0] ? ` (saves ${formatPounds(facts.offers[0].savings[0])})` : ''}; not mentioned.`,
  };
};
