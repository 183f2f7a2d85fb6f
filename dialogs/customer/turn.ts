/**
 * One turn of the hidden-agenda caller: read the adviser's message (already heard), update
 * the goal and memory, push reactions (answers, corrections, queries, decisions, temper),
 * then pop at most one pending request from the agenda when the adviser leaves room, and
 * render it all as one in-character message.
 */
import { compareDates, type LocalDate } from '../../domain/dates.js';
import type { FactId } from '../../domain/scenario/vocabulary.js';
import { askKey, nextAsk, openAsks, satisfyAsks } from './agenda.js';
import { decide } from './choices.js';
import type { DeskEvent } from './desk-events.js';
import type { Heard } from './heard.js';
import { latest, remember, TOTAL_ROLES, type Observations } from './memory.js';
import type { CallerProfile } from './profile.js';
import type { SeededRandom } from './random.js';
import { Speech, spokenDate } from './speech.js';
import type { CustomerState } from './state.js';
import { advancePatience, annoy, maybeCalm, upset } from './temper.js';
import { callerVerified, checkValues, disclosedBeforeGiven } from './values.js';
import { formatPounds } from '../../domain/money.js';

/** Everything a turn works with. */
export interface TurnContext {
  profile: CallerProfile;
  state: CustomerState;
  random: SeededRandom;
}

/** Facts a forthcoming caller adds when giving another ("natural companions"). */
const COMPANIONS: Partial<Record<FactId, FactId>> = {
  full_name: 'organisation',
  account_number: 'organisation',
  organisation: 'full_name',
  reason: 'item_quantity',
  item_quantity: 'needed_by',
};

const VOLUNTEER_CHANCE = { low: 0, medium: 0.2, high: 0.5 } as const;

function provoked(state: CustomerState, profile: CallerProfile, kind: 'fobbed-off' | 'blame' | 'repeated-questions' | 'wrong-facts'): boolean {
  return profile.scenario.customer.persona.provokedBy.includes(kind);
}

/** Answer every fact asked for, in order; a repeated question costs patience. */
function answerFacts(c: TurnContext, h: Heard, speech: Speech): void {
  const { state, profile, random } = c;
  const answered: FactId[] = [];
  // asked again what the call is about, the caller goes into detail
  const requests = h.factRequests.map((f) =>
    f === 'reason' && state.revealed.includes('reason') && !state.revealed.includes('item_quantity') && profile.facts.item_quantity !== undefined && !h.factRequests.includes('item_quantity') ? 'item_quantity' : f,
  );
  for (const fact of requests) {
    const before = state.askedFacts[fact] ?? 0;
    state.askedFacts[fact] = before + 1;
    const wasGiven = state.revealed.includes(fact);
    const answer = speech.answer(fact);
    if (!wasGiven) {
      speech.sayText(answer, `answer:${fact}`);
    } else if (h.moves.has('repeat_request')) {
      speech.say('sure_repeat', { answer });
    } else if (before === 0) {
      speech.say('as_i_said', { answer: lowerFirst(answer, profile) });
    } else {
      annoy(state, provoked(state, profile, 'repeated-questions') ? 2 : 1);
      speech.say('repeated_question');
      speech.sayText(answer, `answer:${fact}`);
    }
    answered.push(fact);
  }
  // a forthcoming caller adds a natural companion fact
  const chance = VOLUNTEER_CHANCE[profile.scenario.customer.persona.volunteering];
  if (answered.length === 0 || chance === 0) return;
  for (const f of answered) {
    const extra = COMPANIONS[f];
    if (!extra || state.revealed.includes(extra) || h.factRequests.includes(extra) || profile.facts[extra] === undefined) continue;
    if (random.chance(chance)) speech.sayText(speech.answer(extra), `volunteer:${extra}`);
    break;
  }
}

/** What checking a read-back found. */
interface ReadBackResult {
  /** something was corrected or queried */
  corrected: boolean;
  /** nothing was wrong and the adviser wants a yes */
  confirm: boolean;
}

