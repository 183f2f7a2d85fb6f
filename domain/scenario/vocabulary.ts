/**
 * Fixed vocabularies a scenario file refers to by id: the marking criteria, the hidden
 * facts a caller can be asked for, the terms an adviser may have to explain, the things
 * a caller asks about, and the situations the caller's lines are written for.
 * Code (the simulator, the marker) keys on these ids, so they are closed lists.
 */

/** The fifteen criteria of the marking guide, in its order. */
export const CRITERIA = [
  'opening',
  'verify_identity',
  'check_stock',
  'check_credit',
  'state_price',
  'state_delivery',
  'explain_terms',
  'advise_offers',
  'explain_problem',
  'confirm_details',
  'authorise',
  'escalate',
  'arrange_follow_up',
  'close_call',
  'professional_language',
] as const;
export type CriterionId = (typeof CRITERIA)[number];

/** Criteria a call may not miss and still pass, by default (marking guide, "Scoring"). */
export const DEFAULT_KEY_CRITERIA: readonly CriterionId[] = ['verify_identity', 'state_price', 'state_delivery'];
/** Default pass mark (score out of 100). */
export const DEFAULT_PASS_SCORE = 70;

/**
 * Facts the caller holds and gives only when asked (or volunteers, per persona).
 * The ids match the `fact` field of the evaluation probes.
 */
export const FACT_IDS = [
  'full_name',
  'organisation',
  'account_number',
  'order_number',
  'postcode',
  'phone',
  'email',
  'delivery_address',
  'item_quantity',
  'needed_by',
  'reason',
] as const;
export type FactId = (typeof FACT_IDS)[number];

/**
 * Terms of business an adviser may need to explain. The statement of each is built from
 * the organisation's data (see `domain/scenario/terms.ts`); the id only names the term.
 */
export const TERM_IDS = [
  'payment-30-days',
  'card-payment-now',
  'changes-free-until-dispatch',
  'returns-30-days',
  'address-change-email-confirmation',
  'cancel-14-days',
  'collection-charge',
  'refund-to-card-14-days',
  'refund-credit-note',
  'split-delivery-no-charge',
] as const;
export type TermId = (typeof TERM_IDS)[number];

/** What a caller wants to find out (their pending "request" acts). */
export const ASK_IDS = [
  'price',
  'delivery-date',
  'alternative-price-difference',
  'cancel-part-price',
  'refund-amount',
  'refund-timing',
  'lose-money',
  'date-still-holds',
  'revised-date',
  'remedy',
] as const;
export type AskId = (typeof ASK_IDS)[number];

/** The line key a caller uses to ask `ask`: `ask_` + the id with underscores. */
export function askLineKey(ask: AskId): LineKey {
  return `ask_${ask.replace(/-/g, '_')}` as LineKey;
}

/** Situations the caller's lines are written for. */
export const LINE_KEYS = [
  'opening',
  'reason',
  'ask_price',
  'ask_delivery_date',
  'ask_alternative_price_difference',
  'ask_cancel_part_price',
  'ask_refund_amount',
  'ask_refund_timing',
  'ask_lose_money',
  'ask_date_still_holds',
  'ask_revised_date',
  'ask_remedy',
  'push_back',
  'accept',
  'decline',
  'choose',
  'prefer_back_order',
  'irate',
  'calm',
  'impatient',
  'repeated_question',
  'threaten',
  'deadline_missed',
  'correction',
  'unverified_disclosure',
  'confirm_yes',
  'confirm_no',
  'anything_else_no',
  'satisfied',
  'thanks',
  'goodbye',
  'hold_on',
  'unclear',
  'manager',
  'hang_up',
] as const;
export type LineKey = (typeof LINE_KEYS)[number];

/** Routes out of an order over the available credit (handbook §5). */
export const CREDIT_ROUTES = ['card', 'credit-control', 'reduced-order'] as const;
export type CreditRoute = (typeof CREDIT_ROUTES)[number];

/** Options when part of an existing order cannot go as promised. */
export const PROBLEM_OPTIONS = ['split', 'hold', 'cancel-part'] as const;
export type ProblemOption = (typeof PROBLEM_OPTIONS)[number];
