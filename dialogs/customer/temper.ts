/**
 * The caller's temper: an upset caller calms when what `persona.calmsWith` names has all
 * happened; provocations (`persona.provokedBy`) draw a threat to go elsewhere; annoyances
 * spend a patience budget (`persona.patience`) that moves the caller from ok to impatient,
 * to asking for a manager, to hanging up — one step per annoying turn.
 */
import type { CallerProfile } from './profile.js';
import type { Speech } from './speech.js';
import type { CustomerState } from './state.js';

/** Things in this turn that count toward calming an upset caller. */
export interface CalmingEvidence {
  /** a day was given for delivery or collection */
  dateGiven: boolean;
  /** the adviser apologised (or sympathised) in this message */
  apologyNow: boolean;
}

/** Roles of a day that tell the caller when the goods move (not a callback, not their own deadline said back). */
const GOODS_DAY_ROLES = new Set(['delivery', 'collection', 'unknown']);

/**
 * True when every calming condition of the persona has been met. Facts are facts, not news:
 * what went wrong or where things are, the stock or credit position, the terms, or a day for
 * the goods — "your order has been delayed" alone tells the caller nothing new. A day for the
 * goods counts as the facts only with an apology said with it or after it: a bare "they'll be
 * with you on Tuesday", after a "sorry to hear that" at the greeting, explains nothing.
 */
export function calmingMet(state: CustomerState, profile: CallerProfile, ev: CalmingEvidence): boolean {
  const m = state.memory;
  const wants = profile.scenario.customer.persona.calmsWith;
  const dateKnown = ev.dateGiven || m.dates.some((d) => GOODS_DAY_ROLES.has(d.role));
  const has = {
    apology: m.apologised,
    facts: m.factsGiven || (dateKnown && (ev.apologyNow || !wants.includes('apology'))),
    date: dateKnown,
    remedy: m.remedy,
  } as const;
  if (wants.length === 0) return m.apologised || m.factsGiven;
  return wants.every((w) => has[w]);
}

/** The caller starts the call upset (irate or anxious) and has not been calmed. */
export function upset(state: CustomerState): boolean {
  return !state.calmed && (state.mood === 'irate' || state.mood === 'anxious');
}

/** Calm the caller if the conditions are met; says the `calm` line once. */
export function maybeCalm(state: CustomerState, profile: CallerProfile, ev: CalmingEvidence, speech: Speech): boolean {
  if (!upset(state) || !calmingMet(state, profile, ev)) return false;
  state.calmed = true;
  state.mood = 'calm';
  if (profile.scenario.customer.persona.temperament === 'irate' || speech.hasScenarioLine('calm')) speech.say('calm');
  return true;
}

/** Spend patience. */
export function annoy(state: CustomerState, amount = 1): void {
  state.annoyance += amount;
}

/**
 * Move the patience stage on by at most one step if the budget allows, saying the stage's
 * line. Returns true when the caller hangs up.
 */
export function advancePatience(state: CustomerState, profile: CallerProfile, speech: Speech): boolean {
  const budget = profile.scenario.customer.persona.patience;
  const a = state.annoyance;
  if (state.stage === 'ok' && a >= budget) {
    state.stage = 'impatient';
    if (state.mood === 'neutral' || state.mood === 'calm') state.mood = 'impatient';
    speech.say('impatient');
  } else if (state.stage === 'impatient' && a >= budget + 1) {
    state.stage = 'manager';
    speech.say('manager');
  } else if (state.stage === 'manager' && a >= budget + 2) {
    state.stage = 'gone';
    speech.say('hang_up');
    state.hungUp = true;
    return true;
  }
  return false;
}
