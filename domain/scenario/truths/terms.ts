/**
 * Statements of the terms in the fixed vocabulary, built from the organisation's data
 * (periods, charges, emails) and the scenario (the card paid with, the period end date).
 */
import { formatLongDate } from '../../dates.js';
import { formatPounds } from '../../money.js';
import type { ReturnPlan } from '../../world/returns.js';
import type { TermRequirement } from '../schema.js';
import type { TermId } from '../vocabulary.js';
import type { TruthContext } from './builder.js';
import type { TermStatement, TermsTruth } from './types.js';

/** The statement of one term for this scenario. */
export function termStatement(ctx: TruthContext, id: TermId, plan?: ReturnPlan): TermStatement {
  const { org, scenario } = ctx;
  const order = scenario.orders.find((o) => o.number === scenario.wants.order);
  const card = order?.payment.method === 'card' ? order.payment.card : undefined;
  const biz = org.returns.business;
  const priv = org.returns.private;
  const basis = (b: 'ex-vat' | 'inc-vat'): string => (b === 'ex-vat' ? ' plus VAT' : ' including VAT');
  switch (id) {
    case 'payment-30-days':
      return { id, statement: `Payment is due ${org.credit.paymentTermsDays} days from the ${org.credit.paymentTermsFrom}.`, figures: { days: org.credit.paymentTermsDays } };
    case 'card-payment-now':
      return { id, statement: 'The order is paid in full now by card through the secure payment line, not on account terms.', figures: {} };
    case 'changes-free-until-dispatch':
      return { id, statement: 'The order can be changed or cancelled free of charge until it is dispatched.', figures: {} };
    case 'returns-30-days':
      return { id, statement: `Unused goods in their original packaging can be returned within ${biz.periodDays} days of delivery.`, figures: { days: biz.periodDays } };
    case 'address-change-email-confirmation': {
      const email = scenario.account?.email ?? scenario.customer.identity.email;
      return { id, statement: `The new delivery address must be confirmed by email from ${email} before dispatch.`, figures: { email } };
    }
    case 'cancel-14-days':
      return {
        id,
        statement: `A private customer may cancel within ${priv.periodDays} days starting the day after delivery${plan ? ` — until ${formatLongDate(plan.periodEnds)}` : ''}.`,
        figures: { days: priv.periodDays, ...(plan ? { date: plan.periodEnds } : {}) },
      };
    case 'collection-charge': {
      const p = scenario.customer.type === 'private' ? priv : biz;
      return {
        id,
        statement: `Collecting a bulky item costs ${formatPounds(p.collectionCharge)}${basis(p.chargeBasis)}${p.freeIfFaulty ? ' (free if faulty)' : ''}.`,
        figures: { amount: p.collectionCharge, basis: p.chargeBasis },
      };
    }
    case 'refund-to-card-14-days':
      return {
        id,
        statement: `The refund goes to the original payment method${card ? ` (${card})` : ''} within ${priv.refundWithinDays} days of collection.`,
        figures: { days: priv.refundWithinDays, ...(card ? { paymentMethod: card } : {}) },
      };
    case 'refund-credit-note':
      return { id, statement: `The refund is a credit note to the account within ${biz.refundWithinWorkingDays} working days of collection.`, figures: { days: biz.refundWithinWorkingDays } };
    case 'split-delivery-no-charge':
      return { id, statement: 'Splitting the delivery costs nothing extra.', figures: {} };
  }
}

/** The required terms of the rubric, each group with its statements. */
export function termsTruth(ctx: TruthContext, required: readonly TermRequirement[], plan?: ReturnPlan): TermsTruth {
  return {
    required: required.map((r) => ({
      anyOf: (typeof r === 'string' ? [r] : r.anyOf).map((id) => termStatement(ctx, id, plan)),
    })),
  };
}
