/** `/history`: the learner's recent calls, newest first, from the call records. */
import type { CallStore, CallSummary } from '../../domain/calls.js';

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

/** The `/history` answer for a learner. */
export async function historyText(calls: CallStore, learnerId: string): Promise<string> {
  const { rows, total } = await calls.list({ learner: learnerId, sort: 'startedAt', order: 'desc', limit: HISTORY_LENGTH });
  if (rows.length === 0) return 'You have no calls yet. Start one with /start <scenario-id>; /scenarios lists them.';
  const more = total > rows.length ? `\n(${total - rows.length} earlier call${total - rows.length === 1 ? '' : 's'} not shown)` : '';
  return `Your calls, newest first:\n${rows.map(row).join('\n')}${more}\n\nTo question a mark on your last marked call: /dispute <criterion> <reason>.`;
}
