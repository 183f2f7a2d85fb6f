/**
 * The caller and the days the adviser gives. Days stated for delivery are checked against
 * the caller's deadline: a day past it is queried once (then accepted, reluctantly, for a
 * firm deadline), a day in time is welcomed once, a vague span draws "which day would that
 * be?". Days put to the caller ("Would Tuesday suit?", "Thursday or Friday?") are answered:
 * taken when they meet the caller's need, queried when they miss the deadline. The caller
 * only ever repeats a day the adviser said.
 */
import { compareDates, type LocalDate } from '../../domain/dates.js';
import type { Heard } from './heard.js';
import { latest, type Observations } from './memory.js';
import { spokenDate, type Speech } from './speech.js';
import type { TurnContext } from './turn-context.js';

/** What answering the days in a message did. */
export interface DateReaction {
  /** the caller queried a day or asked which day (a question back to the adviser) */
  queried: boolean;
  /** the caller took (or chose) a day put to them */
  picked: boolean;
}

/** Of several days said, the ones the caller could take as "the" day: its own deadline, said back, is not an offer. */
function offeredDays(c: TurnContext, days: readonly LocalDate[]): LocalDate[] {
  const own = c.profile.expected?.date;
  const others = days.filter((d) => d !== own);
  return others.length > 0 ? others : [...days];
}

/** React to delivery days against the caller's deadline (without ever saying the right day). */
export function reactToDates(c: TurnContext, obs: Observations, speech: Speech): boolean {
  const { state, profile } = c;
  const exp = profile.expected;
  const m = state.memory;
  if (obs.spanOnly && state.agenda.some((a) => !a.satisfied && ['delivery-date', 'revised-date', 'date-still-holds'].includes(a.ask))) {
    speech.say('ask_exact_date');
    return true;
  }
  if (!exp || obs.deliveryDates.length === 0) return false;
  // already late: the first day given is taken, reluctantly — there is nothing sooner to hold out for
  if (compareDates(exp.date, profile.clock.date) < 0) {
    if (!m.dateOkSaid && m.problemOptions.length === 0) {
      m.dateOkSaid = true;
      speech.say('accept_late_date', { date: spokenDate(profile, latest(obs.deliveryDates) as LocalDate) });
    }
    return false;
  }
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
    // echo the day only when it is clear which one the adviser meant
    const said = offeredDays(c, obs.statedDeliveryDates.length > 0 ? obs.statedDeliveryDates : obs.deliveryDates);
    speech.say('date_ok', said.length === 1 ? { date: spokenDate(profile, said[0]) } : {});
  }
  return false;
}

/**
 * Words that ask whether a day will do — "would Tuesday suit?", "is Tuesday any good?",
 * "would that be all right?", "which day works?" — pointing at a day in the question or,
 * when it names none ("Would that suit?"), at the days the message gives.
 */
const ASKS_IF_DAY_DOES = new RegExp(
  [
    String.raw`\bsuit(?:s|able)?\b`,
    String.raw`\b(?:work|okay|ok|good|convenient) for you\b`,
    String.raw`\b(?:does|would|will|could) (?:that|this|it|\w+day|the \w+) work\b`,
    String.raw`\bbe (?:all right|alright|okay|ok|fine|better)\b`,
    String.raw`\bany good\b`,
    String.raw`\bis (?:that|this|it|\w+day|the \w+) (?:ok|okay|all right|alright|fine)\b`,
    String.raw`\bif you(?: are|'re| re) (?:in|home|around|about|available|free)\b`,
    String.raw`\bare you (?:in|home|around|available|free)\b`,
    String.raw`\b(?:when|what (?:day|date)|which (?:day|date))\b.*\b(?:would you like|do you want|is best|would be best|works?|is good|is convenient|(?:would|do) you prefer)\b`,
  ].join('|'),
);

/** Words that put a day forward — "how about Tuesday?", "shall we say Tuesday?", "could we do Tuesday?" — only with a day named. */
const PUTS_DAY_FORWARD = /\b(?:how|what) about\b|\b(?:shall|should|could|can) (?:we|i) (?:say|do|make it|go for|book|pencil)\b/;

