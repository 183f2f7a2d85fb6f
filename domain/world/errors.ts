/** Typed errors of the order world, carrying what went wrong and with what. */

export type WorldErrorCode =
  | 'unknown-product'
  | 'unknown-line'
  | 'not-changeable'
  | 'bad-quantity'
  | 'not-delivered'
  | 'bad-date';

/** A request the order world cannot carry out (the desk shows `message`). */
export class WorldError extends Error {
  readonly code: WorldErrorCode;
  readonly context: Readonly<Record<string, unknown>>;

  constructor(code: WorldErrorCode, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = 'WorldError';
    this.code = code;
    this.context = context;
  }
}
