/**
 * `/history`: the learner's recent calls, newest first, from the call records — only their
 * own (the store is asked for that learner's id alone). Under a marked call, its disputes
 * (waiting for the assessor, or answered with the assessor's mark) and any other assessor marks.
 */
import { openDisputes, type CallRecord, type CallStore, type CallSummary } from '../../domain/calls.js';
import { criterionInfo, isCriterionId } from '../marking/criteria.js';

/** How many calls `/history` lists. */
export const HISTORY_LENGTH = 10;

function row(c: CallSummary): string {
  const when = c.startedAt.slice(0, 16).replace('T', ' ');
  const result =
    c.status === 'ended'
      ? c.score === undefined
        ? 'ended, not marked'
        : `score ${c.score}, ${c.passed ? 'passed' : 'not passed'}`
      : c.status === 'abandoned'
        ? 'abandoned (not marked)'
        : 'in progress';
  return `- ${when} UTC · ${c.scenario} (${c.mode}) · ${result}`;
}

function title(criterion: string): string {
  return isCriterionId(criterion) ? criterionInfo()[criterion].title : criterion;
}

/**
 * Lines under a call: each dispute, open or answered (the first assessor mark on that
 * criterion at or after it), then assessor marks that answered no dispute.
 */
export function reviewLines(call: Pick<CallRecord, 'disputes' | 'moderation'>): string[] {
  const open = new Set(openDisputes(call));
  const used = new Set<number>();
  const out: string[] = [];
  for (const d of call.disputes) {
    if (open.has(d)) {
      out.push(`    your dispute of "${title(d.criterion)}": waiting for your assessor`);
      continue;
    }
    const answer = call.moderation.findIndex((m) => m.criterion === d.criterion && m.at >= d.at);
    used.add(answer);
    const m = call.moderation[answer];
    out.push(`    your dispute of "${title(d.criterion)}": answered — your assessor marked it ${m.mark}${m.reason ? ` (“${m.reason}”)` : ''}`);
  }
  call.moderation.forEach((m, i) => {
    if (!used.has(i)) out.push(`    your assessor marked "${title(m.criterion)}" ${m.mark}${m.reason ? ` (“${m.reason}”)` : ''}`);
  });
  return out;
}

/** The `/history` answer for a learner. */
export async function historyText(calls: CallStore, learnerId: string): Promise<string> {
  const { rows, total } = await calls.list({ learner: learnerId, sort: 'startedAt', order: 'desc', limit: HISTORY_LENGTH });
  if (rows.length === 0) return 'You have no calls yet. Start one with /start <scenario-id>; /scenarios lists them.';
  // Disputes and assessor marks are on the records of marked calls (at most HISTORY_LENGTH reads).
  const records = await Promise.all(rows.map((r) => (r.status === 'ended' && r.score !== undefined ? calls.get(r.id) : undefined)));
  const lines = rows.flatMap((r, i) => {
    const record = records[i];
    // never another learner's record, whatever the store returned
    return [row(r), ...(record && record.learner.id === learnerId ? reviewLines(record) : [])];
  });
  const more = total > rows.length ? `\n(${total - rows.length} earlier call${total - rows.length === 1 ? '' : 's'} not shown)` : '';
  return `Your calls, newest first:\n${lines.join('\n')}${more}\n\nTo question a mark on your last marked call: /dispute <criterion> <reason>.`;
}
