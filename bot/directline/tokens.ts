/**
 * Direct Line tokens for the local subset: random, opaque, bound to one conversation, valid
 * for `ttlSeconds` (refreshable, as Web Chat does every 15 minutes). Held in memory.
 */
import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  token: string;
  conversationId: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

export class TokenRegistry {
  readonly #tokens = new Map<string, { conversationId: string; expiresAt: number }>();

  constructor(
    readonly ttlSeconds = 1800,
    readonly maxTokens = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new token for the conversation. */
  issue(conversationId: string): IssuedToken {
    this.#prune();
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { conversationId, expiresAt: this.now() + this.ttlSeconds * 1000 });
    return { token, conversationId, expiresIn: this.ttlSeconds };
  }

  /** The conversation a valid, unexpired token belongs to. */
  conversationOf(token: string): string | undefined {
    const entry = this.#tokens.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.#tokens.delete(token);
      return undefined;
    }
    return entry.conversationId;
  }

  /** A fresh token for the same conversation (the old one stays valid until it expires). */
  refresh(token: string): IssuedToken | undefined {
    const conversationId = this.conversationOf(token);
    return conversationId === undefined ? undefined : this.issue(conversationId);
  }

  /** Forgets every token of a conversation (when it is evicted). */
  revokeConversation(conversationId: string): void {
    for (const [token, entry] of this.#tokens) if (entry.conversationId === conversationId) this.#tokens.delete(token);
  }

  #prune(): void {
    if (this.#tokens.size < this.maxTokens) return;
    const now = this.now();
    for (const [token, entry] of this.#tokens) if (entry.expiresAt <= now) this.#tokens.delete(token);
    // Still full: drop the oldest issued (Map keeps insertion order).
    for (const token of this.#tokens.keys()) {
      if (this.#tokens.size < this.maxTokens) break;
      this.#tokens.delete(token);
    }
  }
}
