/**
 * Counts bot turns in flight so that shutdown can wait for them to finish.
 */
export class TurnTracker {
  readonly #running = new Set<Promise<unknown>>();

  /** How many turns are running. */
  get size(): number {
    return this.#running.size;
  }

  /** Runs `work` as a tracked turn. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const p = work();
    this.#running.add(p);
    const done = (): void => {
      this.#running.delete(p);
    };
    p.then(done, done);
    return p;
  }

  /** Resolves when no turn is running (waits for turns started meanwhile too), or after `timeoutMs`. */
  async idle(timeoutMs = Infinity): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.#running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const all = Promise.allSettled([...this.#running]);
      if (left === Infinity) await all;
      else await Promise.race([all, new Promise((r) => setTimeout(r, left).unref())]);
    }
    return true;
  }
}
