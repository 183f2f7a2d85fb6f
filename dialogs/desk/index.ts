/**
 * The order desk (contract §3): one function per command over the scenario's world, the
 * desk's state for the call and the scenario clock. Bad arguments and unknown references
 * get a helpful answer (with the usage line) rather than an error.
 */
import { WorldError } from '../../domain/world/errors.js';
import { accountCommand } from './account.js';
import { addressCommand } from './address.js';
import { amendCommand } from './amend.js';
import { DESK_USAGE, tokens, type DeskCommand } from './args.js';
import { cancelCommand } from './cancel.js';
import { DeskNotFoundError, DeskUsageError } from './errors.js';
import { noteCommand } from './note.js';
import { orderCommand } from './order.js';
import { payCommand } from './pay.js';
import { placeCommand } from './place.js';
import { quoteCommand } from './quote.js';
import { referCommand } from './refer.js';
import { returnCommand } from './return.js';
import { stockCommand } from './stock.js';
import type { DeskContext, DeskEvent, DeskReply } from './types.js';

export { createDeskState } from './state.js';
export { DESK_USAGE, type DeskCommand } from './args.js';
export { DeskNotFoundError, DeskUsageError } from './errors.js';
export type { DeskContext, DeskEvent, DeskReply, DeskState } from './types.js';
export type { AdaptiveCard } from './sheet.js';

const COMMANDS: Record<DeskCommand, (ctx: DeskContext, args: string) => DeskReply> = {
  account: accountCommand,
  stock: stockCommand,
  order: orderCommand,
  quote: quoteCommand,
  place: placeCommand,
  amend: amendCommand,
  address: addressCommand,
  cancel: cancelCommand,
  return: returnCommand,
  pay: payCommand,
  refer: referCommand,
  note: noteCommand,
};

/** True when `name` (lower case, no slash) is a desk command. */
export function isDeskCommand(name: string): name is DeskCommand {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

/**
 * Runs a desk command. Changes `ctx.state` when the command changes the order system.
 * Usage mistakes and unknown numbers are answered, not thrown; other errors propagate.
 */
export function runDeskCommand(ctx: DeskContext, name: DeskCommand, args: string): DeskReply {
  const reply = answer(ctx, name, args);
  if (reply.events.length > 0) return reply;
  const failed = failedEvent(name, args);
  return failed ? { ...reply, events: [failed] } : reply;
}

function answer(ctx: DeskContext, name: DeskCommand, args: string): DeskReply {
  try {
    return COMMANDS[name](ctx, args);
  } catch (e) {
    if (e instanceof DeskUsageError) return { text: `${e.message}\nUsage: ${e.usage}`, events: [] };
    if (e instanceof DeskNotFoundError) return { text: e.message, events: [] };
    if (e instanceof WorldError) return { text: `The order system could not do that: ${e.message}.\nUsage: ${DESK_USAGE[name]}`, events: [] };
    throw e;
  }
}

/** What the customer is told about a command that found or did nothing. */
function failedEvent(name: DeskCommand, args: string): DeskEvent | undefined {
  const ref = (tokens(args)[0] ?? '').toUpperCase();
  switch (name) {
    case 'account':
      return { kind: 'account', account: ref, found: false };
    case 'stock':
      return { kind: 'stock', code: ref, found: false };
    case 'order':
      return { kind: 'order', order: ref, found: false };
    case 'quote':
    case 'place':
      return { kind: name, ok: false };
    case 'amend':
    case 'address':
    case 'cancel':
    case 'return':
      return { kind: name, ok: false, order: ref };
    default:
      return undefined;
  }
}
