/**
 * What the learner did on the order desk between two messages, as the call flow reports
 * it to the customer. The caller cannot see the screen: desk events never tell the caller
 * a price or a date; they only record what happened (the payment line is the exception —
 * the caller is on it, see `Customer.onDesk`).
 */
import type { LocalDate } from '../../domain/dates.js';
import type { Pence } from '../../domain/money.js';

/** One desk action and its result. */
export type DeskEvent =
  | { kind: 'account'; account: string; found: boolean }
  | { kind: 'stock'; code: string; found: boolean }
  | { kind: 'order'; order: string; found: boolean }
  | { kind: 'quote'; ok: boolean; total?: Pence; delivery?: LocalDate }
  | { kind: 'place'; ok: boolean; order?: string; total?: Pence; delivery?: LocalDate; refusedReason?: string }
  | { kind: 'amend'; ok: boolean; order: string }
  | { kind: 'address'; ok: boolean; order: string }
  | { kind: 'cancel'; ok: boolean; order: string }
  | { kind: 'return'; ok: boolean; order: string; date?: LocalDate }
  | { kind: 'pay'; amount?: Pence }
  | { kind: 'refer'; team: 'credit-control' | 'purchasing' | 'logistics' }
  | { kind: 'note' };

/** The kinds of desk event. */
export type DeskEventKind = DeskEvent['kind'];
