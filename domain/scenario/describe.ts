/**
 * A readable account of a scenario's truths for tutors (`npm run scenarios -- check`)
 * and the coach: price breakdowns, dates, credit, stock, offers, problems, escalation,
 * follow-up, terms, and the typical wrong figures.
 */
import { formatLongDate } from '../dates.js';
import { formatPounds } from '../money.js';
import type { PricedOrder } from '../world/pricing.js';
import type { LoadedScenario } from './schema.js';
import type { PriceBasis, Truths, TruthOption } from './truths.js';

function basis(b: PriceBasis): string {
  return b === 'ex-vat' ? ' ex VAT' : b === 'inc-vat' ? ' inc VAT' : '';
}

function breakdown(p: PricedOrder): string[] {
  const out: string[] = [];
  for (const l of p.lines) {
    const disc = l.unitDiscount ? ` − ${formatPounds(l.unitDiscount)} (${l.offerName}) = ${formatPounds(l.unitNet)}` : '';
    out.push(`${l.qty} × ${l.code} ${l.name} @ ${formatPounds(l.unitList)}${disc} → ${formatPounds(l.lineNet)}`);
  }
  for (const f of p.freeItems) out.push(`+ ${f.qty} × ${f.code} ${f.name} free (worth ${formatPounds(f.worth)})`);
  const delivery = p.deliveryFree ? 'Delivery free' : `Delivery ${formatPounds(p.deliveryCharge)}`;
  out.push(`Goods ${formatPounds(p.goods)} ex VAT · ${delivery} · VAT (${p.vatRatePercent}%) ${formatPounds(p.vat)} · Total ${formatPounds(p.total)} inc VAT`);
  return out;
}

function option(o: TruthOption, mainOption: string): string[] {
  const flags = [
    o.id === mainOption ? 'main' : '',
    o.chosenByCustomer ? 'customer chooses this' : '',
    o.fitsCredit === false ? 'OVER available credit' : o.fitsCredit ? 'fits credit' : '',
    o.meetsNeededBy === false ? 'misses needed-by date' : o.meetsNeededBy ? 'meets needed-by date' : '',
  ].filter(Boolean);
  const out = [`${o.label} [${o.id}]${flags.length ? ` — ${flags.join(', ')}` : ''}`];
  if (o.price) out.push(...breakdown(o.price).map((l) => `  ${l}`));
  for (const d of o.deliveries) {
    out.push(`  ${d.role}: ${formatLongDate(d.date)} (${d.lines.map((l) => `${l.qty} × ${l.code}`).join(', ')})`);
  }
  if (o.note) out.push(`  note: ${o.note}`);
  return out;
}

