/**
 * The order desk's own types: what the desk holds during a call (stateful, JSON-serialisable
 * so it lives in conversation state), what a command answers with, and the events it tells
 * the simulated customer about. No botbuilder here: the call dialog turns a {@link DeskReply}
 * into activities.
 */
import type { LocalDate, ScenarioClock } from '../../domain/dates.js';
import type { Pence } from '../../domain/money.js';
import type { LoadedScenario, OrderProblem, StockEntry } from '../../domain/scenario/schema.js';
import type { TeamId } from '../../domain/scenario/organisation.js';
import type { DeskEvent } from '../customer/desk-events.js';
import type { AdaptiveCard } from './sheet.js';

export type { DeskEvent };

/** An order line as the desk stores it. */
export interface DeskLine {
  code: string;
  qty: number;
}

/** The statuses an order can have on the desk. */
export type DeskOrderStatus = 'awaiting-dispatch' | 'dispatched' | 'delivered' | 'cancelled';

/** An order as the desk holds it now (the scenario's orders, changed during the call, and new ones). */
export interface DeskOrder {
  number: string;
  /** the account it is on; undefined for a private (website) order */
  account?: string;
  channel: 'phone' | 'website' | 'email';
  placedAt: ScenarioClock;
  /** when the current lines were last priced: placing, or the latest amendment */
  pricedAt: ScenarioClock;
  /** true once changed in this call (so the desk says "amended") */
  amended: boolean;
  lines: DeskLine[];
  status: DeskOrderStatus;
  /** the delivery date due now */
  due: LocalDate;
  /** the date promised when it was first placed */
  promised: LocalDate;
  deliverTo: string;
  /** a delivery address change waiting for the email confirmation */
  pendingAddress?: string;
  payment: { method: 'account' } | { method: 'card'; card: string };
  dispatch?: { date: LocalDate; carrier?: string; tracking?: { number: string; status: string } };
  delivered?: LocalDate;
  notes: { at: ScenarioClock; text: string }[];
  problems: OrderProblem[];
  /** created during this call */
  placedInCall: boolean;
  /** a collection booked for a return */
  collection?: { date: LocalDate; refund: Pence };
}

/** An order the learner has quoted or tried to place: what `/pay` would take payment for. */
export interface PendingOrder {
  lines: DeskLine[];
  /** `quote` from /quote, `refused` from a /place refused over credit, `card-only` a private customer's /place */
  from: 'quote' | 'refused' | 'card-only';
}

/** A referral made with `/refer`. */
export interface Referral {
  team: TeamId;
  ref: string;
  note: string;
}

/** Everything the desk remembers during one call. */
export interface DeskState {
  orders: DeskOrder[];
  stock: Record<string, StockEntry>;
  /** total inc VAT of orders put on account during the call (reduces the available credit) */
  committedOnAccount: Pence;
  pending?: PendingOrder;
  /** numeric part of the next order number */
  nextOrderSeq: number;
  /** the order number prefix, e.g. "SO-" */
  orderPrefix: string;
  referrals: Referral[];
  notes: string[];
  /** product codes looked up and found short (for Purchasing's stock query) */
  shortCodes: string[];
  /** seeded sequence for reference numbers */
  rng: { seed: number; draws: number };
}

/** A desk command's answer: the text the learner reads, an optional card, and what happened. */
export interface DeskReply {
  text: string;
  card?: AdaptiveCard;
  events: DeskEvent[];
}

/** What a desk command works with. */
export interface DeskContext {
  loaded: LoadedScenario;
  state: DeskState;
  /** the order system's "now": the scenario clock (business rules are judged on it) */
  clock: ScenarioClock;
  /**
   * The secure payment line: the caller is transferred to pay `amount` (inc VAT) by card;
   * true when the payment went through. Without it, the caller pays when the scenario says
   * they pay by card.
   */
  securePaymentLine?: (amount: Pence) => boolean;
}
