/**
 * Hearing a learner message through the one recogniser (`domain/language`), with the
 * scenario's clock, working-day calendar, company name and product codes as context.
 * The call flow may pass its own recogniser (or an analysis it already has); otherwise
 * one shared instance is built on first use.
 */
import type { ScenarioClock } from '../../domain/dates.js';
import { createRecogniser, type Recogniser } from '../../domain/language/recogniser.js';
import type { AnalyseContext, Utterance } from '../../domain/language/types.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { calendarFor } from '../../domain/world/calendar.js';

let shared: Recogniser | undefined;

/** The recogniser shared by every customer that was given none. */
export function sharedRecogniser(): Recogniser {
  shared ??= createRecogniser();
  return shared;
}

const contexts = new WeakMap<LoadedScenario, Omit<AnalyseContext, 'clock'>>();

/** The analysis context for a scenario (without the clock), built once per scenario. */
export function analyseContext(loaded: LoadedScenario): Omit<AnalyseContext, 'clock'> {
  let ctx = contexts.get(loaded);
  if (!ctx) {
    const cal = calendarFor(loaded.organisation);
    const org = loaded.organisation;
    ctx = {
      calendar: (from, n) => cal.addWorkingDays(from, n),
      organisationNames: [...new Set([org.name, org.shortName].filter((x): x is string => !!x))],
      productCodes: org.catalogue.map((p) => p.code),
    };
    contexts.set(loaded, ctx);
  }
  return ctx;
}

/** Analyse one learner message for the caller of `loaded`. */
export function listen(text: string, loaded: LoadedScenario, clock: ScenarioClock, recogniser: Recogniser = sharedRecogniser()): Utterance {
  return recogniser.analyse(text, { ...analyseContext(loaded), clock });
}
