/** Parsing desk command arguments: product lines, order and account numbers, dates. */
import { isLocalDate, type LocalDate } from '../../domain/dates.js';
import type { Organisation } from '../../domain/scenario/organisation.js';
import { findProduct } from '../../domain/world/catalogue.js';
import { DeskUsageError } from './errors.js';
import type { DeskLine } from './types.js';

/** Usage lines of the desk commands (contract §3). */
export const DESK_USAGE = {
  account: '/account <account-no>',
  stock: '/stock <code>',
  order: '/order <order-no>',
  quote: '/quote <code> <qty> [<code> <qty> …]',
  place: '/place <code> <qty> [<code> <qty> …]',
  amend: '/amend <order-no> <code> <qty>',
  address: '/address <order-no> <new address>',
  cancel: '/cancel <order-no> [<code> <qty>]',
  return: '/return <order-no> <yyyy-mm-dd> [<code> <qty>]',
  pay: '/pay',
  refer: '/refer <team> <note>',
  note: '/note <text>',
} as const;

/** A desk command name. */
export type DeskCommand = keyof typeof DESK_USAGE;

/** The arguments split on white space. */
export function tokens(args: string): string[] {
  return args.trim().split(/\s+/).filter(Boolean);
}

/** A product code from the catalogue (any case), or a usage error listing the codes. */
export function productCodeArg(org: Pick<Organisation, 'catalogue'>, command: DeskCommand, token: string | undefined): string {
  if (!token) throw new DeskUsageError(command, 'Which product? Give its code.', DESK_USAGE[command]);
  const p = findProduct(org, token);
  if (!p) {
    throw new DeskUsageError(
      command,
      `No product ${token.toUpperCase()} in the catalogue. Codes: ${org.catalogue.map((c) => c.code).join(', ')}.`,
      DESK_USAGE[command],
    );
  }
  return p.code;
}

/** A whole quantity of 1 or more (0 allowed when `allowZero`). */
export function quantityArg(command: DeskCommand, token: string | undefined, allowZero = false): number {
  if (token === undefined || !/^\d+$/.test(token)) {
    throw new DeskUsageError(command, `Expected a quantity (a whole number)${token ? `, not "${token}"` : ''}.`, DESK_USAGE[command]);
  }
  const n = Number(token);
  if (n > 10_000) throw new DeskUsageError(command, `A quantity of ${n} is more than the desk can take in one line.`, DESK_USAGE[command]);
  if (n === 0 && !allowZero) throw new DeskUsageError(command, 'A quantity must be 1 or more.', DESK_USAGE[command]);
  return n;
}

/** `<code> <qty>` pairs; the same code twice is added up. */
export function linesArg(org: Pick<Organisation, 'catalogue'>, command: DeskCommand, toks: readonly string[]): DeskLine[] {
  if (toks.length === 0) throw new DeskUsageError(command, 'Give each product code and its quantity.', DESK_USAGE[command]);
  if (toks.length % 2 !== 0) {
    throw new DeskUsageError(command, 'Each product code needs a quantity after it.', DESK_USAGE[command]);
  }
  const lines: DeskLine[] = [];
  for (let i = 0; i < toks.length; i += 2) {
    const code = productCodeArg(org, command, toks[i]);
    const qty = quantityArg(command, toks[i + 1]);
    const same = lines.find((l) => l.code === code);
    if (same) same.qty += qty;
    else lines.push({ code, qty });
  }
  return lines;
}

/** An account or order reference as typed, normalised to capitals. */
export function referenceArg(command: DeskCommand, token: string | undefined, what: string): string {
  if (!token) throw new DeskUsageError(command, `Which ${what}? Give its number.`, DESK_USAGE[command]);
  return token.toUpperCase();
}

/** A date written yyyy-mm-dd. */
export function dateArg(command: DeskCommand, token: string | undefined): LocalDate {
  if (!token || !isLocalDate(token)) {
    throw new DeskUsageError(command, `Expected a date written yyyy-mm-dd${token ? `, not "${token}"` : ''}.`, DESK_USAGE[command]);
  }
  return token;
}
