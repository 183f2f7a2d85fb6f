/** The coach's help: session commands, desk commands, and how speech and commands differ. */
import { DESK_USAGE } from '../desk/args.js';

const DESK_WHAT: Record<keyof typeof DESK_USAGE, string> = {
  account: 'the account: contacts, addresses, credit, terms',
  stock: 'an item: price, stock, next supplier delivery, alternative',
  order: 'an order: lines, totals, status, dates, tracking, notes',
  quote: 'price and delivery date for an order placed now',
  place: "place the order on the caller's account",
  amend: "set a line's quantity on an order awaiting dispatch",
  address: 'request a delivery address change (needs email confirmation)',
  cancel: 'cancel an order, or some units of a line, before dispatch',
  return: 'book a collection for a return; shows charge and refund',
  pay: 'transfer the caller to the secure payment line',
  refer: 'refer to credit-control, purchasing or logistics',
  note: 'record a note or follow-up action on the account',
};

/** The desk commands, one per line, with what each does. */
export function deskCommandLines(): string {
  return (Object.keys(DESK_USAGE) as (keyof typeof DESK_USAGE)[]).map((k) => `${DESK_USAGE[k]} — ${DESK_WHAT[k]}`).join('\n');
}

/** The full help text. */
export function helpText(inCall: boolean): string {
  return [
    'Session commands:',
    '/scenarios — list the scenarios',
    '/start <scenario-id> [practice|assessment] — start a call (practice by default; a second /start abandons the call in progress)',
    '/end — end the call and get your scorecard',
    '/hint — a nudge from the coach (practice calls only)',
    '/history — your recent calls and scores',
    '/dispute <criterion> <reason> — question a mark on your last marked call',
    '/help — this list',
    '',
    'Desk commands (your order system during a call; the customer does not hear them):',
    deskCommandLines(),
    '',
    inCall
      ? 'Anything you type that does not start with / is said to the customer.'
      : 'There is no call in progress: start one with /start <scenario-id>.',
  ].join('\n');
}
