/** Counts operations in flight so `close()` can wait for them, and refuses new ones after. */
import { StorageClosedError } from '../errors.js';

export class InFlight {
  #count = 0;
  #closed = false;
  #waiters: (() => void)[] = [];

  /** @param what names the store in {@link StorageClosedError} */
  constructor(readonly what: string) {}

  /** Runs `fn`, counted; throws {@link StorageClosedError} once closed. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) throw new StorageClosedError(this.what);
    this.#count += 1;
    try {
      return await fn();
    } finally {
      this.#count -= 1;
      if (this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
    }
  }

  /** Refuses new operations and resolves when those in flight have settled. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#count > 0) await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
}
