/**
 * The intents the recogniser knows: the customer facts an adviser can ask for,
 * and the adviser's other moves. Both lists are the single source of truth for
 * the training data (`data/facts.json`, `data/moves.json`), the classifier and
 * the consumers (customer simulator, marker).
 */

/**
 * Customer facts the adviser may ask for (the ids of `shared/eval/probes-dev.json`).
 * `reason` covers "what can I do for you?" (asking what the customer needs);
 * `item_quantity` covers asking for the items and how many.
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

/** One customer fact the adviser can ask for. */
export type FactId = (typeof FACT_IDS)[number];

/**
 * The adviser's moves other than asking for a fact, with what each means.
 * A message can carry several (multi-label).
 */
export const MOVES = {
  greeting: 'Greets the customer ("good morning", "hello").',
  self_introduction: 'Gives their own name and/or the company ("Harbour & Pike, Sam speaking").',
  apology: 'Apologises ("I\'m sorry about that").',
  empathy: 'Acknowledges the customer\'s feelings ("I completely understand").',
  stock_available: 'Says the item is in stock.',
  stock_unavailable: 'Says the item is out of stock.',
  state_price: 'States a price, total, charge, refund or saving.',
  state_date: 'States a date or span for delivery, collection or another event.',
  mention_offer: 'Mentions an offer or discount (or that none applies; see `negated`).',
  offer_alternative: 'Offers an alternative product.',
  offer_back_order: 'Offers a back-order or to wait for stock.',
  explain_terms: 'Explains terms: payment, changes, returns, cancellation rights, charges, refund timing, address confirmation.',
  explain_problem: 'Explains what went wrong (damage, delay, over credit, out of stock until…).',
  escalate: 'Refers or escalates to a team (Credit Control, Purchasing, Logistics Team Leader).',
  offer_goodwill: 'Offers a goodwill credit note or gesture.',
  arrange_follow_up: 'Arranges a follow-up (email, call back), ideally with a time.',
  read_back: 'Reads back or summarises what was agreed.',
  ask_confirm: 'Asks the customer to confirm details ("is that all correct?").',
  ask_anything_else: 'Asks whether there is anything else.',
  ask_satisfied: 'Asks whether the customer is happy with the outcome.',
  thanks: 'Thanks the customer.',
  goodbye: 'Says goodbye or closes politely.',
  hold: 'Asks the customer to hold ("bear with me").',
  propose_order: 'Proposes to place or change the order; asks for consent to go ahead.',
  confirm_done: 'Reports that an action is done ("that\'s placed", "booked").',
  take_payment: 'Offers or takes card payment through the secure payment line.',
  small_talk: 'Friendly small talk related to the customer.',
  off_topic: 'Talk unrelated to the call.',
  abusive: 'Rude, sarcastic or blaming language.',
  unprofessional: 'Text-speak, emoji or over-familiar terms ("np", "hun", "mate").',
  acknowledge: 'A bare acknowledgement ("okay", "lovely", "got it").',
} as const;

/** One adviser move. */
export type MoveId = keyof typeof MOVES;

/** Every move id, in declaration order. */
export const MOVE_IDS = Object.keys(MOVES) as MoveId[];

/** Classifier label for a fact request: `fact:<id>`. */
export type FactLabel = `fact:${FactId}`;

/** Every label the intent classifier is trained on. */
export type IntentLabel = MoveId | FactLabel;

/** True when `s` is a {@link FactId}. */
export function isFactId(s: string): s is FactId {
  return (FACT_IDS as readonly string[]).includes(s);
}

/** True when `s` is a {@link MoveId}. */
export function isMoveId(s: string): s is MoveId {
  return Object.prototype.hasOwnProperty.call(MOVES, s);
}

/** The classifier label for a fact. */
export function factLabel(f: FactId): FactLabel {
  return `fact:${f}`;
}
