/**
 * `verify_identity` — before disclosing, creating or changing anything on an account or
 * order, the learner has the account or order number plus two more identifiers from the
 * caller, each given by the caller (asked for or volunteered), never read out to agree to.
 *
 * The order-of-events model: identifiers are credited at the customer line that gives
 * them; the first disclosure (a learner message) or action (a desk command that creates or
 * changes something) is compared with the moment the set became complete.
 */
import { ACTION_COMMANDS } from '../call/commands.js';
import { disclosure } from '../cues/disclosure.js';
import { EXTRA_IDENTIFIERS, identifiersIn } from '../cues/identity.js';
import type { IdentifierKind } from '../facts/marking-facts.js';
import { fromCustomer, fromDesk, fromMessage } from './evidence.js';
import type { Checker, Evidence } from './types.js';

const LABEL: Record<IdentifierKind, string> = {
  account_number: 'account number',
  order_number: 'order number',
  full_name: 'full name',
  postcode: 'postcode',
  phone: 'phone number',
  email: 'email',
};

/** The `verify_identity` checker (rules in the comment at the top of this file). */
export const checkVerifyIdentity: Checker = (call, facts) => {
  const readOut = new Map<IdentifierKind, number>();
  const given = new Map<IdentifierKind, number>();
  // the account or order number read out to the caller ("Your account number is AC-20417, is that right?")
  let refReadOut = false;
  let completeAt: number | undefined;
  let firstSensitive: { index: number; why: string; evidence: Evidence } | undefined;
  const evidence: Evidence[] = [];

  const isReference = (k: IdentifierKind): boolean => k === 'account_number' || k === 'order_number';
  const status = (): { ref: boolean; extras: number } => ({
    ref: [...given.keys()].some(isReference),
    extras: [...given.keys()].filter((k) => (EXTRA_IDENTIFIERS as readonly string[]).includes(k)).length,
  });

  for (const ev of call.events) {
    if (ev.kind === 'customer') {
      const found = identifiersIn(ev.text, facts.identity).filter((k) => !given.has(k) && !readOut.has(k));
      for (const k of found) given.set(k, ev.index);
      if (found.length) evidence.push(fromCustomer(ev));
      const s = status();
      if (completeAt === undefined && s.ref && s.extras >= 2) completeAt = ev.index;
    } else if (ev.kind === 'learner') {
      for (const k of identifiersIn(ev.text, facts.identity)) {
        if (!given.has(k) && isReference(k)) refReadOut = true;
        if (!given.has(k) && !isReference(k) && !readOut.has(k)) {
          readOut.set(k, ev.index);
          evidence.push(fromMessage(ev));
        }
      }
      if (!firstSensitive && completeAt === undefined) {
        const why = disclosure(ev.analysis, facts);
        if (why) firstSensitive = { index: ev.index, why: `disclosed ${why}`, evidence: fromMessage(ev) };
      }
    } else if (ev.kind === 'desk') {
      if (!firstSensitive && completeAt === undefined && ACTION_COMMANDS.includes(ev.name)) {
        firstSensitive = { index: ev.index, why: `ran ${ev.text.split(/\s+/)[0]}`, evidence: fromDesk(ev) };
      }
    }
  }

  const s = status();
  const givenList = [...given.keys()].map((k) => LABEL[k]).join(', ') || 'nothing';
  const readList = [...readOut.keys()].map((k) => LABEL[k]).join(', ');
  const late = firstSensitive !== undefined && (completeAt === undefined || firstSensitive.index < completeAt);
  const ev = [...evidence.slice(0, 4), ...(late && firstSensitive ? [firstSensitive.evidence] : [])];

  if (s.ref && s.extras >= 2) {
    if (late && firstSensitive) {
      return { mark: 'partly', evidence: ev, note: `Late: ${firstSensitive.why} (act ${firstSensitive.index}) before the caller was verified (${givenList}).` };
    }
    return { mark: 'met', evidence: ev, note: `Caller gave ${givenList} before anything was disclosed or done.` };
  }
  if (s.ref && s.extras === 1) {
    return {
      mark: 'partly',
      evidence: ev,
      note: `Incomplete: only ${givenList} given by the caller${readList ? `; ${readList} read out for them to agree to` : ''}.`,
    };
  }
  if (readOut.size > 0 && (s.ref || refReadOut)) {
    return {
      mark: 'partly',
      evidence: ev,
      note: `Verification by reading stored details out (${readList}) instead of asking for them; caller gave ${givenList}.`,
    };
  }
  if (!s.ref && s.extras >= 2) {
    return { mark: 'partly', evidence: ev, note: `No account or order number taken; caller gave ${givenList}.` };
  }
  const what = firstSensitive ? `; ${firstSensitive.why} (act ${firstSensitive.index})` : '';
  return {
    mark: 'missed',
    evidence: firstSensitive ? [firstSensitive.evidence, ...evidence.slice(0, 2)] : evidence.slice(0, 3),
    note: `No verification: caller gave ${givenList}${what}.`,
  };
};
