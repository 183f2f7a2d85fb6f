/**
 * Days the adviser takes back in the same breath: "Delivery would be Wednesday the 4th. No,
 * apologies, I've counted today by mistake — so Thursday the 5th"; "Tuesday the 1st. Sorry, I
 * mean Thursday the 3rd"; "They'd arrive on Tuesday. Actually, not Tuesday — Thursday". A day
 * followed by words that correct it and then another day is withdrawn, and so is a day said
 * with "not" anywhere in the message; the day that replaces it is the one the adviser stands by.
 * A caller neither takes nor later holds the adviser to a day taken back.
 */
import type { DateMention, Utterance } from '../../domain/language/types.js';

/** Words that correct what was just said. */
const CORRECTING = new RegExp(
  [
    String.raw`\b(?:no|nope)\b(?=\s*[,.!—–-])`,
    String.raw`\bsorry,? (?:i mean|i meant|no|not|my mistake|scratch|wait|correction|that should|it should|it is|it's|it would|it'd|it will|it'll)\b`,
    String.raw`\bactually,? (?:no|not|sorry|it is|it's|it would|it'd|it will|it'll|make (?:it|that)|that should|that is|that's)\b`,
    String.raw`\bi mean\b|\bi meant\b|\bscratch that\b|\bmy (?:mistake|bad|error)\b|\bcorrection\b|\bmistake\b`,
    String.raw`\bno,? wait\b|\bwait,? (?:no|sorry|not|it's|it is|actually)\b`,
    String.raw`\bwrong (?:day|date)\b|\bnot \w+day\b`,
  ].join('|'),
  'i',
);

/** Roles of a day that are not the adviser's own offer (a deadline said back, a supplier's delivery, a callback). */
const NOT_AN_OFFER = new Set(['deadline', 'supplier', 'follow_up']);

/** Which of the message's days are taken back, and which replace them (indexes into `u.dates`). */
export interface Withdrawal {
  withdrawn: Set<number>;
  replacing: Set<number>;
}

const NONE: Withdrawal = { withdrawn: new Set(), replacing: new Set() };

function offered(d: DateMention): boolean {
  return d.kind === 'date' && d.date !== undefined && !NOT_AN_OFFER.has(d.role);
}

/** The days of one message the adviser took back, and the ones said in their place. */
export function withdrawnDays(u: Utterance): Withdrawal {
  const ds = u.dates;
  if (ds.length < 2) return NONE;
  const withdrawn = new Set<number>();
  const replacing = new Set<number>();
  const negatedDays = new Set(ds.filter((d) => d.negated && d.date).map((d) => d.date));
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i];
    if (!offered(d) || d.negated) continue;
    // "not Tuesday" elsewhere in the message: Tuesday is not the day
    if (negatedDays.has(d.date)) {
      withdrawn.add(i);
      continue;
    }
    const next = ds.findIndex((e, j) => j > i && offered(e) && !e.negated && e.date !== d.date);
    if (next < 0) continue;
    if (CORRECTING.test(u.original.slice(d.end, ds[next].start))) {
      withdrawn.add(i);
      replacing.add(next);
    }
  }
  // the day said beside a "not Tuesday" is the one the adviser stands by
  if (negatedDays.size > 0) {
    ds.forEach((d, i) => {
      if (offered(d) && !d.negated && !negatedDays.has(d.date) && !withdrawn.has(i)) replacing.add(i);
    });
  }
  for (const i of withdrawn) replacing.delete(i);
  return withdrawn.size === 0 && replacing.size === 0 ? NONE : { withdrawn, replacing };
}

/**
 * The message corrects a day said before ("Sorry, my mistake — it's Thursday the 5th"): words
 * that correct, and one day the adviser offers now (nothing taken back within the message).
 */
export function correctsEarlierDay(u: Utterance, within: Withdrawal): boolean {
  if (within.withdrawn.size > 0) return false;
  const days = new Set(u.dates.filter((d) => offered(d) && !d.negated).map((d) => d.date));
  return days.size === 1 && CORRECTING.test(u.original);
}
