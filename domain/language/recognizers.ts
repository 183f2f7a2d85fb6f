/**
 * Microsoft Recognizers-Text, wrapped: English culture, the reference date
 * always the scenario clock, and a warm-up that loads each model once.
 */
import { Culture, recognizeCurrency, recognizeDateTime } from '@microsoft/recognizers-text-suite';
import { minutesOfDay, type ScenarioClock } from '../dates.js';

/** A Recognizers-Text result, as far as we read it. */
export interface RecognizerResult {
  start: number;
  /** Inclusive end index, as Recognizers-Text reports it. */
  end: number;
  text: string;
  typeName: string;
  resolution: Record<string, unknown> | null;
}

const CULTURE = Culture.English;

/** The clock as the reference `Date` (local fields; only the calendar day and time matter). */
export function referenceDate(clock: ScenarioClock): Date {
  const [y, m, d] = clock.date.split('-').map(Number);
  const mins = minutesOfDay(clock.time);
  return new Date(y, m - 1, d, Math.floor(mins / 60), mins % 60);
}

/** Currency amounts ("nine hundred and sixty five pounds fifty two"). */
export function currencies(text: string): RecognizerResult[] {
  return recognizeCurrency(text, CULTURE) as RecognizerResult[];
}

/** Dates, ranges and times relative to the clock. */
export function dateTimes(text: string, clock: ScenarioClock): RecognizerResult[] {
  return recognizeDateTime(text, CULTURE, undefined, referenceDate(clock)) as RecognizerResult[];
}

let warmed = false;

/** Load the Recognizers-Text models (the first call of each takes ~300 ms). Idempotent. */
export function warmUpRecognizers(): void {
  if (warmed) return;
  currencies('that is nine hundred pounds fifty two or £12.50');
  dateTimes('on Thursday 5 March or next Tuesday, early next week', { date: '2026-03-02', time: '10:15' });
  warmed = true;
}
