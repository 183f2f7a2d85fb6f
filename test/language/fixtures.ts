/**
 * Shared fixtures for the language tests: the held-out sets, a working-day
 * function from a small local holiday list (the real calendar lives in
 * domain/world/), and where the probe file is.
 */
import { readFileSync } from 'node:fs';
import { addDays, weekdayIndex, type LocalDate } from '../../domain/dates.js';
import type { LabelledPhrase } from '../../domain/language/evaluation.js';

/** England and Wales bank holidays used by the tests (2026). */
export const TEST_HOLIDAYS = new Set(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);

/** `n` working days after `from` (Monday–Friday, not a test holiday). */
export function testCalendar(from: LocalDate, n: number): LocalDate {
  let d = from;
  let k = 0;
  while (k < n) {
    d = addDays(d, 1);
    const w = weekdayIndex(d);
    if (w !== 0 && w !== 6 && !TEST_HOLIDAYS.has(d)) k++;
  }
  return d;
}

/** A held-out set: `facts`, `moves`, or `blind` (written after tuning, never tuned on). */
export function heldOut(name: 'facts' | 'moves' | 'blind'): LabelledPhrase[] {
  const url = new URL(`./heldout-${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { items: LabelledPhrase[] }).items;
}

/** A labelled phrase file of this folder by name (e.g. `heldout-simulator.json`). */
export function heldOutFile(name: string): LabelledPhrase[] {
  const url = new URL(`./${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { items: LabelledPhrase[] }).items;
}

/** The shared probe file (read, never copied). */
export const probesPath = new URL('../../../shared/eval/probes-dev.json', import.meta.url).pathname;
