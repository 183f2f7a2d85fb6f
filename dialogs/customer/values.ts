/**
 * Comparing what the adviser says with what the caller knows about themselves: reference
 * numbers, postcodes, phone numbers, e-mails and quantities. Used for read-backs (confirm
 * or correct) and for details read out before the caller has been verified. Values are
 * compared in a forgiving canonical form; only the caller's own facts are ever corrected.
 */
import { findStreetAddresses, sameStreet } from '../../domain/language/street-address.js';
import type { QuantityMention, ReferenceMention } from '../../domain/language/types.js';
import type { FactId } from '../../domain/scenario/vocabulary.js';
import type { Heard } from './heard.js';
import type { CallerProfile } from './profile.js';
import type { CustomerState } from './state.js';

const REFERENCE_FACT: Partial<Record<ReferenceMention['kind'], FactId>> = {
  account: 'account_number',
  order: 'order_number',
  postcode: 'postcode',
  phone: 'phone',
  email: 'email',
};

/** Canonical form for comparing a value of `fact`. */
export function canonical(fact: FactId, v: string): string {
  switch (fact) {
    case 'phone':
      return v.replace(/^\+44/, '0').replace(/\D/g, '');
    case 'email':
      return v.trim().toLowerCase();
    default:
      return v.toUpperCase().replace(/[^A-Z0-9]/g, '');
  }
}

/** Facts whose value the adviser said (right or wrong). */
export interface ValueCheck {
  /** facts said with one of the caller's values */
  right: FactId[];
  /** facts said with a value that is not the caller's */
  wrong: FactId[];
}

function sameReference(fact: FactId, said: string, known: string): boolean {
  const a = canonical(fact, said);
  const b = canonical(fact, known);
  if (a === b) return true;
  // "20417" for "AC-20417"
  if ((fact === 'account_number' || fact === 'order_number') && /^\d+$/.test(a)) return b.endsWith(a) && a.length >= 4;
  return false;
}

function singular(noun: string): string {
  return noun.replace(/(ches|shes|xes|ses)$/, (m) => m.slice(0, -2)).replace(/s$/, '');
}

function quantityIsFor(q: QuantityMention, profile: CallerProfile): { code: string; qty: number } | undefined {
  const item = q.item.toLowerCase();
  const lastWord = singular(item.split(/\s+/).pop() ?? '');
  for (let i = 0; i < profile.wanted.length; i++) {
    const p = profile.wanted[i];
    if (p.names.some((n) => item.includes(n)) || lastWord === singular(p.noun) || (p.unit !== undefined && lastWord === p.unit)) {
      return { code: p.code, qty: profile.wantedLines[i].qty };
    }
  }
  return undefined;
}

/** Quantities the caller would accept as theirs for a product (wanted, or as originally ordered). */
function acceptableQuantities(profile: CallerProfile, code: string): number[] {
  const out = profile.wantedLines.filter((l) => l.code === code).map((l) => l.qty);
  const order = profile.scenario.orders.find((o) => o.number === profile.scenario.wants.order);
  for (const l of order?.lines ?? []) if (l.code === code) out.push(l.qty);
  return out;
}

/** Quantities said for the caller's own items (not counts of stock). */
export function orderQuantities(h: Heard, profile: CallerProfile): QuantityMention[] {
  return h.quantities.filter((q) => q.role !== 'stock' && quantityIsFor(q, profile) !== undefined);
}

/** Check the caller's facts the adviser said in this message. */
export function checkValues(h: Heard, profile: CallerProfile, state: CustomerState): ValueCheck {
  const right: FactId[] = [];
  const wrong: FactId[] = [];
  const mark = (f: FactId, ok: boolean): void => {
    const list = ok ? right : wrong;
    if (!list.includes(f)) list.push(f);
  };
  for (const r of h.references) {
    const fact = REFERENCE_FACT[r.kind];
    if (!fact) continue;
    const known = profile.knownValues[fact] ?? [];
    if (known.length === 0) continue; // e.g. the number of an order placed in this call
    mark(fact, known.some((k) => sameReference(fact, r.value, k)));
  }
  // "And you're still at 12 Headingley Lane?": a street read out is checked against the caller's addresses
  const addresses = profile.knownValues.delivery_address ?? [];
  if (h.readOuts.includes('delivery_address') && addresses.length > 0) {
    for (const said of findStreetAddresses(h.text)) mark('delivery_address', addresses.some((a) => sameStreet(said, a)));
  }
  const purpose = profile.scenario.kind.purpose;
  if (purpose === 'place' || purpose === 'change') {
    const reduced = state.decisions.credit === 'reduced-order' || state.memory.topic === 'reduced-order';
    // a count of stock ("we have eight in stock") is not the caller's order read back
    for (const q of h.quantities) {
      if (q.role === 'stock') continue;
      const forItem = quantityIsFor(q, profile);
      if (!forItem) continue;
      const ok = acceptableQuantities(profile, forItem.code).includes(q.quantity) || (reduced && q.quantity < forItem.qty);
      mark('item_quantity', ok);
    }
  }
  // a right value elsewhere in the message does not cancel a wrong one
  return { right: right.filter((f) => !wrong.includes(f)), wrong };
}

/**
 * The caller counts as verified once they have given a reference (account or order number)
 * and two of: full name, postcode, phone, e-mail (the handbook's rule, from the caller's side).
 */
export function callerVerified(state: CustomerState): boolean {
  const r = state.revealed;
  const ref = r.includes('account_number') || r.includes('order_number');
  const extra = (['full_name', 'postcode', 'phone', 'email'] as FactId[]).filter((f) => r.includes(f)).length;
  return ref && extra >= 2;
}

/** Identity facts the adviser read out that the caller has not given yet. */
export function disclosedBeforeGiven(h: Heard, check: ValueCheck, state: CustomerState): FactId[] {
  const identity: FactId[] = ['account_number', 'postcode', 'phone', 'email', 'delivery_address'];
  const out = new Set<FactId>();
  for (const f of [...h.readOuts, ...check.right]) if (identity.includes(f) && !state.revealed.includes(f)) out.add(f);
  return [...out];
}
