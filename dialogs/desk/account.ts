/** `/account <account-no>`: contacts, addresses, phone, email, credit and terms. */
import { tokens, referenceArg } from './args.js';
import { pounds } from './format.js';
import { accountByNumber, availableNow } from './lookup.js';
import { sheetCard, sheetText, type DeskSheet, type SheetRow } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

/** Shows the account. */
export function accountCommand(ctx: DeskContext, args: string): DeskReply {
  const ref = referenceArg('account', tokens(args)[0], 'account');
  const a = accountByNumber(ctx, 'account', ref);
  const org = ctx.loaded.organisation;
  const rows: SheetRow[] = [];
  const contacts = a.contacts.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join(', ');
  rows.push({ label: a.contacts.length > 1 ? 'Authorised contacts' : 'Authorised contact', text: contacts });
  if (!a.deliveryAddress || a.deliveryAddress === a.billingAddress) {
    rows.push({ label: 'Billing and delivery address', text: a.billingAddress });
  } else {
    rows.push({ label: 'Billing address', text: a.billingAddress });
    rows.push({ label: 'Delivery address', text: a.deliveryAddress });
  }
  rows.push({ label: 'Phone', text: a.phone });
  rows.push({ label: 'Email', text: a.email });
  const available = availableNow(ctx, a);
  if (available !== undefined && a.creditLimit !== undefined && a.balance !== undefined) {
    const placed = ctx.state.orders.filter((o) => o.placedInCall && o.payment.method === 'account').map((o) => o.number);
    const after = placed.length > 0 ? ` (after ${placed.join(', ')} placed today)` : '';
    rows.push({ text: `Credit limit ${pounds(a.creditLimit)} · Balance ${pounds(a.balance)} · Available credit ${pounds(available)}${after}` });
  } else {
    rows.push({ label: 'Credit status', text: a.creditStatus ?? 'not shown' });
  }
  rows.push({ label: 'Terms', text: `${org.credit.paymentTermsDays} days from ${org.credit.paymentTermsFrom}` });
  const sheet: DeskSheet = { title: `Account ${a.number} · ${a.name}`, rows };
  return { text: sheetText(sheet), card: sheetCard(sheet), events: [{ kind: 'account', account: a.number, found: true }] };
}
