/**
 * What every step of a caller's turn works with, and small helpers they share.
 */
import type { CallerProfile } from './profile.js';
import type { SeededRandom } from './random.js';
import type { CustomerState } from './state.js';

/** Everything a turn works with. */
export interface TurnContext {
  profile: CallerProfile;
  state: CustomerState;
  random: SeededRandom;
}

/** The persona is provoked by `kind` (persona.provokedBy). */
export function provoked(profile: CallerProfile, kind: 'fobbed-off' | 'blame' | 'repeated-questions' | 'wrong-facts'): boolean {
  return profile.scenario.customer.persona.provokedBy.includes(kind);
}

/** "It's AC-20417." → "it's AC-20417." after "Like I said —" (names and codes keep their capitals). */
export function lowerFirst(answer: string, profile: CallerProfile): string {
  const first = answer.split(/[\s,.—-]+/)[0] ?? '';
  const proper = `${profile.scenario.customer.name} ${profile.scenario.customer.organisation ?? ''}`.split(/\s+/);
  if (proper.includes(first) || /\d|^[A-Z]{2,}/.test(first)) return answer;
  return answer.charAt(0).toLowerCase() + answer.slice(1);
}
