/** `/stock <code>`: price, stock, next supplier delivery, listed alternative, offers on the item. */
import { compareDates } from '../../domain/dates.js';
import { product, selects } from '../../domain/world/catalogue.js';
import { withVat } from '../../domain/world/pricing.js';
import { availability } from '../../domain/world/stock.js';
import { productCodeArg, tokens } from './args.js';
import { longDate, offerName, pounds, shortDate } from './format.js';
import { customerType } from './lookup.js';
import { sheetCard, sheetText, type DeskSheet, type SheetRow } from './sheet.js';
import type { DeskContext, DeskReply } from './types.js';

/** "£96.00 ex VAT", or for a private customer "£115.20 inc VAT (£96.00 ex VAT)". */
export function priceText(ctx: DeskContext, exVat: number): string {
  if (customerType(ctx) === 'private') return `${pounds(withVat(ctx.loaded.organisation, exVat))} inc VAT (${pounds(exVat)} ex VAT)`;
  return `${pounds(exVat)} ex VAT`;
}

/** Shows one item's stock. */
export function stockCommand(ctx: DeskContext, args: string): DeskReply {
  const org = ctx.loaded.organisation;
  const code = productCodeArg(org, 'stock', tokens(args)[0]);
  const p = product(org, code);
  const a = availability(org, ctx.state.stock, code, 1);
  const rows: SheetRow[] = [{ label: 'Price', text: priceText(ctx, p.price) }];
  if (a.onHand === undefined) rows.push({ label: 'Stock', text: 'in stock' });
  else if (a.onHand === 0) rows.push({ label: 'Stock', text: '0, OUT OF STOCK', emphasis: true });
  else rows.push({ label: 'Stock', text: `${a.onHand} in stock` });
  rows.push({ label: 'Next supplier delivery', text: a.nextDelivery ? longDate(a.nextDelivery) : 'none due' });
  if (a.alternative) {
    const alt = product(org, a.alternative.code);
    const altStock = a.alternative.onHand === undefined ? 'in stock' : a.alternative.onHand === 0 ? 'out of stock' : `${a.alternative.onHand} in stock`;
    rows.push({ label: 'Listed alternative', text: `${alt.code} ${alt.name} (${priceText(ctx, alt.price)}), ${altStock}` });
  } else {
    rows.push({ label: 'Listed alternative', text: 'none' });
  }
  for (const o of org.offers) {
    const concerns = o.type === 'percent-off' ? selects(o.appliesTo, p) : selects(o.trigger, p);
    const current = compareDates(ctx.clock.date, o.valid.from) >= 0 && compareDates(ctx.clock.date, o.valid.to) <= 0;
    if (concerns && current) {
      rows.push({ label: 'Offer', text: `${offerName(o.name)}, ${o.description} (${shortDate(o.valid.from)} to ${shortDate(o.valid.to)})` });
    }
  }
  if (a.onHand === 0 && !ctx.state.shortCodes.includes(code)) ctx.state.shortCodes.push(code);
  const sheet: DeskSheet = { title: `${p.code} ${p.name}${p.bulky ? ' (bulky)' : ''}`, rows };
  return { text: sheetText(sheet), card: sheetCard(sheet), events: [{ kind: 'stock', code, found: true }] };
}
