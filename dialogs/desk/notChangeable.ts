/** The desk's refusal to change an order that has left the status in which changes are free. */
import { shortDate } from './format.js';
import { sheetText, type DeskSheet } from './sheet.js';
import type { DeskContext, DeskOrder, DeskReply } from './types.js';

/** A refusal, or undefined when the order can still be changed. */
export function refuseIfNotChangeable(ctx: DeskContext, order: DeskOrder, what: string): DeskReply | undefined {
  const free = ctx.loaded.organisation.changes.freeWhileStatus;
  if (order.status === free) return undefined;
  const detail =
    order.status === 'dispatched' && order.dispatch
      ? `it was dispatched ${shortDate(order.dispatch.date)}`
      : order.status === 'delivered' && order.delivered
        ? `it was delivered ${shortDate(order.delivered)}`
        : `it is ${order.status.replace(/-/g, ' ')}`;
  const sheet: DeskSheet = {
    title: `Order ${order.number} NOT ${what}`,
    rows: [
      { text: `REFUSED: ${detail}; orders can be changed or cancelled only while ${free.replace(/-/g, ' ')}.`, emphasis: true },
      ...(order.status === 'delivered' ? [{ text: 'For goods already delivered, book a collection (/return).' }] : []),
    ],
  };
  return { text: sheetText(sheet), events: [] };
}
