/**
 * The intents the recogniser knows: the customer facts an adviser can ask for (defined with
 * the scenario vocabulary, re-exported here), and the adviser's other moves. Both lists are
 * the single source of truth for
 * the training data (`data/facts.json`, `data/moves.json`), the classifier and
 * the consumers (customer simulator, marker).
 */
import { FACT_IDS, type FactId } from '../scenario/vocabulary.js';

/**
 * Customer facts the adviser may ask for (the ids of `shared/eval/probes-dev.json`), defined
 * once with the scenario vocabulary (the facts a caller holds) and shared here.
 * `reason` covers "what can I do for you?" (asking what the customer needs);
 * `item_quantity` covers asking for the items and how many.
 */
export { FACT_IDS, type FactId };

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

/**
 * Moves read by cue rules only (`cue-moves.ts`), never trained: narrower signals the
 * customer simulator reacts to, kept apart from the classifier's labels.
 */
export const CUE_MOVES = {
  offer_split: 'Offers to split the delivery: some now, the rest later.',
  offer_hold_all: 'Offers to hold everything and deliver it together.',
  mention_cancel: 'Mentions cancelling the order or part of it.',
  credit_refused: 'Says the order is over the available credit or cannot go on the account.',
  offer_credit_control: 'Offers to refer the order to the credit team.',
  offer_reduced: 'Offers a smaller order that fits the credit.',
  offer_card: 'Offers card payment (the secure payment line, paying now).',
  promise_on_account: 'Promises to put the order on the account.',
  ask_choice: 'Asks the customer to choose or agree to an option ("which would you prefer?").',
  fob_off: 'Brushes the customer off ("nothing I can do", "you\'ll just have to wait").',
  repeat_request: 'Asks the customer to repeat or spell something.',
  insult: 'Insults or swears at the customer.',
  blame_caller: 'Blames or brushes off the customer ("your own fault", "calm down").',
  blame: 'Blames someone else: the courier, the warehouse, colleagues.',
  problem_news: 'Says plainly that something has gone wrong (damaged, delayed, out of stock, over the limit).',
  problem_detail: 'Says what went wrong or where things are, not just that something did ("the pallet was damaged in transit", "held at our Croydon depot", "because the van broke down").',
  recap: 'Sums up for the customer to confirm ("to recap", "so that\'s…").',
} as const;

/** A move the classifier is trained on. */
export type TrainedMoveId = keyof typeof MOVES;
/** A move read by cue rules only. */
export type CueMoveId = keyof typeof CUE_MOVES;

/** One adviser move. */
export type MoveId = TrainedMoveId | CueMoveId;

/** Every trained move id, in declaration order (the keys of `data/moves.json`). */
export const TRAINED_MOVE_IDS = Object.keys(MOVES) as TrainedMoveId[];
/** Every cue-only move id, in declaration order. */
export const CUE_MOVE_IDS = Object.keys(CUE_MOVES) as CueMoveId[];
/** Every move id: trained moves, then cue-only moves. */
export const MOVE_IDS: MoveId[] = [...TRAINED_MOVE_IDS, ...CUE_MOVE_IDS];

/** Classifier label for a fact request: `fact:<id>`. */
export type FactLabel = `fact:${FactId}`;

/** Every label the intent classifier is trained on. */
export type IntentLabel = TrainedMoveId | FactLabel;

/** True when `s` is a {@link FactId}. */
export function isFactId(s: string): s is FactId {
  return (FACT_IDS as readonly string[]).includes(s);
}

/** True when `s` is a {@link MoveId} (trained or cue-only). */
export function isMoveId(s: string): s is MoveId {
  return Object.prototype.hasOwnProperty.call(MOVES, s) || Object.prototype.hasOwnProperty.call(CUE_MOVES, s);
}

/** True when `s` is a trained move (a label of `data/moves.json`). */
export function isTrainedMoveId(s: string): s is TrainedMoveId {
  return Object.prototype.hasOwnProperty.call(MOVES, s);
}

/** The classifier label for a fact. */
export function factLabel(f: FactId): FactLabel {
  return `fact:${f}`;
}
