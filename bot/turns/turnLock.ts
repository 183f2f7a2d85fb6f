/**
 * One turn at a time per conversation. botbuilder saves conversation state last-writer-wins
 * (`eTag: '*'`), so two turns of one conversation running at once — a double-click, a
 * channel retry, or two server instances behind a load balancer — would each load the same
 * state and the later save would drop the earlier turn (its call-flow step, desk events and
 * the customer's memory). The server runs every turn inside {@link TurnLock.run} keyed by
 * {@link conversationKey}: within a process by a keyed mutex, across processes by a lease row
 * in PostgreSQL (postgresTurnLock.ts). See docs/decisions/0009-one-turn-at-a-time.md.
 */
import type { TurnContext } from 'botbuilder';
import { KeyedMutex } from '../storage/keyedMutex.js';

/** Serialises work per key. */
export interface TurnLock {
  /** Runs `work` holding `key`: work under one key runs one at a time (in arrival order within a process). */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Waits for work in progress, then releases resources. */
  close(): Promise<void>;
  /** For logs. */
  readonly description: string;
}

/** The lock key of a turn: channel and conversation (what botbuilder keys conversation state by). */
export function conversationKey(context: TurnContext): string | undefined {
  const { channelId, conversation } = context.activity;
  return channelId && conversation?.id ? `${channelId}/${conversation.id}` : undefined;
}

/** Wraps a turn handler so that each turn runs under its conversation's lock. */
export function serialiseTurns(lock: TurnLock, logic: (context: TurnContext) => Promise<void>): (context: TurnContext) => Promise<void> {
  return (context) => {
    const key = conversationKey(context);
    return key === undefined ? logic(context) : lock.run(key, () => logic(context));
  };
}

/** Within one process (one server owning its DATA_DIR: STORAGE=lowdb). */
export class InProcessTurnLock implements TurnLock {
  readonly description = 'in-process';
  readonly #mutex = new KeyedMutex();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.#mutex.run(key, work);
  }

  async close(): Promise<void> {
    await this.#mutex.idle();
  }
}
