/**
 * `close_call` — asks whether there is anything else or whether the customer is happy
 * with the outcome, and thanks them or closes politely. The polite close must be the
 * learner's last word: a call that just stops, or `/end` straight after business, is
 * abrupt (ruling).
 */
import { ANYTHING_ELSE, POLITE_CLOSE, SATISFACTION } from '../cues/closing.js';
import { isNegatedAt } from '../text/cues.js';
import { fromMessage } from './evidence.js';
import type { Checker, Evidence } from './types.js';

/** The `close_call` checker (rules in the comment at the top of this file). */
export const checkCloseCall: Checker = (call) => {
  const msgs = call.learner;
  const last = msgs[msgs.length - 1];
  if (!last) return { mark: 'missed', evidence: [], note: 'The learner never spoke to the customer.' };
  // the check may come anywhere in the second half of the call
  const fromOrdinal = Math.ceil(msgs.length / 2);
  const check = [...msgs].reverse().find((m) => {
    if (m.ordinal < fromOrdinal) return false;
    const n = m.analysis.norm;
    const hit = ANYTHING_ELSE.exec(n) ?? SATISFACTION.exec(n);
    return hit !== null && !isNegatedAt(n, hit.index, 3);
  });
  const closes = POLITE_CLOSE.test(last.analysis.norm);
  const evidence: Evidence[] = [];
  if (check) evidence.push(fromMessage(check, ANYTHING_ELSE.test(check.analysis.norm) ? ANYTHING_ELSE : SATISFACTION));
  if (closes && last !== check) evidence.push(fromMessage(last, POLITE_CLOSE));
  if (check && closes) return { mark: 'met', evidence, note: 'Asks whether there is anything else or checks satisfaction, and closes politely.' };
  if (check) return { mark: 'partly', evidence, note: 'Checks for anything else, but the call ends without thanks or a polite close.' };
  if (closes) return { mark: 'partly', evidence, note: 'Thanks the customer and closes, but never asks whether there is anything else or whether they are happy.' };
  return { mark: 'missed', evidence: [fromMessage(last)], note: 'Ends abruptly: no anything-else check and no polite close.' };
};
