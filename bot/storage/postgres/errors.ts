/** Errors of the PostgreSQL back-end, each carrying what it was about. */

/** Another instance holds the migration lock and did not release it in time. */
export class MigrationLockTimeoutError extends Error {
  constructor(
    readonly holder: string | undefined,
    readonly waitedMs: number,
  ) {
    super(
      `Timed out after ${waitedMs} ms waiting for the schema migration lock` +
        (holder ? ` (held by ${holder})` : '') +
        '; if that instance died, the lock expires by itself',
    );
    this.name = 'MigrationLockTimeoutError';
  }
}

/** This instance's migration lock expired and was taken by another while it was migrating. */
export class MigrationLockLostError extends Error {
  constructor(readonly holder: string) {
    super(`The schema migration lock held by ${holder} expired while migrating; stopping`);
    this.name = 'MigrationLockLostError';
  }
}

/** A migration statement failed; `version` and `statement` say which. */
export class MigrationError extends Error {
  constructor(
    readonly version: number,
    readonly migration: string,
    readonly statement: string,
    options: { cause: unknown },
  ) {
    const detail = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`Schema migration ${version} (${migration}) failed: ${detail}\n  in: ${statement.trim().split('\n')[0]}`, options);
    this.name = 'MigrationError';
  }
}

/** A `from`/`to`/instant bound of a call query is not a real date or instant. */
export class InvalidTimeBoundError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} "${value}" is not a valid date (YYYY-MM-DD) or UTC instant (YYYY-MM-DDTHH:MM[:SS[.mmm]][Z])`);
    this.name = 'InvalidTimeBoundError';
  }
}

/** A stored bot-state row could not be read back. */
export class CorruptStateError extends Error {
  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`Stored bot state "${key}" is damaged (not JSON)`, options);
    this.name = 'CorruptStateError';
  }
}

/** A database operation kept failing with retryable errors. */
export class RetriesExhaustedError extends Error {
  constructor(
    readonly operation: string,
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(`${operation}: still conflicting after ${attempts} attempts`, options);
    this.name = 'RetriesExhaustedError';
  }
}
