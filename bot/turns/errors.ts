/** Errors of the turn locks. */

/** Another instance held a conversation's lock for longer than the wait allows. */
export class TurnLockTimeoutError extends Error {
  constructor(
    readonly key: string,
    readonly waitedMs: number,
    readonly holder: string | undefined,
  ) {
    super(
      `Timed out after ${waitedMs} ms waiting for the turn lock of conversation ${key}` +
        (holder ? ` (held by ${holder})` : '') +
        '; if that instance died, its lease expires by itself',
    );
    this.name = 'TurnLockTimeoutError';
  }
}

/** The lock is closed (the server is shutting down). */
export class TurnLockClosedError extends Error {
  constructor() {
    super('The turn lock is closed: the server is shutting down');
    this.name = 'TurnLockClosedError';
  }
}
