/**
 * The caller and the days the adviser gives: a day past the caller's deadline is queried
 * once (then accepted, reluctantly, for a firm deadline), a day in time is welcomed once, a
 * vague span draws "which day would that be?", and offered days are chosen among.
 */
import { compareDates, type LocalDate } from '../../domain/dates.js';
import type { Heard } from './heard.js';
import { latest, type Observations } from './memory.js';
import { spokenDate, type Speech } from './speech.js';
import type { TurnContext } from './turn-context.js';

/** React to delivery days against the caller's deadline (without ever saying the right day). */
export function reactToDates(c: TurnContext, obs: Observations, speech: Speech): boolean {
  const { state, profile } = c;
  const exp = profile.expected;
  const m = state.memory;
  if (obs.spanOnly && state.agenda.some((a) => !a.satisfied && ['delivery-date', 'revised-date', 'date-still-holds'].includes(a.ask))) {
    speech.say('ask_exact_date');
    return true;
  }
  if (!exp || obs.deliveryDates.length === 0 || compareDates(exp.date, profile.clock.date) < 0) return false;
  // choosing among options for a problem order: later dates are expected, not queried
  if (exp.kind === 'due' && m.problemOptions.length > 0) return false;
  const late = obs.deliveryDates.filter((d) => compareDates(d, exp.date) > 0);
  if (late.length > 0) {
    const d = latest(late) as LocalDate;
    const times = m.queriedDates.filter((q) => q === d).length;
    if (times === 0) {
      m.queriedDates.push(d);
      speech.say('deadline_missed', { date: spokenDate(profile, d) });
      return true;
    }
    if (times === 1 && exp.kind === 'deadline') {
      m.queriedDates.push(d);
      speech.say('accept_late_date', { date: spokenDate(profile, d) });
    }
    return false;
  }
  if (!m.dateOkSaid && exp.kind !== 'due') {
    m.dateOkSaid = true;
    const said = obs.statedDeliveryDates.length > 0 ? obs.statedDeliveryDates : obs.deliveryDates;
    speech.say('date_ok', { date: spokenDate(profile, latest(said) as LocalDate) });
  }
  return false;
}

const SUITS = /\b(?:suit|work for you|okay for you|ok for you|convenient|good for you|be all right|be alright|any good|if you(?: are|'re| re) (?:in|home|around|about|available|free)|are you (?:in|home|around|available|free)|does that work|is that (?:ok|okay|all right|alright|fine)|would that be (?:ok|okay|all right|alright|fine))\b/;

/** Pick among dates the adviser offers ("Thursday or Friday?"). */
export function pickDate(c: TurnContext, h: Heard, speech: Speech): boolean {
  const { state, profile, random } = c;
  if (!h.question) return false;
  const offered = [...new Set(h.dates.filter((d) => d.date && !d.negated && d.role !== 'deadline' && d.role !== 'supplier').map((d) => d.date as LocalDate))];
  if (offered.length === 0) return false;
  // "Thursday or Friday?", "would Thursday suit you?" — not "Thursday 5 March. Shall I go ahead?"
  const choosing = offered.length > 1 ? /\bor\b/.test(h.norm) && h.moves.has('ask_choice') : SUITS.test(h.norm);
  if (!choosing || speech.keys.includes('date_ok') || speech.keys.includes('deadline_missed')) return false;
  const exp = profile.expected;
  const inTime = exp ? offered.filter((d) => compareDates(d, exp.date) <= 0) : offered;
  const pool = inTime.length > 0 ? inTime : offered;
  if (offered.length === 1) {
    if (exp && compareDates(offered[0], exp.date) > 0) return false; // the deadline reaction covers it
    state.decisions.pickedDate = offered[0];
    speech.say('one_date_ok', { date: spokenDate(profile, offered[0]) });
    return true;
  }
  const d = pool[random.below(pool.length)];
  state.decisions.pickedDate = d;
  speech.say('pick_date', { date: spokenDate(profile, d) });
  return true;
}
