/**
 * The caller's decisions, as the scenario's `wants.choices` describe them: the out-of-stock
 * choice (take the alternative only once its price and date are clear, otherwise
 * back-order), the route out of an order over the credit limit (in order of preference,
 * each with an attitude), and the option for a part-damaged order. A decision is voiced
 * once; until the conditions hold, the caller asks for what is missing.
 */
import type { CreditRoute, LineKey, ProblemOption } from '../../domain/scenario/vocabulary.js';
import { markAsked } from './agenda.js';
import type { Heard } from './heard.js';
import type { SpeechKey } from './phrases.js';
import type { CallerProfile } from './profile.js';
import type { Speech } from './speech.js';
import type { AgendaAsk, CustomerState } from './state.js';

/** What deciding this turn did. */
export interface DecisionOutcome {
  /** something was said */
  spoke: boolean;
  /** the caller asked the adviser something (no room for another request) */
  asked: boolean;
}

const NONE: DecisionOutcome = { spoke: false, asked: false };

/** The adviser asks the caller to choose or to agree to go ahead. */
function invited(h: Heard): boolean {
  return h.moves.has('ask_choice') || h.moves.has('propose_order');
}

/**
 * Voice the decision: the scenario's line for this very choice (`choose_split`, …) when it
 * writes one; else, for the caller's first preference with only that option on the table, the
 * scenario's general `choose` (or `accept`) line; else the default wording for the choice,
 * which names it ("I'll pay by card, then").
 */
function voice(speech: Speech, preferred: boolean, choiceKey: LineKey, generalKey: 'choose' | 'accept' = 'choose', several = false): void {
  if (speech.say(choiceKey, {}, { scenarioOnly: true })) return;
  // turning everything down is not "I'll go with that"
  const general = preferred && choiceKey !== 'decline';
  // with several options on the table, "okay, go ahead" does not say which: a general line must name it
  const only = several ? NAMES_CHOICE[choiceKey] : undefined;
  if (general && (!several || only) && speech.say(generalKey, {}, { scenarioOnly: true, ...(only ? { only } : {}) })) return;
  if (general && (!several || only) && generalKey === 'choose' && speech.say('accept', {}, { scenarioOnly: true, ...(only ? { only } : {}) })) return;
  speech.say(choiceKey);
}

/** Words by which a general "I'll take that" line names the option chosen. */
const NAMES_CHOICE: Partial<Record<LineKey, RegExp>> = {
  choose_card: /\bcard\b/i,
  choose_credit_control: /\bcredit control\b|\brefer/i,
  choose_reduced_order: /\bfits?\b|\bfewer\b|\bsmaller\b|\breduc/i,
  choose_split: /\bsplit\b|\bnow\b.*\b(?:rest|other)\b|\btomorrow\b.*\bnext\b/i,
  choose_hold: /\bhold\b|\btogether\b|\ball at once\b/i,
  choose_cancel_part: /\bcancel\b/i,
  choose_back_order: /\bback[- ]?order\b|\bwait\b/i,
};

function askFirst(state: CustomerState, speech: Speech, ask: AgendaAsk['ask'], maxAsked = 1): boolean {
  const a = state.agenda.find((x) => x.ask === ask);
  if (!a || a.satisfied || a.asked >= maxAsked) return false;
  markAsked(a, state);
  return speech.say(`ask_${ask.replace(/-/g, '_')}` as SpeechKey);
}

