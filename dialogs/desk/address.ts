/** `/address <order-no> <new address>`: requests a delivery address change, pending email confirmation. */
import { DESK_USAGE, referenceArg, tokens } from './args.js';
import { DeskUsageError } from './errors.js';
import { orderByNumber, registeredEmail } from './lookup.js';
import { refuseIfNotChangeable } from './notChangeable.js';
import { sheetText, type DeskSheet } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

/** Records the new address as pending (or changes it, when the organisation needs no email). */
export function addressCommand(ctx: DeskContext, args: string): DeskReply {
  const t = tokens(args);
  const order = orderByNumber(ctx, 'address', referenceArg('address', t[0], 'order'));
  const address = args.trim().slice(t[0].length).trim();
  if (address.length < 5) throw new DeskUsageError('address', 'Give the full new delivery address after the order number.', DESK_USAGE.address);
  const refused = refuseIfNotChangeable(ctx, order, 'changed');
  if (refused) return refused;
  const needsEmail = ctx.loaded.organisation.changes.addressChangeNeedsEmailConfirmation;
  let sheet: DeskSheet;
  if (needsEmail) {
    order.pendingAddress = address;
    const email = registeredEmail(ctx, order);
    sheet = {
      title: `Delivery address change requested on ${order.number}`,
      rows: [
        { label: 'New address', text: address },
        { text: `Status: PENDING. Must be confirmed by email from the registered address (${email}) before dispatch.`, emphasis: true },
        { text: `Until then the order stays addressed to ${order.deliverTo}.` },
      ],
    };
  } else {
    const old = order.deliverTo;
    order.deliverTo = address;
    sheet = { title: `Delivery address changed on ${order.number}`, rows: [{ label: 'New address', text: address }, { label: 'Was', text: old }] };
  }
  return { text: sheetText(sheet), events: [{ kind: 'address', ok: true, order: order.number }] };
}
