/** Polling for a condition that becomes true asynchronously (a reload, a reply, a write). */

/**
 * Polls `fn` every `everyMs` until it returns a truthy value, and resolves to it.
 * @throws Error when the condition is not met within `timeoutMs`
 */
export async function eventually<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 5000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
