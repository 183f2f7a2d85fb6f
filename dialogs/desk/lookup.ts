/** Finding what a desk command names: the caller's account, an account or order by number. */
import type { Pence } from '../../domain/money.js';
import type { Account } from '../../domain/scenario/schema.js';
import { availableCredit } from '../../domain/world/credit.js';
import type { CustomerType } from '../../domain/world/pricing.js';
import { DeskNotFoundError } from './errors.js';
import type { DeskContext, DeskOrder } from './types.js';

/** The account the caller's orders go on, or undefined for a private customer. */
export function callerAccount(ctx: DeskContext): Account | undefined {
  return ctx.loaded.scenario.account;
}

/** Business or private, as the scenario's customer is. */
export function customerType(ctx: DeskContext): CustomerType {
  return ctx.loaded.scenario.customer.type;
}

/** The account with that number (any case). Throws {@link DeskNotFoundError}. */
export function accountByNumber(ctx: DeskContext, command: string, reference: string): Account {
  const account = callerAccount(ctx);
  if (!account || account.number.toUpperCase() !== reference.toUpperCase()) throw new DeskNotFoundError(command, 'account', reference);
  return account;
}

/** The order with that number (any case). Throws {@link DeskNotFoundError}. */
export function orderByNumber(ctx: DeskContext, command: string, reference: string): DeskOrder {
  const order = ctx.state.orders.find((o) => o.number === reference.toUpperCase());
  if (!order) throw new DeskNotFoundError(command, 'order', reference);
  return order;
}

/** Available credit now: limit − balance − orders put on account during the call; undefined when not shown. */
export function availableNow(ctx: DeskContext, account: Account): Pence | undefined {
  const base = availableCredit(account);
  return base === undefined ? undefined : base - ctx.state.committedOnAccount;
}

/** The registered email that confirmations go to. */
export function registeredEmail(ctx: DeskContext, order?: DeskOrder): string {
  const account = callerAccount(ctx);
  if (account && (!order || order.account === account.number.toUpperCase())) return account.email;
  return ctx.loaded.scenario.customer.identity.email;
}

/** Where a note goes: the caller's account, else the (only) order, else the customer record. */
export function noteTarget(ctx: DeskContext): string {
  const account = callerAccount(ctx);
  if (account) return account.number;
  const order = ctx.state.orders[0];
  return order ? `order ${order.number}` : `the customer record (${ctx.loaded.scenario.customer.name})`;
}