/** Lines of text describing `truths` (no trailing newlines). */
export function describeTruths(loaded: LoadedScenario, t: Truths): string[] {
  const s = loaded.scenario;
  const out: string[] = [];
  out.push(`${s.id} — ${s.title}`);
  out.push(`  ${loaded.file} · ${t.direction} · ${t.purpose} · ${t.customerType} customer · ${formatLongDate(t.clock.date)} ${t.clock.time}`);
  const section = (title: string, lines: string[]): void => {
    if (lines.length === 0) return;
    out.push(`  ${title}`);
    for (const l of lines) out.push(`    ${l}`);
  };
  section('Options', t.options.flatMap((o) => option(o, t.mainOption)));
  if (t.return) {
    const r = t.return;
    section('Return', [
      `${r.policy}: delivered ${formatLongDate(r.delivered)}; period ${formatLongDate(r.periodStarts)} to ${formatLongDate(r.periodEnds)} → ${r.withinPeriod ? 'inside it today' : 'OUTSIDE it today'}`,
      `paid for the goods ${formatPounds(r.goodsPaid + r.deliveryRefund)} inc VAT${r.chargeApplies ? ` − collection charge ${formatPounds(r.chargeIncVat)} inc VAT` : ' (no collection charge)'} = refund ${formatPounds(r.refund)} (${r.refundMethod}) within ${r.refundWithin.days} ${r.refundWithin.working ? 'working ' : ''}days of collection`,
      `collection: any working day from ${formatLongDate(r.earliestCollection)}`,
    ]);
  }
  if (t.lateness) {
    const l = t.lateness;
    section('Lateness', [
      `promised ${formatLongDate(l.promised)}; ${l.workingDaysLate} working day(s) late today${l.revisedDelivery ? `; revised delivery ${formatLongDate(l.revisedDelivery)}` : ''}`,
      `${l.escalate ? 'escalate' : 'no escalation needed'}; update by ${formatLongDate(l.updateBy)}`,
    ]);
  }
  if (t.amendment) {
    const a = t.amendment;
    section('Change', [
      `total ${formatPounds(a.before.total)} → ${a.after ? formatPounds(a.after.total) : 'cancelled'} inc VAT (${a.difference >= 0 ? '+' : ''}${formatPounds(a.difference)}); delivery ${formatLongDate(a.previousDelivery)} → ${a.newDelivery ? formatLongDate(a.newDelivery) : '—'}`,
    ]);
  }
  if (t.credit) {
    const c = t.credit;
    section('Credit', [
      `limit ${formatPounds(c.limit)} · balance ${formatPounds(c.balance)} · available ${formatPounds(c.available)} · ${c.option} total ${formatPounds(c.orderTotal)} inc VAT → ${c.fits ? 'fits' : `does NOT fit (over by ${formatPounds(c.shortfall)})`}`,
      ...c.routes.map((r) => `route: ${r.label}`),
    ]);
  }
  section('Stock', t.stock.map((a) => `${a.code}: ${a.onHand === undefined ? 'in stock' : `${a.onHand} on hand`} for ${a.requested} → ${a.enough ? 'enough' : `short by ${a.short}`}${a.nextDelivery ? ` · supplier delivery ${formatLongDate(a.nextDelivery)}` : ''}${a.alternative ? ` · alternative ${a.alternative.code}` : ''}`));
  section('Offers', [
    ...t.offers.apply.map((o) => `applies (${o.option}): ${o.name} — ${o.description}; saves ${formatPounds(o.saving)}${o.freeItems ? ' (free items, list price)' : ' ex VAT'}`),
    ...t.offers.doNotApply.map((o) => `does NOT apply (${o.option}): ${o.name} — ${o.detail}`),
  ]);
  section('Correct amounts', t.prices.correct.map((f) => `${f.label}: ${formatPounds(f.amount)}${basis(f.basis)}`));
  section('Correct dates', t.dates.correct.map((d) => `${d.label}${d.informational ? ' (fact)' : ''}`));
  section('Problems', t.problems.map((p) => `${p.kind}: ${p.summary}`));
  section('Escalation expected', t.escalation.map((e) => `${e.teamName} (${e.team}): ${e.reason}${e.goodwill ? `; offer ${formatPounds(e.goodwill.amount)} goodwill credit note${e.goodwill.needsApproval ? `, subject to ${e.goodwill.approver}'s approval` : ''}` : ''}`));
  const f = t.followUp;
  section('Follow-up', [
    ...(f.confirmationEmailWithinHours ? [`confirmation email to ${f.confirmationEmailTo} within ${f.confirmationEmailWithinHours} hour(s)`] : []),
    ...(f.referralReply ? [`${f.referralReply.team} replies ${f.referralReply.within}`] : []),
    ...(f.updateBy ? [`update the customer no later than ${formatLongDate(f.updateBy)}`] : []),
    ...(f.collection ? [`collection any working day from ${formatLongDate(f.collection.earliest)}; ${f.collection.refundMethod} within ${f.collection.refundWithin.days} ${f.collection.refundWithin.working ? 'working ' : ''}days of collection`] : []),
    ...(f.addressConfirmationFrom ? [`new address confirmed by email from ${f.addressConfirmationFrom} before dispatch`] : []),
    ...(f.note ? [`counts: ${f.note}`] : []),
  ]);
  section('Terms for explain_terms (each line needed; "|" = any one)', t.terms.required.map((g) => g.anyOf.map((x) => `${x.id}: ${x.statement}`).join(' | ')));
  section('Notes', t.notes);
  section('Typical WRONG amounts', t.prices.wrong.map((w) => `${formatPounds(w.amount)}${basis(w.basis)} — ${w.label} (${w.mistake})`));
  section('Typical WRONG dates', t.dates.wrong.map((w) => `${formatLongDate(w.date)} — ${w.role}${w.option ? ` (${w.option})` : ''}: ${w.mistake}`));
  section('Marked', [`${t.rubric.criteria.join(', ')}`, `pass: score ≥ ${t.rubric.minScore} and none missed of ${t.rubric.keyCriteria.join(', ')}`]);
  return out;
}