/** Correct details the adviser read back; says whether a plain yes is due. */
function readBack(c: TurnContext, h: Heard, obs: Observations, speech: Speech): ReadBackResult {
  const { state, profile } = c;
  const check = checkValues(h, profile, state);
  const confirming = h.moves.has('read_back') || h.moves.has('recap') || h.moves.has('ask_confirm') || h.readOuts.length > 0;
  let corrected = false;
  // the caller corrects their own details when asked to confirm them (or asked about them)
  if (check.wrong.length > 0 && (confirming || h.question)) {
    if (!speech.say('correction', {}, { scenarioOnly: true })) speech.say('confirm_no');
    for (const f of check.wrong) {
      if (f === 'item_quantity') speech.sayText(speech.answer(f), 'correction_detail');
      else speech.say('correction_detail', { value: (profile.facts[f] ?? '').replace(/\.$/, '') });
    }
    if (provoked(state, profile, 'wrong-facts')) annoy(state);
    corrected = true;
  }
  if (confirming) {
    // figures the adviser gave before, said differently now
    const totals = obs.prices.filter((p) => TOTAL_ROLES.has(p.role));
    const prev = obs.previousTotal;
    // with several options in play (alternative, back-order, split, cancel, credit routes) figures differ by option
    const m = state.memory;
    const oneOption = !m.alternativeOffered && !m.backOrderOffered && m.problemOptions.length === 0 && m.creditRoutes.length === 0 && !m.creditProblem;
    if (oneOption && !obs.topicChanged && prev && totals.length === 1 && totals[0].vat === prev.vat && totals[0].pence !== prev.pence) {
      const key = `${prev.pence}>${totals[0].pence}`;
      if (!state.memory.queriedPrices.includes(key)) {
        state.memory.queriedPrices.push(key);
        speech.say('query_price', { earlier: formatPounds(prev.pence) });
        corrected = true;
      }
    }
    const pd = obs.previousDate;
    const now = obs.statedDeliveryDates;
    const before = obs.previousDates ?? [];
    if (pd && now.length > 0 && !now.some((d) => before.includes(d)) && !state.memory.queriedDates.includes(`${pd}>${now[0]}`)) {
      state.memory.queriedDates.push(`${pd}>${now[0]}`);
      speech.say('query_date_change', { earlier: spokenDate(profile, pd) });
      corrected = true;
    }
  }
  if (confirming && state.decisions.pickedDate) {
    const picked = state.decisions.pickedDate;
    const said = h.dates.filter((d) => d.date && !d.negated && d.role !== 'follow_up' && d.role !== 'supplier' && compareDates(d.date, profile.clock.date) > 0);
    if (said.length > 0 && !said.some((d) => d.date === picked) && !state.memory.queriedDates.includes(`picked>${said[0].date}`)) {
      state.memory.queriedDates.push(`picked>${said[0].date}`);
      speech.say('correct_picked_date', { earlier: spokenDate(profile, picked) });
      corrected = true;
    }
  }
  // a read-back statement is confirmed when it holds the caller's details; a question always
  const statesDetails = h.moves.has('recap') && (check.right.length > 0 || h.quantities.length > 0 || h.dates.length > 0);
  const confirm = !corrected && confirming && (h.question || statesDetails) && h.factRequests.length === 0 && !speech.keys.includes('speaking');
  return { corrected, confirm };
}

