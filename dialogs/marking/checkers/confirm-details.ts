/**
 * `confirm_details` — before closing, reads back the key details of what was agreed
 * (items and quantities, the change, or the actions; with a date or address) and asks the
 * customer to confirm. A read-back without the request, or a partial one, is partly;
 * actions reported step by step with no summary is missed (rulings).
 */
import { statesProblem } from '../cues/problem.js';
import type { CustomerLine } from '../call/call-view.js';
import { identifiersIn } from '../cues/identity.js';
import { asksToConfirm, OUTCOME, readBackDetails, SUMMARY, type ReadBackDetails } from '../cues/read-back.js';
import { fromMessage } from './evidence.js';
import type { Checker } from './types.js';

/** Desk commands that commit what was agreed. */
const COMMITS = new Set(['place', 'amend', 'cancel', 'return', 'pay']);

function hasDetail(d: ReadBackDetails): boolean {
  return d.items || d.date || d.address || d.price;
}

/** The customer's price or date question ("What's that going to come to?", "When would they come?"). */
const QUOTE_QUESTION = /\b(?:how much|come to|cost|total|price|when)\b[^?]*\?/i;

/** The customer line just before the learner's message at `index` asked for a price or a date (the message is a quote). */
function answersQuestion(customer: readonly CustomerLine[], index: number): boolean {
  const last = customer.filter((c) => c.index < index).pop();
  return last !== undefined && QUOTE_QUESTION.test(last.text);
}

/** The `confirm_details` checker (rules in the comment at the top of this file). */
export const checkConfirmDetails: Checker = (call, facts) => {
  // "before closing": a read-back belongs to the later part of the call, not the opening exchange
  // (a message introduced as a summary may come from the first third on; any other only in the second half)
  const n = call.learner.length;
  const firstCommit = call.desk.find((d) => COMMITS.has(d.name) && d.result !== undefined)?.index ?? -1;
  const candidates = call.learner
    .map((m, i) => {
      const d = readBackDetails(m.analysis, facts);
      const summary = SUMMARY.test(m.analysis.norm) || (OUTCOME.test(m.analysis.norm) && (d.date || d.address));
      // the request may come as the learner's next message ("… delivered Tuesday 17 March." — "Is that all okay for you?")
      const next = call.learner[i + 1];
      const asks = asksToConfirm(m.analysis) || (next !== undefined && asksToConfirm(next.analysis) && !hasDetail(readBackDetails(next.analysis, facts)));
      // in a summary, "four on Thursday and two on Friday" names the items
      return { m, d: { ...d, items: d.items || (d.quantities && (summary || asks)) }, summary, asks };
    })
    .filter(({ m, summary, asks }) => m.ordinal >= Math.max(2, Math.ceil((summary || asks ? n / 3 : n / 2))))
    // a summary names what was agreed: items (or the change) together with a date or address,
    // or is introduced as a summary (or put to the customer to confirm) and names at least one detail
    .filter(({ d, summary, asks }) => (d.items && (d.date || d.address)) || ((summary || asks) && (d.items || d.date || d.address)))
    // an offer is not a read-back: with nothing put as a summary or to confirm, details said
    // before the order is committed on the desk are what is on offer, not what was agreed
    .filter(({ m, summary, asks }) => summary || asks || m.index > firstCommit)
    // a quote given in answer to the customer's question ("What's that going to come to?") is not a read-back
    .filter(({ m, summary, asks }) => summary || asks || !answersQuestion(call.customer, m.index))
    // reading out the caller's details to check who they are is verification, not a read-back
    .filter(({ m, d }) => d.items || identifiersIn(m.text, facts.identity).length === 0)
    // news of what went wrong is not a read-back of what was agreed ("2 of them got broke so
    // they're not gonna come today"), unless put as a summary or for the customer to confirm
    .filter(({ m, summary, asks }) => summary || asks || statesProblem(m.analysis, facts).what.length === 0);
  const full = candidates.filter(({ d }) => d.items && (d.date || d.address));
  const best = full.find((c) => c.asks) ?? candidates.find((c) => c.asks) ?? full[full.length - 1] ?? candidates[candidates.length - 1];
  if (!best) return { mark: 'missed', evidence: [], note: 'No read-back of what was agreed.' };
  const ev = [fromMessage(best.m)];
  const named = [best.d.items && 'items', best.d.date && 'date', best.d.address && 'address', best.d.price && 'price']
    .filter(Boolean)
    .join(', ');
  const complete = best.d.items && (best.d.date || best.d.address);
  if (complete && best.asks) return { mark: 'met', evidence: ev, note: `Reads back ${named} and asks the customer to confirm (act ${best.m.index}).` };
  if (!complete) {
    return {
      mark: 'partly',
      evidence: ev,
      note: `Partial read-back (${named || 'outcome only'}; no ${best.d.items ? 'date or address' : 'items'})${best.asks ? '' : ', without asking the customer to confirm'}.`,
    };
  }
  return { mark: 'partly', evidence: ev, note: `Reads back ${named} (act ${best.m.index}) but does not ask the customer to confirm.` };
};
