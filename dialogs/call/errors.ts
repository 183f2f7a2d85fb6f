/** Typed errors of the call flow, carrying the call and scenario they concern. */

/** A call cannot be started: the options do not name a loaded scenario. */
export class CallStartError extends Error {
  constructor(readonly scenarioId: string | undefined) {
    super(`A call needs a loaded scenario; got ${scenarioId === undefined ? 'none' : `"${scenarioId}"`}`);
    this.name = 'CallStartError';
  }
}

/** A saved call cannot be carried on (its customer state does not load any more). */
export class CallResumeError extends Error {
  constructor(
    readonly callId: string,
    readonly scenarioId: string,
    options?: { cause?: unknown },
  ) {
    super(`Call ${callId} (${scenarioId}) cannot be resumed: ${options?.cause instanceof Error ? options.cause.message : 'bad saved state'}`, options);
    this.name = 'CallResumeError';
  }
}
