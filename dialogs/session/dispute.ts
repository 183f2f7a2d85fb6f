/**
 * `/dispute <criterion> <reason>`: the learner questions a mark on their last marked call.
 * The dispute is kept on the call record for the assessor (the mark itself is unchanged).
 */
import type { CallStore, Learner } from '../../domain/calls.js';
import { CRITERIA, type CriterionId } from '../../domain/scenario/vocabulary.js';
import { criterionInfo } from '../marking/criteria.js';

const USAGE = 'Usage: /dispute <criterion> <reason>, for example /dispute state_delivery I gave the date as Thursday 5 March.';

/** A criterion id as typed ("State-Delivery" → state_delivery), or undefined. */
export function criterionArg(token: string | undefined): CriterionId | undefined {
  const t = (token ?? '').toLowerCase().replace(/-/g, '_');
  return (CRITERIA as readonly string[]).includes(t) ? (t as CriterionId) : undefined;
}

/** Records the dispute and says what happened. */
export async function disputeText(calls: CallStore, learner: Learner, args: string, now: number): Promise<string> {
  const [first, ...rest] = args.trim().split(/\s+/);
  const criterion = criterionArg(first);
  const reason = rest.join(' ').trim();
  if (!criterion) return `${first ? `"${first}" is not a criterion. ` : ''}Criteria: ${CRITERIA.join(', ')}.\n${USAGE}`;
  if (!reason) return `Say why you disagree with the mark.\n${USAGE}`;
  const { rows } = await calls.list({ learner: learner.id, status: 'ended', sort: 'endedAt', order: 'desc', limit: 1 });
  const last = rows[0] ? await calls.get(rows[0].id) : undefined;
  if (!last?.scorecard) return 'You have no marked call to dispute yet. A call is marked when you end it with /end.';
  const mark = last.scorecard.criteria[criterion]?.mark;
  const title = criterionInfo()[criterion].title;
  if (!mark || mark === 'n/a') return `${title} was not marked in your ${last.scenario} call, so there is nothing to dispute.`;
  await calls.addDispute(last.id, { criterion, reason, by: learner.id, at: new Date(now).toISOString() });
  return `Noted: your dispute of "${title}" (marked ${mark}) on your ${last.scenario} call is recorded for your assessor, who can moderate the mark.`;
}
