/**
 * Errors of the assessor tools. {@link HttpError} carries the status and the message an
 * assessor sees; {@link AssessorTokenError} stops start-up on a malformed `ASSESSOR_TOKENS`.
 */

/** A request that cannot be served as asked; `status` and `code` go into the JSON answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra detail for the client (e.g. the fields that were wrong). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 400: the request's query, path or body is not valid. */
export class BadRequestError extends HttpError {
  constructor(message: string, details?: unknown) {
    super(400, 'BadRequest', message, details);
    this.name = 'BadRequestError';
  }
}

/** 404: no such call (or the assessor tools are off). */
export class NotFoundError extends HttpError {
  constructor(message: string) {
    super(404, 'NotFound', message);
    this.name = 'NotFoundError';
  }
}

/** 409: the call is in a state where the operation makes no sense (e.g. moderating an unmarked call). */
export class ConflictError extends HttpError {
  constructor(message: string) {
    super(409, 'Conflict', message);
    this.name = 'ConflictError';
  }
}

/** An `ASSESSOR_TOKENS` entry is malformed; `entry` is its 1-based position in the list. */
export class AssessorTokenError extends Error {
  constructor(
    message: string,
    readonly entry: number,
  ) {
    super(`ASSESSOR_TOKENS entry ${entry}: ${message}`);
    this.name = 'AssessorTokenError';
  }
}
