/**
 * `authorise` — an order over the available credit is not put on account; the customer is
 * told it exceeds the credit; and it is referred to the organisation's credit team (Credit
 * Control at Harbour & Pike; its name comes from the organisation file), paid by card through
 * the secure line, or reduced to fit. Promising the outcome, or first committing the
 * order (an attempted `/place` counts), is partly; processing it anyway, promising a
 * credit-limit increase, or leaving it unresolved is missed (rulings).
 */
import { formatPounds } from '../../../domain/money.js';
import { PROMISE_TO_COMMIT, reportsDone } from '../cues/commitment.js';
import { CARD_ROUTE, CREDIT_CONTROL, LIMIT_INCREASE, OVER_CREDIT, PROMISED_OUTCOME } from '../cues/credit.js';
import { isNegatedAt } from '../text/cues.js';
import { normalise } from '../text/normalise.js';
import { fromDesk, quoteOf } from './evidence.js';
import type { Checker, Evidence } from './types.js';

const REFUSED = /\bnot placed\b|\brefused\b|\bexceeds available credit\b/i;

/** The `authorise` checker (rules in the comment at the top of this file). */
export const checkAuthorise: Checker = (call, facts) => {
  const credit = facts.credit;
  if (!credit || !credit.exceeds) return { mark: 'met', evidence: [], note: 'The order fits the available credit; nothing to authorise.' };
  const team = facts.teams.find((t) => t.id === facts.creditTeam);
  const referral = `a referral to ${team?.name ?? 'the credit team'}`;
  const namesTeam = (n: string): boolean => CREDIT_CONTROL.test(n) || (team !== undefined && team.pattern.test(n));
  const evidence: Evidence[] = [];
  let told: Evidence | undefined;
  let increase: Evidence | undefined;
  let promised: Evidence | undefined;
  let route: { what: string; index: number; ev: Evidence } | undefined;
  let claimedDoneAfterRefusal: Evidence | undefined;
  let refusedAt: number | undefined;
  let firstCommit: number | undefined;

  for (const ev of call.events) {
    if (ev.kind === 'desk') {
      if (ev.name === 'place') {
        const refused = ev.result ? REFUSED.test(ev.result.text) : false;
        if (refused) refusedAt ??= ev.index;
        else if (!route) route = { what: 'a reduced order within the credit', index: ev.index, ev: fromDesk(ev) };
        if (refused || !route) firstCommit ??= ev.index;
      } else if (ev.name === 'pay') {
        route ??= { what: 'card payment through the secure line', index: ev.index, ev: fromDesk(ev) };
      } else if (ev.name === 'refer' && ev.args.toLowerCase().startsWith(facts.creditTeam)) {
        route ??= { what: referral, index: ev.index, ev: fromDesk(ev) };
      }
      continue;
    }
    if (ev.kind !== 'learner') continue;
    for (const s of ev.analysis.sentences) {
      const n = normalise(s.text);
      const over = OVER_CREDIT.exec(n);
      if (over && !told) told = quoteOf(ev.index, s.text);
      const inc = LIMIT_INCREASE.exec(n);
      if (inc && !isNegatedAt(n, inc.index, 4)) increase ??= quoteOf(ev.index, s.text);
      const po = PROMISED_OUTCOME.exec(n);
      if (po && !isNegatedAt(n, po.index, 5) && !/\bif\b/.test(n.slice(Math.max(0, po.index - 30), po.index))) promised ??= quoteOf(ev.index, s.text);
      if (!route && namesTeam(n) && !inc) route = { what: referral, index: ev.index, ev: quoteOf(ev.index, s.text) };
      if (!route && CARD_ROUTE.test(n)) route = { what: 'card payment through the secure line', index: ev.index, ev: quoteOf(ev.index, s.text) };
      if (refusedAt !== undefined && reportsDone(n)) claimedDoneAfterRefusal ??= quoteOf(ev.index, s.text);
      if (!route && PROMISE_TO_COMMIT.test(n) && /\baccount\b/.test(n)) firstCommit ??= ev.index;
    }
  }
  const avail = formatPounds(credit.available);
  if (increase) return { mark: 'missed', evidence: [increase], note: `Promises a credit-limit increase: ${increase.quote}` };
  if (claimedDoneAfterRefusal) {
    return {
      mark: 'missed',
      evidence: [claimedDoneAfterRefusal],
      note: `The desk refused the order as over the ${avail} available credit, but the customer is told it is done.`,
    };
  }
  if (!route) {
    return { mark: 'missed', evidence: told ? [told] : [], note: `Over the ${avail} available credit, but no route (${team?.name ?? 'the credit team'}, card, reduced order) is taken.` };
  }
  if (told) evidence.push(told);
  evidence.push(route.ev);
  const problems: string[] = [];
  if (promised) {
    evidence.push(promised);
    problems.push(`promises the outcome (${promised.quote})`);
  }
  if (firstCommit !== undefined && firstCommit < route.index) problems.push(`first tries to commit it on account (act ${firstCommit})`);
  if (!told) problems.push(`never tells the customer it is over the ${avail} available credit`);
  if (problems.length) return { mark: 'partly', evidence, note: `Right route (${route.what}), but ${problems.join('; ')}.` };
  return { mark: 'met', evidence, note: `Tells the customer it exceeds the ${avail} available credit and takes ${route.what}.` };
};
