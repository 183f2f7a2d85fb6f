/** Typed errors of the order desk. The desk answers each with its message (and the usage line). */

/** The command's arguments are missing or malformed. */
export class DeskUsageError extends Error {
  constructor(
    readonly command: string,
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'DeskUsageError';
  }
}

/** The command names something the order system does not have (an account, an order). */
export class DeskNotFoundError extends Error {
  constructor(
    readonly command: string,
    readonly what: 'account' | 'order',
    readonly reference: string,
  ) {
    super(`No ${what} ${reference} on the system. Check the number with the caller.`);
    this.name = 'DeskNotFoundError';
  }
}
