/** Plays a learner's lines through the harness bot until the coach sends the scorecard (then stops). */
import type { Activity } from 'botbuilder';
import type { CallScorecard } from '../../domain/calls.js';
import type { Harness } from '../dialogs/helpers/botHarness.js';

export interface Played {
  /** every reply the client received, in order */
  replies: Partial<Activity>[];
  /** the scorecard message, if the call ended */
  scorecardMessage?: Partial<Activity>;
  scorecard?: CallScorecard;
}

/** Sends `/start id`, then each line; sends `/end` at the end if the call has not ended. */
export async function playScript(h: Harness, id: string, script: readonly string[]): Promise<Played> {
  const replies: Partial<Activity>[] = [];
  const ended = (): Partial<Activity> | undefined => replies.find((a) => (a.channelData as { scorecard?: unknown } | undefined)?.scorecard);
  for (const line of [`/start ${id}`, ...script]) {
    replies.push(...(await h.say(line)));
    if (ended()) break;
  }
  if (!ended()) replies.push(...(await h.say('/end')));
  const message = ended();
  return {
    replies,
    ...(message ? { scorecardMessage: message, scorecard: (message.channelData as { scorecard: CallScorecard }).scorecard } : {}),
  };
}
