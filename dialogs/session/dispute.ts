/**
 * `/dispute <criterion> <reason>`: the learner questions a mark on their last marked call.
 * The dispute is kept on the call record for the assessor (the mark itself is unchanged); it
 * stays open until an assessor moderates that criterion, which the learner sees in `/history`.
 */
import { openDisputes, type CallRecord, type CallStore, type Learner } from '../../domain/calls.js';
import { CRITERIA, type CriterionId } from '../../domain/scenario/vocabulary.js';
import { criterionInfo } from '../marking/criteria.js';

const USAGE = 'Usage: /dispute <criterion> <reason>, for example /dispute state_delivery I gave the date as Thursday 5 March.';

/** The longest reason kept, in characters. */
export const MAX_DISPUTE_REASON = 1000;

/** How many recent ended calls are looked through for the last marked one. */
const LOOK_BACK = 5;

/** A criterion id as typed ("State-Delivery" → state_delivery), or undefined. */
export function criterionArg(token: string | undefined): CriterionId | undefined {
  const t = (token ?? '').toLowerCase().replace(/-/g, '_');
  return (CRITERIA as readonly string[]).includes(t) ? (t as CriterionId) : undefined;
}

/** The learner's most recently ended call that has a scorecard (an ended call may be unmarked). */
async function lastMarkedCall(calls: CallStore, learnerId: string): Promise<CallRecord | undefined> {
  const { rows } = await calls.list({ learner: learnerId, status: 'ended', sort: 'endedAt', order: 'desc', limit: LOOK_BACK });
  const marked = rows.find((r) => r.score !== undefined);
  const record = marked ? await calls.get(marked.id) : undefined;
  return record?.scorecard && record.learner.id === learnerId ? record : undefined;
}

/** Records the dispute and says what happened. */
export async function disputeText(calls: CallStore, learner: Learner, args: string, now: number): Promise<string> {
  const [first, ...rest] = args.trim().split(/\s+/);
  const criterion = criterionArg(first);
  const reason = rest.join(' ').trim();
  if (!criterion) return `${first ? `"${first}" is not a criterion. ` : ''}Criteria: ${CRITERIA.join(', ')}.\n${USAGE}`;
  if (!reason) return `Say why you disagree with the mark.\n${USAGE}`;
  if (reason.length > MAX_DISPUTE_REASON) return `Please keep the reason under ${MAX_DISPUTE_REASON} characters (yours has ${reason.length}).`;
  const last = await lastMarkedCall(calls, learner.id);
  if (!last?.scorecard) return 'You have no marked call to dispute yet. A call is marked when you end it with /end.';
  const mark = last.scorecard.criteria[criterion]?.mark;
  const title = criterionInfo()[criterion].title;
  if (!mark || mark === 'n/a') return `${title} was not marked in your ${last.scenario} call, so there is nothing to dispute.`;
  if (openDisputes(last).some((d) => d.criterion === criterion)) {
    return `You have already disputed "${title}" on your ${last.scenario} call, and your assessor has not answered yet. Type /history to see when they do.`;
  }
  await calls.addDispute(last.id, { criterion, reason, by: learner.id, at: new Date(now).toISOString() });
  return `Noted: your dispute of "${title}" (marked ${mark}) on your ${last.scenario} call is recorded for your assessor, who can moderate the mark. Type /history to see their answer.`;
}
