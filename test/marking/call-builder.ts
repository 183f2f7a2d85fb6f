/**
 * A small way to write test calls: one line per activity.
 *   'L: text'   the learner speaks to the customer
 *   '/cmd …'    the learner types a desk or session command
 *   'D: text'   the desk answers
 *   'C: text'   the customer speaks
 *   'K: text'   the coach speaks
 * The call starts with `/start <scenario>` and a coach briefing, as the bot records it.
 */
import type { TranscriptActivity } from '../../domain/transcript.js';

/** Build a transcript (contract §4) from test lines. */
export function buildCall(scenario: string, lines: readonly string[], opts: { end?: boolean } = {}): TranscriptActivity[] {
  const acts: TranscriptActivity[] = [];
  let t = Date.UTC(2026, 0, 1, 9, 0, 0);
  const push = (role: 'user' | 'bot', text: string, speaker?: 'customer' | 'desk' | 'coach'): void => {
    t += 7000;
    acts.push({
      type: 'message',
      from: role === 'user' ? { id: 'learner', name: 'Learner', role: 'user' } : { id: 'trainer', name: 'Trainer', role: 'bot' },
      text,
      timestamp: new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(speaker ? { channelData: { speaker } } : {}),
    });
  };
  push('user', `/start ${scenario}`);
  push('bot', `Practice call: ${scenario}.`, 'coach');
  for (const line of lines) {
    if (line.startsWith('/')) push('user', line);
    else if (line.startsWith('L: ')) push('user', line.slice(3));
    else if (line.startsWith('D: ')) push('bot', line.slice(3), 'desk');
    else if (line.startsWith('C: ')) push('bot', line.slice(3), 'customer');
    else if (line.startsWith('K: ')) push('bot', line.slice(3), 'coach');
    else throw new Error(`test line must start with L:, C:, D:, K: or /: ${line}`);
  }
  if (opts.end !== false) push('user', '/end');
  return acts;
}