/** Days the adviser puts to the caller to take or leave. */
export interface Proposal {
  /** the days put forward (none: the message proposes no day) */
  days: LocalDate[];
  /** the days are for a callback, not for the goods */
  followUp: boolean;
  /** "would Tuesday suit?" (yes or no) or "which day suits?" / "Thursday or Friday?" */
  asked: 'yes-no' | 'which';
  /** the message asks nothing but this */
  onlyQuestion: boolean;
}

/**
 * The days the adviser puts to the caller in this message: the days said in a question
 * that proposes ("would Tuesday suit?"), or, when that question names none ("Would that
 * suit?"), the days the message gives. Deadlines and supplier deliveries are not offers, and
 * a read-back ("So that's Thursday 5 March, is that okay?") is checked, not answered here.
 */
export function proposedDays(c: TurnContext, h: Heard): Proposal {
  const none: Proposal = { days: [], followUp: false, asked: 'yes-no', onlyQuestion: false };
  if (h.moves.has('recap') || h.moves.has('read_back')) return none;
  const questions = h.questions.filter((q) => ASKS_IF_DAY_DOES.test(q) || PUTS_DAY_FORWARD.test(q));
  if (questions.length === 0) return none;
  const candidates = h.dates.filter((d) => d.date && !d.negated && d.role !== 'deadline' && d.role !== 'supplier' && compareDates(d.date, c.profile.clock.date) > 0);
  const inQuestion = candidates.filter((d) => d.question !== undefined && (ASKS_IF_DAY_DOES.test(d.question) || PUTS_DAY_FORWARD.test(d.question)));
  // "would that suit?" points back at the days said; "shall I put it through?" does not
  const pointsBack = questions.some((q) => ASKS_IF_DAY_DOES.test(q));
  const chosen = inQuestion.length > 0 ? inQuestion : pointsBack ? candidates : [];
  if (chosen.length === 0) return none;
  const days = offeredDays(c, [...new Set(chosen.map((d) => d.date as LocalDate))]);
  const asked = questions.some((q) => /^\s*(?:what|which|when)\b/.test(q)) || days.length > 1 ? 'which' : 'yes-no';
  return { days, followUp: chosen.every((d) => d.role === 'follow_up'), asked, onlyQuestion: questions.length === h.questions.length };
}

/**
 * Answer the days put to the caller: a day that meets the caller's need is taken (one of
 * several: an in-time one); a day past a deadline still to come is queried once, then taken
 * reluctantly; when the goods are already late there is nothing sooner to hold out for, so
 * the day is taken reluctantly at once.
 */
export function answerProposal(c: TurnContext, proposal: Proposal, speech: Speech): DateReaction {
  const { state, profile, random } = c;
  const m = state.memory;
  const exp = profile.expected;
  const { days } = proposal;
  if (days.length === 0) return { queried: false, picked: false };
  const take = (d: LocalDate, key: 'one_date_ok' | 'pick_date' | 'accept_late_date'): DateReaction => {
    // a callback day is agreed to, but is not the day of the goods
    if (!proposal.followUp) state.decisions.pickedDate = d;
    m.dateOkSaid = true;
    speech.say(key, { date: spokenDate(profile, d) });
    return { queried: false, picked: true };
  };
  // a callback day, or a day for one of the options for a problem order, has no deadline to meet
  const deadline = !exp || proposal.followUp || (exp.kind === 'due' && m.problemOptions.length > 0) ? undefined : exp.date;
  const inTime = deadline === undefined ? days : days.filter((d) => compareDates(d, deadline) <= 0);
  if (inTime.length > 0) {
    const d = inTime.length === 1 ? inTime[0] : inTime[random.below(inTime.length)];
    return take(d, proposal.asked === 'which' ? 'pick_date' : 'one_date_ok');
  }
  const d = [...days].sort(compareDates)[0];
  // already late: nothing sooner to hold out for
  if (exp && compareDates(exp.date, profile.clock.date) < 0) return take(d, 'accept_late_date');
  if (!m.queriedDates.includes(d)) {
    m.queriedDates.push(d);
    speech.say('deadline_missed', { date: spokenDate(profile, d) });
    return { queried: true, picked: false };
  }
  m.queriedDates.push(d);
  return take(d, 'accept_late_date');
}