/** The out-of-stock decision. */
function outOfStock(state: CustomerState, profile: CallerProfile, h: Heard, speech: Speech): DecisionOutcome {
  const rule = profile.scenario.wants.choices.outOfStock;
  const m = state.memory;
  if (!rule || state.decisions.outOfStock) return NONE;
  if (!m.alternativeOffered && !m.backOrderOffered) return NONE;
  const met = (c: 'price-stated' | 'date-stated' | 'difference-stated'): boolean =>
    c === 'price-stated' ? m.alternativePrice : c === 'date-stated' ? m.alternativeDate : m.differenceStated;
  const takeOffered = rule.take === 'alternative' ? m.alternativeOffered : rule.take === 'back-order' ? m.backOrderOffered : true;
  const conditionsMet = rule.when.every(met);
  const settle = (): void => {
    // once decided, how much more the alternative is no longer matters
    for (const a of state.agenda) if (a.ask === 'alternative-price-difference') a.satisfied = true;
  };
  if (takeOffered && conditionsMet) {
    settle();
    state.decisions.outOfStock = rule.take;
    voice(speech, true, rule.take === 'alternative' ? 'choose_alternative' : rule.take === 'back-order' ? 'choose_back_order' : 'decline');
    return { spoke: true, asked: false };
  }
  const closing = h.moves.has('ask_anything_else') || h.moves.has('goodbye');
  if (!invited(h) && !closing) return NONE;
  // asked to choose (or to finish) before it is clear: ask for what is missing first
  if (takeOffered) {
    const max = closing ? 2 : 1;
    if (!met('price-stated') && (askFirst(state, speech, 'alternative-price-difference', max) || askFirst(state, speech, 'price', max))) return { spoke: true, asked: true };
    if (!met('difference-stated') && rule.when.includes('difference-stated') && askFirst(state, speech, 'alternative-price-difference', max)) return { spoke: true, asked: true };
    // knowing the price, only the day is missing and it matters to a deadline: asked to go ahead with "when would
    // they come?" passed over, the caller asks once more rather than settle for the back-order
    const dayPassedOver = met('price-stated') && state.agenda.some((a) => a.ask === 'delivery-date' && a.asked === 1 && a.askedTurn === m.questionTurn) && profile.expected?.kind === 'deadline';
    if (!met('date-stated') && askFirst(state, speech, 'delivery-date', dayPassedOver ? 2 : max)) return { spoke: true, asked: true };
  } else if (rule.take === 'alternative' && profile.alternatives.length > 0 && !m.askedAlternative) {
    m.askedAlternative = true;
    speech.say('ask_alternative');
    return { spoke: true, asked: true };
  }
  const otherwise = rule.otherwise ?? (rule.take === 'alternative' ? 'back-order' : 'cancel');
  settle();
  state.decisions.outOfStock = otherwise;
  speech.say(otherwise === 'back-order' ? 'prefer_back_order' : otherwise === 'alternative' ? 'choose_alternative' : 'decline');
  return { spoke: true, asked: otherwise === 'back-order' };
}

const ROUTE_LINE: Record<CreditRoute, LineKey> = {
  card: 'choose_card',
  'credit-control': 'choose_credit_control',
  'reduced-order': 'choose_reduced_order',
};

/** The over-credit decision (after pushing back once). */
function overCredit(state: CustomerState, profile: CallerProfile, h: Heard, speech: Speech, firstCreditProblem: boolean): DecisionOutcome {
  const prefs = profile.scenario.wants.choices.overCredit;
  const m = state.memory;
  const d = state.decisions;
  if (!m.creditProblem && m.promisedOnAccount && profile.scenario.wants.payment === 'account' && !d.credit) {
    // the adviser agreed to put it on account (the marker judges whether they should have)
    d.credit = 'on-account';
    // "Shall I put that through on your account?" is answered yes; "I'll put it on your account" welcomed
    speech.say(invited(h) || h.question ? 'go_ahead' : 'pleased');
    return { spoke: true, asked: false };
  }
  if (!m.creditProblem || d.credit) return NONE;
  if (!d.pushedBack) {
    d.pushedBack = true;
    if (!speech.say('push_back', {}, { scenarioOnly: true })) speech.say('credit_reaction');
    return { spoke: true, asked: true };
  }
  if (firstCreditProblem) return NONE;
  // told no after pushing back, and no way round it offered: what can be done, then?
  if (m.creditRoutes.length === 0 && !m.askedOptions && !invited(h)) {
    m.askedOptions = true;
    speech.say('problem_reaction');
    return { spoke: true, asked: true };
  }
  if (!prefs || m.creditRoutes.length === 0) return NONE;
  for (let i = 0; i < prefs.length; i++) {
    const p = prefs[i];
    if (!m.creditRoutes.includes(p.route)) continue;
    const several = m.creditRoutes.length > 1;
    if (p.attitude === 'accepts') {
      d.credit = p.route;
      voice(speech, i === 0, ROUTE_LINE[p.route], 'accept', several);
      return { spoke: true, asked: false };
    }
    if (p.attitude === 'accepts-if-explained') {
      if (m.creditControlExplained || p.route !== 'credit-control') {
        d.credit = p.route;
        voice(speech, i === 0, ROUTE_LINE[p.route], 'accept', several);
        return { spoke: true, asked: false };
      }
      if (!m.askedReferral) {
        m.askedReferral = true;
        speech.say('ask_how_referral_works');
        return { spoke: true, asked: true };
      }
      continue;
    }
    // reluctant: only when nothing preferred is on the table
    const better = prefs.slice(0, i).some((q) => m.creditRoutes.includes(q.route));
    if (!better && (invited(h) || m.creditRoutes.length === 1)) {
      d.credit = p.route;
      speech.say(ROUTE_LINE[p.route]);
      return { spoke: true, asked: false };
    }
  }
  return NONE;
}

