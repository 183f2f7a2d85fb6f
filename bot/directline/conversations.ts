/**
 * Conversations of the local Direct Line: each keeps its user and a bounded buffer of the
 * activities a client polls with a watermark. Held in memory for the session; the bot's own
 * state and the call records live in storage, so losing a buffer loses no call.
 */
import { randomBytes } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';

export interface DirectLineLimits {
  /** Activities kept per conversation (oldest dropped first). */
  maxActivities: number;
  /** Conversations kept (least recently active dropped first). */
  maxConversations: number;
}

export const DEFAULT_LIMITS: DirectLineLimits = { maxActivities: 1000, maxConversations: 1000 };

export class DirectLineConversation {
  readonly #activities: Partial<Activity>[] = [];
  /** Sequence number of `#activities[0]`; the watermark is the next sequence number. */
  #first = 0;
  lastActive: number;

  constructor(
    readonly id: string,
    readonly user: ChannelAccount,
    /** Where the bot's replies would be posted (our own Direct Line base URL). */
    readonly serviceUrl: string,
    private readonly maxActivities: number,
  ) {
    this.lastActive = Date.now();
  }

  /** Next watermark: how many activities have ever been pushed. */
  get watermark(): number {
    return this.#first + this.#activities.length;
  }

  /** Adds an activity to the stream, giving it an id and timestamp; returns the id. */
  push(activity: Partial<Activity>): string {
    const seq = this.watermark;
    const id = `${this.id}|${String(seq).padStart(7, '0')}`;
    this.#activities.push({ ...activity, id, timestamp: activity.timestamp ?? new Date() } as Partial<Activity>);
    if (this.#activities.length > this.maxActivities) {
      this.#activities.shift();
      this.#first += 1;
    }
    this.lastActive = Date.now();
    return id;
  }

  /** Activities from `watermark` on (from the oldest kept if it is older). */
  since(watermark: number): { activities: Partial<Activity>[]; watermark: string } {
    const start = Math.max(0, Math.min(watermark, this.watermark) - this.#first);
    this.lastActive = Date.now();
    return { activities: this.#activities.slice(start), watermark: String(this.watermark) };
  }
}

export class ConversationRegistry {
  readonly #conversations = new Map<string, DirectLineConversation>();

  constructor(
    private readonly limits: DirectLineLimits = DEFAULT_LIMITS,
    private readonly onEvict: (id: string) => void = () => undefined,
  ) {}

  /** Starts a conversation for the user. */
  create(user: ChannelAccount, serviceUrl: string): DirectLineConversation {
    const id = randomBytes(16).toString('base64url');
    const conversation = new DirectLineConversation(id, user, serviceUrl, this.limits.maxActivities);
    this.#conversations.set(id, conversation);
    this.#evictIfFull();
    return conversation;
  }

  get(id: string): DirectLineConversation | undefined {
    const c = this.#conversations.get(id);
    if (c) {
      // Map order doubles as recency order.
      this.#conversations.delete(id);
      this.#conversations.set(id, c);
    }
    return c;
  }

  get size(): number {
    return this.#conversations.size;
  }

  #evictIfFull(): void {
    for (const id of this.#conversations.keys()) {
      if (this.#conversations.size <= this.limits.maxConversations) break;
      this.#conversations.delete(id);
      this.onEvict(id);
    }
  }
}
