/**
 * Turns the `from`/`to` bounds of a call query into instants, so the database compares
 * timestamps (indexable, collation-free) rather than strings.
 *
 * A bound is a date (`2025-03-04`) or a UTC instant at any precision (`2025-03-04T08`,
 * `2025-03-04T08:00`, `…:00.000Z`). `from` is the first instant the bound names; `to` is the
 * last, so `to: '2025-03-04'` covers that whole day and `to: '2025-03-04T08:00'` that whole
 * minute — what `matchesCallQuery` (domain/calls.ts) means by comparing the ISO prefix.
 */
import { InvalidTimeBoundError } from './errors.js';

const FIRST = 'T00:00:00.000';
/** Largest digit at each position; the hour's second digit is clamped below. */
const LAST = 'T29:59:59.999';
const BOUND = /^(\d{4}-\d{2}-\d{2})(T[\d:.]*)?Z?$/;
const FULL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;

/**
 * The first (`from`) or last (`to`) instant a bound names, as a `Date`.
 * @throws InvalidTimeBoundError when the bound is not a real date or time
 */
export function boundInstant(value: string, side: 'from' | 'to', field: string = side): Date {
  const m = BOUND.exec(value);
  if (!m) throw new InvalidTimeBoundError(field, value);
  const [, date, time = 'T'] = m;
  const template = side === 'from' ? FIRST : LAST;
  let full = date + (time.length >= template.length ? time.slice(0, template.length) : time + template.slice(time.length));
  // 'T2' completes to 'T29…' above: the last hour starting with 2 is 23.
  if (side === 'to' && time.length <= 2 && full.slice(11, 13) > '23') full = `${full.slice(0, 11)}23${full.slice(13)}`;
  if (!FULL.test(full)) throw new InvalidTimeBoundError(field, value);
  const instant = new Date(`${full}Z`);
  // Date accepts 2025-02-30 (rolling over to March); a real date reads back unchanged.
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== `${full}Z`) throw new InvalidTimeBoundError(field, value);
  return instant;
}