const SUGGEST: Record<ProblemOption, LineKey> = { split: 'suggest_split', hold: 'suggest_hold', 'cancel-part': 'suggest_cancel_part' };
const CHOOSE: Record<ProblemOption, LineKey> = { split: 'choose_split', hold: 'choose_hold', 'cancel-part': 'choose_cancel_part' };

/** The part-damaged order decision. */
function problemOption(state: CustomerState, profile: CallerProfile, h: Heard, speech: Speech): DecisionOutcome {
  const want = profile.scenario.wants.choices.problemOption;
  const m = state.memory;
  if (!want || state.decisions.problem) return NONE;
  // "Which would you prefer?" with no option heard yet: the caller says what it would like
  if (m.problemOptions.length === 0) {
    if (!m.problemNews || !h.moves.has('ask_choice')) return NONE;
    speech.say(SUGGEST[want]);
    return { spoke: true, asked: true };
  }
  const cancelAsk = state.agenda.find((a) => a.ask === 'cancel-part-price');
  const pendingCancelAsk = cancelAsk && !cancelAsk.satisfied && m.problemOptions.includes('cancel-part') && cancelAsk.asked < 2;
  // one way forward stated ("the other two would follow on Friday") is not yet a choice: options, or an invitation, first
  if (m.problemOptions.length < 2 && !invited(h) && !h.moves.has('ask_confirm')) return NONE;
  if (m.problemOptions.includes(want)) {
    if (pendingCancelAsk && want !== 'cancel-part') {
      if (cancelAsk.asked === 0 || invited(h)) {
        markAsked(cancelAsk, state);
        speech.say('ask_cancel_part_price');
        return { spoke: true, asked: true };
      }
      return NONE;
    }
    state.decisions.problem = want;
    voice(speech, true, CHOOSE[want], 'choose', m.problemOptions.length > 1);
    return { spoke: true, asked: false };
  }
  if (invited(h)) {
    speech.say(SUGGEST[want]);
    return { spoke: true, asked: true };
  }
  return NONE;
}

/**
 * Asked to choose again ("Which would you prefer?") after deciding: the caller says their
 * choice again rather than not understanding the question.
 */
function restate(state: CustomerState, profile: CallerProfile, h: Heard, speech: Speech): DecisionOutcome {
  if (!h.moves.has('ask_choice')) return NONE;
  const d = state.decisions;
  const choices = profile.scenario.wants.choices;
  let key: LineKey | undefined;
  if (d.problem) key = CHOOSE[d.problem];
  else if (d.outOfStock && choices.outOfStock) key = d.outOfStock === 'alternative' ? 'choose_alternative' : d.outOfStock === 'back-order' ? 'choose_back_order' : 'decline';
  else if (d.credit && d.credit !== 'on-account') key = ROUTE_LINE[d.credit];
  if (!key) return NONE;
  const first = (d.problem && d.problem === choices.problemOption) || (d.outOfStock && d.outOfStock === choices.outOfStock?.take) || (d.credit && d.credit === choices.overCredit?.[0]?.route);
  const m = state.memory;
  const several = d.problem ? m.problemOptions.length > 1 : d.outOfStock ? m.alternativeOffered && m.backOrderOffered : m.creditRoutes.length > 1;
  voice(speech, !!first, key, 'choose', several);
  return { spoke: true, asked: false };
}

/** Make or advance the caller's decisions for this message. */
export function decide(state: CustomerState, profile: CallerProfile, h: Heard, speech: Speech, firstCreditProblem: boolean): DecisionOutcome {
  for (const step of [
    () => overCredit(state, profile, h, speech, firstCreditProblem),
    () => outOfStock(state, profile, h, speech),
    () => problemOption(state, profile, h, speech),
    () => restate(state, profile, h, speech),
  ]) {
    const r = step();
    if (r.spoke) return r;
  }
  return NONE;
}