/** React to delivery days against the caller's deadline (without ever saying the right day). */
function dates(c: TurnContext, obs: Observations, speech: Speech): boolean {
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
function pickDate(c: TurnContext, h: Heard, speech: Speech): boolean {
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

/** Questions about goods being sent back, answered from `wants.return`. */
function returnQuestions(c: TurnContext, h: Heard, speech: Speech): boolean {
  const r = c.profile.scenario.wants.return;
  if (!r || !h.question) return false;
  const t = h.questions.join(' ');
  const said: string[] = [];
  if (/\bfault|\bdamage|\bbroken|\bwrong with\b|\bdefect/.test(t)) said.push(r.faulty ? "Yes, it's faulty." : "No, there's nothing wrong with it.");
  if (/\b(?:used|assembled|put (?:it |them )?together|built|set (?:it )?up)\b/.test(t)) said.push(r.unused ? "No, I haven't used it or put it together." : "I have used it, yes.");
  if (/\b(?:box|boxes|packaging|packed|packing|wrapping)\b/.test(t)) said.push(r.originalPackaging ? "It's still in its original box." : "I'm afraid the box has gone.");
  for (const s of said) speech.sayText(s, 'answer:return');
  return said.length > 0;
}

/** Is this message the adviser closing the call? */
function closing(h: Heard, state: CustomerState): { anythingElse: boolean; satisfied: boolean; goodbye: boolean } {
  // after "nothing else", a closing thank-you is the end of the call
  const thanksToClose = state.nothingElse && h.moves.has('thanks') && !h.question;
  return {
    anythingElse: h.moves.has('ask_anything_else'),
    // "are you happy with that?" belongs to the end of a call, not to a question for details
    satisfied: h.moves.has('ask_satisfied') && h.factRequests.length === 0 && state.turn > 2,
    goodbye: (h.moves.has('goodbye') || thanksToClose) && state.turn > 1 && h.factRequests.length === 0,
  };
}

/** "It's AC-20417." → "it's AC-20417." after "Like I said —" (names and codes keep their capitals). */
function lowerFirst(answer: string, profile: CallerProfile): string {
  const first = answer.split(/[\s,.—-]+/)[0] ?? '';
  const proper = `${profile.scenario.customer.name} ${profile.scenario.customer.organisation ?? ''}`.split(/\s+/);
  if (proper.includes(first) || /\d|^[A-Z]{2,}/.test(first)) return answer;
  return answer.charAt(0).toLowerCase() + answer.slice(1);
}

/**
 * Play one turn. Mutates `c.state`; returns the reply text and whether the caller hung up.
 */
export function playTurn(c: TurnContext, h: Heard, desk: readonly DeskEvent[]): Speech {
  const { state, profile } = c;
  const speech = new Speech(profile, state, c.random);
  state.turn++;
  for (const e of desk) if (!state.memory.desk.includes(e.kind)) state.memory.desk.push(e.kind);
  const annoyanceBefore = state.annoyance;

  // abuse: warn once, then hang up
  if (h.moves.has('abusive')) {
    state.abuseWarnings++;
    if (state.abuseWarnings >= 2) {
      speech.say('abuse_hang_up');
      state.hungUp = true;
      state.stage = 'gone';
      return speech;
    }
    speech.say('abuse_warning');
    if (state.mood === 'neutral' || state.mood === 'calm') state.mood = 'impatient';
    annoy(state);
  }

  const obs = remember(state, h, profile);
  satisfyAsks(state, h, obs);

  // temper first: provocation, calming, disclosure
  const close = closing(h, state);
  const open = openAsks(state);
  const fobbedOff = h.moves.has('fob_off') || ((close.anythingElse || close.goodbye) && open.length > 0 && profile.scenario.kind.purpose === 'chase');
  const blamed = h.moves.has('blame') || h.moves.has('blame_caller');
  const provokedNow = (fobbedOff && provoked(state, profile, 'fobbed-off')) || (blamed && provoked(state, profile, 'blame'));
  const calmedNow = !provokedNow && maybeCalm(state, profile, { dateGiven: obs.deliveryDates.length > 0 }, speech);
  if (provokedNow) {
    annoy(state);
    if (!state.threatened) {
      state.threatened = true;
      speech.say('threaten');
    } else speech.say('irate');
    if (state.calmed && profile.scenario.customer.persona.mood === 'irate') {
      state.calmed = false;
      state.mood = 'irate';
    }
  } else if (upset(state) && state.mood === 'irate' && !calmedNow && state.turn === 1 && !state.memory.apologised) {
    speech.say('irate');
  }
  // blamed for it: hurt, and less patient
  if (h.moves.has('blame_caller') && !provokedNow) {
    annoy(state);
    speech.say('hurt');
  }
  // an upset caller does not take to being called "mate"
  if (h.overFamiliar.length > 0 && (upset(state) || state.stage !== 'ok') && !speech.keys.includes('over_familiar')) {
    speech.say('over_familiar', { term: h.overFamiliar[0].toLowerCase() });
  }

  const check = checkValues(h, profile, state);
  const early = disclosedBeforeGiven(h, check, state);
  // outbound: the details of why they are calling, before the caller is verified
  const orderDetail = h.moves.has('problem_news') || h.references.some((r) => r.kind === 'order' || r.kind === 'account') || h.quantities.length > 0 || h.money.length > 0;
  const explainedEarly = profile.direction === 'outbound' && orderDetail && !callerVerified(state);
  if ((early.length > 0 || explainedEarly) && !callerVerified(state) && !state.remarkedDisclosure) {
    annoy(state);
    if (speech.say('unverified_disclosure', {}, { scenarioOnly: true })) state.remarkedDisclosure = true;
  }

  // outbound: "is that Priya?" — "speaking"; and who is this?
  let askWho = false;
  if (profile.direction === 'outbound' && h.readOuts.includes('full_name') && !state.revealed.includes('full_name') && h.factRequests.length === 0) {
    speech.say('speaking');
    h = { ...h, readOuts: h.readOuts.filter((f) => f !== 'full_name') };
  }
  if (profile.direction === 'outbound' && state.turn === 1 && !h.moves.has('self_introduction') && !state.memory.askedWho) {
    state.memory.askedWho = true;
    askWho = true;
  }

  answerFacts(c, h, speech);
  if (askWho) speech.say('who_is_calling');
  const answeredReturn = returnQuestions(c, h, speech);
  const { corrected, confirm } = readBack(c, h, obs, speech);
  const queriedDate = dates(c, obs, speech);
  const picked = pickDate(c, h, speech);
  const decision = decide(state, profile, h, speech, obs.firstCreditProblem);
  // a plain "yes, that's right" — unless the caller has just queried or decided something
  const closingQuestion = h.moves.has('ask_anything_else');
  if (confirm && !queriedDate && !picked && !decision.spoke && !closingQuestion) speech.sayFirst('confirm_yes');

  // first news of a problem, when nothing else was said about it
  if (!decision.spoke && speech.empty) {
    if (obs.firstOutOfStock && !state.memory.alternativeOffered && !state.memory.backOrderOffered) speech.say('out_of_stock_reaction');
    else if (obs.firstProblem && state.memory.problemOptions.length === 0 && profile.scenario.wants.choices.problemOption) speech.say('problem_reaction');
  }

  // closing
  let hungUp = false;
  const askedSomething = decision.asked || queriedDate || corrected;
  if (close.anythingElse && !askedSomething) {
    const pending = openAsks(state)[0];
    if (pending) {
      pending.asked++;
      speech.say(askKey(pending));
    } else {
      state.nothingElse = true;
      speech.say('anything_else_no');
    }
  } else if (close.goodbye && !askedSomething) {
    const pending = openAsks(state)[0];
    if (pending && !state.heldGoodbye) {
      state.heldGoodbye = true;
      pending.asked++;
      const question = speech.line(askKey(pending)) ?? '';
      speech.say('ask_before_goodbye', { question: lowerFirst(question, profile) });
    } else {
      if (h.moves.has('thanks') && !state.nothingElse && speech.empty) speech.say('thanks');
      speech.say('goodbye');
      hungUp = true;
    }
  }
  // "is that a fair summary?" after a read-back is a confirmation, already answered
  if (close.satisfied && !close.goodbye && !askedSomething && !(confirm && !close.anythingElse)) {
    if (upset(state)) speech.say('still_irate');
    else speech.say('satisfied');
  }

  // small talk and off-topic remarks, in character
  if (h.moves.has('small_talk') && h.factRequests.length === 0 && speech.empty) speech.say(upset(state) ? 'still_irate' : 'small_talk');
  if (h.moves.has('off_topic') && h.factRequests.length === 0 && !close.goodbye) {
    state.memory.offTopic++;
    if (state.memory.offTopic > 1) annoy(state);
    if (speech.empty) speech.say('off_topic');
  }

  // initiative: pop the next request when the adviser leaves room
  const closingNow = close.anythingElse || close.goodbye || close.satisfied;
  const room = !hungUp && !closingNow && !askedSomething && !picked && !h.moves.has('hold') && h.factRequests.length === 0 && !answeredReturn && (!h.question || h.moves.has('propose_order') || h.moves.has('confirm_done'));
  if (h.moves.has('propose_order') && !decision.spoke && !askedSomething && !picked && !closingNow && !speech.text().includes('?')) speech.say('go_ahead');
  if (room) initiative(c, speech);

  // nothing said yet: hold, acknowledge, or ask what they mean
  if (speech.empty && !hungUp) {
    if (h.moves.has('hold')) speech.say('hold_on');
    else if (h.question && h.factRequests.length === 0 && !h.moves.has('ask_confirm') && !h.moves.has('propose_order')) speech.say('unclear');
    else if (profile.direction === 'inbound' && state.turn === 1) speech.sayText(speech.answer('reason'), 'answer:reason');
    else speech.say('acknowledge');
  }

  // patience: one step per annoying turn
  if (state.annoyance > annoyanceBefore && advancePatience(state, profile, speech)) return speech;
  if (hungUp) state.hungUp = true;
  return speech;
}

/** The caller takes the initiative: a question about the call, or the next request. */
function initiative(c: TurnContext, speech: Speech): void {
  const { state, profile } = c;
  const m = state.memory;
  if (profile.direction === 'outbound' && m.introduced && !m.explained && state.turn >= 3 && !m.askedPurpose) {
    m.askedPurpose = true;
    speech.say('ask_purpose');
    return;
  }
  if (m.outOfStock && !m.alternativeOffered && !m.backOrderOffered && !m.askedAlternative && profile.alternatives.length > 0) {
    m.askedAlternative = true;
    speech.say('ask_alternative');
    return;
  }
  const next = nextAsk(state, profile);
  if (next) {
    next.asked++;
    speech.say(askKey(next));
  }
}
