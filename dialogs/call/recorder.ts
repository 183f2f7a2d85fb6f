/**
 * Recording calls as they happen (contract §4). A {@link TurnRecorder} lives for one turn:
 * it holds the learner's incoming message and every message the bot sends, and `flush()`
 * appends them — stamped on the call's time line — to the call record, awaited, inside the
 * turn. (botbuilder's TranscriptLoggerMiddleware writes after the turn without awaiting.)
 * Only `message` activities are recorded; nothing is recorded outside a call.
 */
import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { CallStore } from '../../domain/calls.js';
import type { Speaker, TranscriptActivity } from '../../domain/transcript.js';
import { stamp, type Timeline } from './timeline.js';

/** The recorder is missing from the turn (the bot or the test did not install one). */
export class RecorderMissingError extends Error {
  constructor() {
    super('No TurnRecorder on this turn: run the dialogs through TrainerBot, or add recordCalls() middleware');
    this.name = 'RecorderMissingError';
  }
}

interface Pending {
  who: Speaker | 'learner';
  activity: TranscriptActivity;
}

const KEY = Symbol('TurnRecorder');

/** Buffers one turn's messages and appends them to the current call's record. */
export class TurnRecorder {
  #pending: Pending[] = [];
  #call?: { id: string; timeline: Timeline };

  constructor(
    private readonly store: CallStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The recorder installed on this turn. Throws {@link RecorderMissingError}. */
  static of(context: TurnContext): TurnRecorder {
    const r = context.turnState.get(KEY) as TurnRecorder | undefined;
    if (!r) throw new RecorderMissingError();
    return r;
  }

  /** Installs a recorder on the turn: the incoming message is buffered and sent messages are captured. */
  static install(context: TurnContext, store: CallStore, now: () => number = Date.now): TurnRecorder {
    const existing = context.turnState.get(KEY) as TurnRecorder | undefined;
    if (existing) return existing;
    const r = new TurnRecorder(store, now);
    context.turnState.set(KEY, r);
    const a = context.activity;
    if (a.type === 'message') {
      r.#pending.push({
        who: 'learner',
        activity: {
          type: 'message',
          ...(a.id ? { id: a.id } : {}),
          from: { id: a.from?.id ?? 'learner', name: a.from?.name ?? '', role: 'user' },
          text: a.text ?? '',
        },
      });
    }
    context.onSendActivities(async (ctx, activities, next): Promise<ResourceResponse[]> => {
      const responses = await next();
      for (const sent of activities) r.captureOutgoing(ctx, sent);
      return responses;
    });
    return r;
  }

  /** The call messages now go to (set at the start of the turn or when a call starts). */
  attach(callId: string, timeline: Timeline): void {
    this.#call = { id: callId, timeline };
  }

  /**
   * Stop recording into the current call (it has ended or been abandoned). Messages not yet
   * flushed stay buffered for a call attached later in the turn (a `/start` that abandons a
   * call belongs to the new one), unless `dropPending`.
   */
  detach(dropPending = false): void {
    this.#call = undefined;
    if (dropPending) this.#pending = [];
  }

  /** The call being recorded, if any. */
  get callId(): string | undefined {
    return this.#call?.id;
  }

  private captureOutgoing(ctx: TurnContext, a: Partial<Activity>): void {
    if (a.type !== 'message') return;
    const speaker = (a.channelData as { speaker?: Speaker } | undefined)?.speaker ?? 'coach';
    this.#pending.push({
      who: speaker,
      activity: {
        type: 'message',
        from: { id: ctx.activity.recipient?.id ?? 'trainer', name: ctx.activity.recipient?.name ?? 'Trainer', role: 'bot' },
        text: a.text ?? '',
        channelData: { speaker },
        ...(a.attachments && a.attachments.length > 0 ? { attachments: a.attachments } : {}),
      },
    });
  }

  /** Appends everything buffered to the current call (awaited), stamping each on its time line. */
  async flush(): Promise<void> {
    const call = this.#call;
    const pending = this.#pending;
    this.#pending = [];
    if (!call || pending.length === 0) return;
    const now = this.now();
    const activities = pending.map((p) => ({ ...p.activity, timestamp: stamp(call.timeline, p.who, p.activity.text ?? '', now) }));
    await this.store.appendActivities(call.id, activities);
  }
}

/**
 * Middleware that installs a {@link TurnRecorder} on every turn and flushes it after the turn
 * (for running the dialogs without {@link TrainerBot}, e.g. in `DialogTestClient`). The bot
 * itself flushes before saving state instead.
 */
export function recordCalls(store: CallStore, now: () => number = Date.now): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const recorder = TurnRecorder.install(context, store, now);
      await next();
      await recorder.flush();
    },
  };
}
