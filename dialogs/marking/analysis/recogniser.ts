/**
 * The marker's bridge to the project recogniser (`domain/language/`): one recogniser per
 * process (trained once), bound per scenario to its clock, calendar, company names and
 * product codes, read into the {@link Recognised} shape the analysis layer uses. The live
 * bot and the simulator use the same recogniser, so what the customer "heard" is what is
 * marked.
 */
import { createRecogniser, type Extraction, type Recogniser } from '../../../domain/language/recogniser.js';
import type { AnalyseContext, DateForm, Utterance } from '../../../domain/language/types.js';
import type { Recognised, RecogniseFn } from './analyse.js';

let shared: Recogniser | undefined;

/**
 * The process-wide recogniser for offline marking (trained and warmed up on first use; the
 * Recognizers-Text models, rarely needed, load on first use).
 */
export function sharedRecogniser(): Recogniser {
  if (!shared) {
    shared = createRecogniser();
    shared.warmUp({ recognizersText: false });
  }
  return shared;
}

/**
 * Counted days ("in three working days", "in two days") resolve to a day, but the marking
 * guide wants "a date, or a weekday that can only mean one date": for marking they are spans.
 */
const COUNTED = new Set<DateForm>(['working_days', 'day_count']);

/** The marker's reading of a recogniser {@link Utterance} (or of its entities alone, {@link Extraction}). */
export function fromUtterance(u: Utterance | Extraction): Recognised {
  return {
    money: u.money.map((m) => ({ pence: m.pence, text: m.text, start: m.start, end: m.end, negated: m.negated, hedged: m.hedged })),
    dates: u.dates.map((d) => ({
      kind: d.kind === 'date' && d.date && !COUNTED.has(d.form) ? ('date' as const) : ('span' as const),
      ...(d.kind === 'date' && d.date && !COUNTED.has(d.form) ? { date: d.date } : {}),
      text: d.text,
      start: d.start,
      end: d.end,
      hedged: d.hedged,
    })),
  };
}

/**
 * A recognise function bound to one scenario's context. The marker needs only amounts and
 * dates, so it asks for the entities alone (`extract`: the same code and results as
 * `analyse`, without the classifier and cue rules); the live bot passes the simulator's
 * full reading instead (`CallMarker.observe`).
 */
export function projectRecogniser(ctx: AnalyseContext, recogniser: Recogniser = sharedRecogniser()): RecogniseFn {
  return (text) => fromUtterance(recogniser.extract(text, ctx));
}
