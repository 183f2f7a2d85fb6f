/**
 * Plays a dialogue through the real bot in this process (createBot with the real customer
 * simulator, desk and marker, over a lowdb call store; botbuilder's TestAdapter via
 * {@link InProcessCall}): `/start <scenario> [mode]`, the learner's lines one by one, `/end`
 * if the call has not ended, and what came back at each step.
 */
import { MemoryStorage, type Activity } from 'botbuilder';
import { silentLogger } from '../../bot/logger.js';
import type { CallScorecard, CallStore } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { createBot } from '../../dialogs/index.js';
import { InProcessCall } from '../simulate/inProcessCall.js';
import { speakerOf } from '../simulate/render.js';
import { stepText, type Dialogue } from './dialogueSchema.js';

/** "Real time" of a played call: a fixed start ticking 1 ms per reading, so every run is the same. */
export const PLAY_EPOCH = Date.parse('2026-01-05T09:00:00.000Z');

/** A bot message, by speaker. */
export interface Reply {
  speaker: 'customer' | 'desk' | 'coach';
  text: string;
}

/** One learner message and what it got. */
export interface PlayedStep {
  text: string;
  replies: Reply[];
  /** the call ended during this step (the customer hung up, or `/end`) */
  ended: boolean;
}

/** A played dialogue. */
export interface PlayedDialogue {
  /** the replies to `/start` (briefing, the customer's first line) */
  opening: Reply[];
  /** the learner's lines that were sent (fewer than written when the call ended early) */
  steps: PlayedStep[];
  /** the replies to the `/end` the player sent, when the call had not ended */
  closing?: Reply[];
  scorecard?: CallScorecard;
  callId?: string;
}

function replies(activities: readonly Partial<Activity>[]): Reply[] {
  return activities.filter((a) => a.type === 'message' && a.text).map((a) => ({ speaker: speakerOf(a), text: a.text as string }));
}

function scorecardIn(activities: readonly Partial<Activity>[]): CallScorecard | undefined {
  for (const a of activities) {
    const card = (a.channelData as { scorecard?: CallScorecard } | undefined)?.scorecard;
    if (card) return card;
  }
  return undefined;
}

/** Plays dialogues of the given scenarios, each as its own learner and conversation. */
export class DialoguePlayer {
  #played = 0;

  constructor(
    private readonly scenarios: readonly LoadedScenario[],
    private readonly calls: CallStore,
  ) {}

  /** Plays one dialogue of `scenarioId`. */
  async play(scenarioId: string, dialogue: Dialogue): Promise<PlayedDialogue> {
    const n = ++this.#played;
    let ticks = 0;
    const bot = createBot({
      storage: new MemoryStorage(),
      calls: this.calls,
      scenarios: this.scenarios,
      logger: silentLogger(),
      seed: () => dialogue.seed,
      now: () => PLAY_EPOCH + ticks++,
    });
    const learner = { id: `dialogue-test-${n}`, name: 'Test Learner' };
    const call = new InProcessCall(bot, learner, `dialogue-test-${n}`);
    const inProgress = async (): Promise<{ id?: string; open: boolean }> => {
      const { rows } = await this.calls.list({ learner: learner.id, sort: 'startedAt', order: 'desc', limit: 1 });
      return { id: rows[0]?.id, open: rows[0]?.status === 'in-progress' };
    };

    const start = await call.say(`/start ${scenarioId}${dialogue.mode === 'assessment' ? ' assessment' : ''}`);
    const played: PlayedDialogue = { opening: replies(start), steps: [] };
    let scorecard = scorecardIn(start);
    for (const step of dialogue.learner) {
      const out = await call.say(stepText(step));
      scorecard ??= scorecardIn(out);
      const { open } = await inProgress();
      played.steps.push({ text: stepText(step), replies: replies(out), ended: !open });
      if (!open) break;
    }
    const state = await inProgress();
    if (state.open) {
      const out = await call.say('/end');
      played.closing = replies(out);
      scorecard ??= scorecardIn(out);
    }
    if (state.id) played.callId = state.id;
    if (scorecard) played.scorecard = scorecard;
    return played;
  }
}
