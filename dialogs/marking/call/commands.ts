/**
 * Learner slash commands as the marker reads them (contract §2–§3): session commands
 * (never part of the call) and desk commands (the simulated order system). Neither is
 * ever a message to the customer.
 */

/** Session commands (contract §2). */
export const SESSION_COMMANDS = ['start', 'end', 'scenarios', 'help', 'hint', 'history', 'dispute'] as const;
export type SessionCommandName = (typeof SESSION_COMMANDS)[number];

/** Desk commands (contract §3). */
export const DESK_COMMANDS = [
  'account',
  'stock',
  'order',
  'quote',
  'place',
  'amend',
  'address',
  'cancel',
  'return',
  'pay',
  'refer',
  'note',
] as const;
export type DeskCommandName = (typeof DESK_COMMANDS)[number];

/** Desk commands that create or change something on an account or order. */
export const ACTION_COMMANDS: readonly DeskCommandName[] = ['place', 'amend', 'address', 'cancel', 'return', 'pay'];

/** Desk commands that commit an order or a change to the account (for check_credit). */
export const COMMIT_COMMANDS: readonly DeskCommandName[] = ['place', 'amend', 'address', 'cancel'];

/** A product code and quantity named in a desk command. */
export interface CommandLine {
  code: string;
  qty: number;
}

/** A parsed slash command. */
export type SlashCommand =
  | { kind: 'session'; name: SessionCommandName; args: string }
  | { kind: 'desk'; name: DeskCommandName; args: string; codes: CommandLine[] }
  | { kind: 'unknown'; name: string; args: string };

/** True when a learner's text is a slash command rather than speech. */
export function isSlashCommand(text: string): boolean {
  return text.trimStart().startsWith('/');
}

const CODE = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/;

/**
 * How many leading arguments of each desk command are not product lines (contract §3):
 * `/amend <order-no> <code> <qty>`, `/cancel <order-no> [<code> <qty>]`,
 * `/return <order-no> <date> [<code> <qty>]`. Commands absent here name no products.
 */
const LEADING_ARGS: Partial<Record<DeskCommandName, number>> = { stock: 0, quote: 0, place: 0, amend: 1, cancel: 1, return: 2 };

/** The `CODE QTY` pairs of a desk command, read by the command's grammar (`/stock CODE` names a code with no quantity). */
function codeLines(name: DeskCommandName, args: string): CommandLine[] {
  const skip = LEADING_ARGS[name];
  if (skip === undefined) return [];
  const toks = args.split(/\s+/).filter(Boolean).slice(skip);
  const out: CommandLine[] = [];
  for (let i = 0; i < toks.length - 1; i++) {
    if (CODE.test(toks[i]) && /^\d+$/.test(toks[i + 1])) {
      out.push({ code: toks[i].toUpperCase(), qty: Number(toks[i + 1]) });
      i++;
    }
  }
  if (out.length === 0 && name === 'stock' && toks.length >= 1 && CODE.test(toks[0])) {
    out.push({ code: toks[0].toUpperCase(), qty: 0 });
  }
  return out;
}

/** Parse a learner's slash command ("/quote CH-ERG-200 6" → desk quote, one line). */
export function parseSlashCommand(text: string): SlashCommand {
  const t = text.trim().replace(/^\/+/, '');
  const sp = t.search(/\s/);
  const name = (sp < 0 ? t : t.slice(0, sp)).toLowerCase();
  const args = sp < 0 ? '' : t.slice(sp + 1).trim();
  if ((SESSION_COMMANDS as readonly string[]).includes(name)) {
    return { kind: 'session', name: name as SessionCommandName, args };
  }
  if ((DESK_COMMANDS as readonly string[]).includes(name)) {
    return { kind: 'desk', name: name as DeskCommandName, args, codes: codeLines(name as DeskCommandName, args) };
  }
  return { kind: 'unknown', name, args };
}
