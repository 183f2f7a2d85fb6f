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

/**
 * Situations the caller's lines are written for. Every key has default wording in the
 * simulator; a scenario's lines for a key replace it. Grouped as in docs/scenario-format.md.
 */
export const LINE_KEYS = [
  // opening and the reason for the call
  'opening',
  'reason',
  // what the caller wants to find out (one per ask id)
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
  // the caller's other questions
  'ask_exact_date',
  'ask_alternative',
  'ask_how_referral_works',
  'ask_purpose',
  'who_is_calling',
  'speaking',
  // news of a problem
  'out_of_stock_reaction',
  'problem_reaction',
  'credit_reaction',
  'push_back',
  // decisions
  'accept',
  'decline',
  'choose',
  'choose_alternative',
  'choose_back_order',
  'prefer_back_order',
  'choose_split',
  'choose_hold',
  'choose_cancel_part',
  'choose_card',
  'choose_credit_control',
  'choose_reduced_order',
  'suggest_split',
  'suggest_hold',
  'suggest_cancel_part',
  'go_ahead',
  'pleased',
  // days
  'date_ok',
  'one_date_ok',
  'pick_date',
  'deadline_missed',
  'accept_late_date',
  // checking what the adviser says
  'correction',
  'query_price',
  'query_date_change',
  'correct_picked_date',
  'unverified_disclosure',
  'confirm_yes',
  'confirm_no',
  // payment
  'payment_done',
  'payment_unexpected',
  'already_paid',
  // temper and manner
  'irate',
  'still_irate',
  'calm',
  'impatient',
  'repeated_question',
  'threaten',
  'hurt',
  'over_familiar',
  'abuse_warning',
  'abuse_hang_up',
  'manager',
  'hang_up',
  // conversation
  'acknowledge',
  'small_talk',
  'off_topic',
  'hold_on',
  'unclear',
  // closing
  'anything_else_no',
  'satisfied',
  'thanks',
  'goodbye',
] as const;
export type LineKey = (typeof LINE_KEYS)[number];

/** Placeholders every line may use: the caller, what the call is about, their needed-by day. */
export const COMMON_LINE_PLACEHOLDERS = ['firstName', 'name', 'organisation', 'items', 'reason', 'reasonSentence', 'deadline'] as const;

/**
 * Placeholders only some lines may use, filled from what the adviser said: `{date}` the day
 * the line is about, `{earlier}` the figure or day said before, `{term}` the over-familiar
 * word the adviser used. A variant whose placeholder cannot be filled is not said.
 */
export const LINE_PLACEHOLDERS: Partial<Record<LineKey, readonly string[]>> = {
  deadline_missed: ['date'],
  accept_late_date: ['date'],
  date_ok: ['date'],
  one_date_ok: ['date'],
  pick_date: ['date'],
  query_price: ['earlier'],
  query_date_change: ['earlier'],
  correct_picked_date: ['earlier'],
  over_familiar: ['term'],
};

/** The placeholders a line for `key` may use. */
export function linePlaceholders(key: LineKey): readonly string[] {
  return [...COMMON_LINE_PLACEHOLDERS, ...(LINE_PLACEHOLDERS[key] ?? [])];
}

/** Routes out of an order over the available credit (handbook §5). */
export const CREDIT_ROUTES = ['card', 'credit-control', 'reduced-order'] as const;
export type CreditRoute = (typeof CREDIT_ROUTES)[number];

/** Options when part of an existing order cannot go as promised. */
export const PROBLEM_OPTIONS = ['split', 'hold', 'cancel-part'] as const;
export type ProblemOption = (typeof PROBLEM_OPTIONS)[number];
