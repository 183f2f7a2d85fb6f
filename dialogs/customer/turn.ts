/**
 * One turn of the hidden-agenda caller: read the adviser's message (already heard), update
 * the goal and memory, push reactions (answers, corrections, queries, decisions, temper),
 * then pop at most one pending request from the agenda when the adviser leaves room, and
 * render it all as one in-character message.
 */
import { alternativeNeeds, askKey, forAlternative, markAsked, nextAsk, openAsks, passedOver, satisfyAsks } from './agenda.js';
import { answerFacts, returnQuestions } from './answers.js';
import { decide } from './choices.js';
import { answerProposal, proposedDays, reactToDates } from './dates.js';
import type { DeskEvent } from './desk-events.js';
import type { Heard } from './heard.js';
import { remember } from './memory.js';
import { readBack } from './read-back.js';
import { capitalise, Speech, THANKS } from './speech.js';
import type { AgendaAsk, CustomerState } from './state.js';
import { advancePatience, annoy, maybeCalm, upset } from './temper.js';
import { lowerFirst, provoked, type TurnContext } from './turn-context.js';
import { callerVerified, checkValues, disclosedBeforeGiven } from './values.js';

export type { TurnContext } from './turn-context.js';

/** Words that ask who is calling ("Sorry, who is this?"). */
const ASKS_WHO = /\bwho(?:'s| is) (?:this|calling|that)\b|\bwho am i (?:speaking|talking) to\b|\bwho are you\b/i;

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
  const answered = satisfyAsks(state, h, obs, profile);

  // "is Tuesday any good for you?" asks about Tuesday, not whether there is anything else
  const proposal = proposedDays(c, h);
  const close = proposal.days.length > 0 && proposal.onlyQuestion ? { anythingElse: false, satisfied: false, goodbye: false } : closing(h, state);

  // temper first: provocation, calming, disclosure
  const open = openAsks(state);
  const fobbedOff = h.moves.has('fob_off') || ((close.anythingElse || close.goodbye) && open.length > 0 && profile.scenario.kind.purpose === 'chase');
  const blamed = h.moves.has('blame') || h.moves.has('blame_caller');
  const provokedNow = (fobbedOff && provoked(profile, 'fobbed-off')) || (blamed && provoked(profile, 'blame'));
  const calmedNow = !provokedNow && maybeCalm(state, profile, { dateGiven: obs.deliveryDates.length > 0, apologyNow: h.moves.has('apology') || h.moves.has('empathy') }, speech);
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
  // disclosure before verification costs patience once; a careful caller says so
  if ((early.length > 0 || explainedEarly) && !callerVerified(state) && !state.remarkedDisclosure) {
    state.remarkedDisclosure = true;
    annoy(state);
    // once the adviser has said who they are, the remark does not ask who is calling
    if (profile.scenario.customer.persona.careful) speech.say('unverified_disclosure', {}, state.memory.introduced ? { except: ASKS_WHO } : {});
  }

  // outbound: "is that Priya?" — "speaking"; and who is this?
  let askWho = false;
  if (profile.direction === 'outbound' && h.readOuts.includes('full_name') && !state.revealed.includes('full_name') && h.factRequests.length === 0) {
    speech.say('speaking');
    // "Is that Priya Shah?" — "Yes, that's me": the caller has confirmed their full name; to
    // "Is that Priya?" they have not given it, and give it when asked
    if (fullNameSaid(h, profile)) speech.reveal('full_name');
    h = { ...h, readOuts: h.readOuts.filter((f) => f !== 'full_name') };
  }
  if (profile.direction === 'outbound' && state.turn === 1 && !h.moves.has('self_introduction') && !state.memory.askedWho) {
    state.memory.askedWho = true;
    askWho = true;
  }

  // "when would you like us to collect? any day from tomorrow" puts days to the caller: it is not asking their needed-by day
  if (proposal.days.length > 0) h = { ...h, factRequests: h.factRequests.filter((f) => f !== 'needed_by') };

  answerFacts(c, h, speech);
  // a careful caller's remark may already ask who is calling ("Sorry, who is this?")
  if (askWho) {
    if (ASKS_WHO.test(speech.text())) speech.note('who_is_calling');
    else speech.say('who_is_calling');
  }
  const answeredReturn = returnQuestions(c, h, speech);
  const { corrected, confirm } = readBack(c, h, obs, speech);
  // days put to the caller are answered; days stated are checked against the deadline
  const { queried: queriedDate, picked } = proposal.days.length > 0 ? answerProposal(c, proposal, speech) : { queried: reactToDates(c, obs, speech), picked: false };
  const decision = decide(state, profile, h, speech, obs.firstCreditProblem);
  // "Would paying by card suit you?" with no credit problem: the caller says how it means to pay
  if (!decision.spoke && h.question && h.moves.has('offer_card') && !state.memory.creditProblem && !state.decisions.paid && h.factRequests.length === 0) {
    const payment = profile.scenario.wants.payment;
    if (payment === 'card' || state.decisions.credit === 'card') speech.say('go_ahead');
    else if (payment === 'account') speech.say('decline', {}, { defaultsOnly: true });
  }
  // a plain "yes, that's right" — unless the caller has just queried or decided something
  const closingQuestion = h.moves.has('ask_anything_else');
  if (confirm && !queriedDate && !picked && !decision.spoke && !closingQuestion) speech.sayFirst('confirm_yes');

  // something done to put it right, once asked for: welcomed (an upset caller is not won over so easily)
  if (answered.includes('remedy') && !decision.spoke && speech.empty && !upset(state)) speech.say('pleased');

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
      markAsked(pending, state);
      speech.say(askKey(pending));
    } else if (addressPending(c)) {
      // the change the caller came to make: the new delivery address, not yet given nor said back
      speech.say('raise_address', { answer: speech.answer('delivery_address') });
    } else {
      state.nothingElse = true;
      // "…, and are you happy with that?": the answer to that thanks, so the no need not
      speech.say('anything_else_no', {}, close.satisfied && !close.goodbye ? { except: THANKS } : {});
      // "Anything else? Thanks for your time, goodbye.": nothing else, and goodbye
      if (close.goodbye) {
        speech.say('goodbye');
        hungUp = true;
      }
    }
  } else if (close.goodbye && !askedSomething) {
    const pending = openAsks(state)[0];
    if (pending && !state.heldGoodbye) {
      state.heldGoodbye = true;
      markAsked(pending, state);
      const question = speech.line(askKey(pending)) ?? '';
      speech.say('ask_before_goodbye', { question: lowerFirst(question, profile) });
    } else if (!state.heldGoodbye && addressPending(c)) {
      state.heldGoodbye = true;
      speech.say('raise_address_before_goodbye', { answer: speech.answer('delivery_address') });
    } else {
      // no thanks from a caller leaving with a question of theirs still unanswered
      const unanswered = state.agenda.some((a) => a.asked > 0 && !a.satisfied);
      if (h.moves.has('thanks') && !state.nothingElse && speech.empty && !unanswered) speech.say('thanks');
      // nor a "thanks, bye"
      speech.say('goodbye', {}, unanswered ? { except: THANKS } : {});
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

  // a later day for the option the caller would not take: ask straight away for the one it would
  if (queriedDate && !decision.spoke && !hungUp && state.memory.backOrderOffered) {
    const forAlt = state.agenda.find((a) => a.ask === 'delivery-date' && !a.satisfied && a.asked === 0 && alternativeNeeds(state, profile).date);
    if (forAlt) sayAsk(c, speech, forAlt);
  }

  // initiative: pop the next request when the adviser leaves room
  const closingNow = close.anythingElse || close.goodbye || close.satisfied;
  const room = !hungUp && !closingNow && !askedSomething && !picked && !h.moves.has('hold') && h.factRequests.length === 0 && !answeredReturn && (!h.question || h.moves.has('propose_order') || h.moves.has('confirm_done'));
  // "What would you like to order?" is answered with the items, not "yes please"
  if (h.moves.has('propose_order') && h.factRequests.length === 0 && !decision.spoke && !askedSomething && !picked && !closingNow && !speech.text().includes('?')) speech.say('go_ahead');
  // news to react to first; a fob-off ("nothing I can do") is an answer, if a poor one — the temper says the rest
  const news = obs.firstOutOfStock || obs.firstProblem || obs.firstCreditProblem || obs.topicChanged || fobbedOff;
  if (room) initiative(c, speech, news, answered.length > 0);

  // nothing said yet: hold, acknowledge, say which items they mean, or ask what they mean
  if (speech.empty && !hungUp) {
    const unasked = h.question && h.factRequests.length === 0 && !h.moves.has('ask_confirm') && !h.moves.has('propose_order');
    if (h.moves.has('hold')) speech.say('hold_on');
    // "Sorry, what was that?": the caller says it again
    else if (h.moves.has('repeat_request') && state.memory.lastSaid) speech.say('sure_repeat', { answer: state.memory.lastSaid });
    // "Is that just the paper, or the toner too?": a question about their items is answered with them
    else if (unasked && namesTheirItems(c, h)) speech.sayText(speech.answer('item_quantity'), 'answer:item_quantity');
    else if (unasked) speech.say('unclear');
    else if (profile.direction === 'inbound' && state.turn === 1) speech.sayText(speech.answer('reason'), 'answer:reason');
    else speech.say('acknowledge');
  }

  // patience: one step per annoying turn
  if (state.annoyance > annoyanceBefore && advancePatience(state, profile, speech)) return speech;
  if (hungUp) state.hungUp = true;
  return speech;
}

/**
 * The caller takes the initiative: a question about the call; their last question again when
 * the adviser passed over it (unless the message brought `news` to react to first; after
 * taking in an answer to another of their questions, `answeredNow`); else the next request.
 */
function initiative(c: TurnContext, speech: Speech, news: boolean, answeredNow: boolean): void {
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
  const ignored = news ? undefined : passedOver(state);
  if (ignored) {
    // another of the caller's questions was just answered: take that in first
    if (speech.empty && answeredNow) speech.say('acknowledge');
    if (reAsk(c, speech, ignored)) return;
  }
  const next = nextAsk(state, profile);
  if (next) sayAsk(c, speech, next);
}

/**
 * A change-order caller's new delivery address (`wants.newDeliveryAddress`) is still to be dealt
 * with: the caller has not given it and the adviser has not said it back.
 */
function addressPending(c: TurnContext): boolean {
  return c.profile.newAddress !== undefined && !c.state.revealed.includes('delivery_address') && !c.state.memory.addressHeard;
}

/** The adviser said every word of the caller's full name ("Is that Priya Shah?", not just "Is that Priya?"). */
function fullNameSaid(h: Heard, profile: TurnContext['profile']): boolean {
  const said = h.text.toLowerCase();
  return (profile.knownValues.full_name ?? []).some((name) => {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length > 0 && words.every((w) => new RegExp(`(?<![\\w-])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(said));
  });
}

/** The message names the caller's items (by name, or by what they are: "the paper", "the chairs"). */
function namesTheirItems(c: TurnContext, h: Heard): boolean {
  return c.profile.facts.item_quantity !== undefined && (h.namesWanted || c.profile.wanted.some((p) => new RegExp(`\\b${p.noun}\\b`).test(h.norm)));
}

/** "And when could they be delivered?" → "when could they be delivered?" (to follow other words). */
function bare(question: string): string {
  return question.replace(/^(?:and|so|but)\s+/i, '');
}

/**
 * Ask a request; one about the alternative, with a back-order also on the table, names it
 * ("What about the Mesh 160s? When could they be delivered?").
 */
function sayAsk(c: TurnContext, speech: Speech, a: AgendaAsk): void {
  const { state, profile } = c;
  markAsked(a, state);
  const alternative = profile.alternatives[0]?.spoken ?? 'the alternative';
  if (forAlternative(a, alternativeNeeds(state, profile)) && state.memory.backOrderOffered) {
    const question = bare(speech.line(askKey(a)) ?? '');
    if (question && speech.say('ask_about_alternative', { alternative, question: lowerFirst(question, profile), Question: capitalise(question) })) {
      speech.note(askKey(a));
      return;
    }
  }
  speech.say(askKey(a));
}

/** Ask a passed-over request again, politely — firmly when irate. */
function reAsk(c: TurnContext, speech: Speech, a: AgendaAsk): boolean {
  const { state, profile } = c;
  const question = bare(speech.line(askKey(a)) ?? '');
  if (!question) return false;
  markAsked(a, state);
  a.reasked = true;
  const key = upset(state) && state.mood === 'irate' ? 'reask_irate' : 'reask';
  if (!speech.say(key, { question: lowerFirst(question, profile), Question: capitalise(question) })) return false;
  speech.note(askKey(a));
  return true;
}
