/**
 * Checking what the adviser reads back: the caller's own details are corrected with the
 * right value; a figure or day the adviser said before and now says differently is queried
 * with the earlier one (never with the right one); a collection day the caller picked is
 * held to. Says whether a plain "yes, that's right" is due.
 */
import { compareDates } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import type { Heard } from './heard.js';
import { TOTAL_ROLES, type Observations } from './memory.js';
import { spokenDate, type Speech } from './speech.js';
import { annoy } from './temper.js';
import { provoked, type TurnContext } from './turn-context.js';
import { checkValues, orderQuantities } from './values.js';

/** What checking a read-back found. */
export interface ReadBackResult {
  /** something was corrected or queried */
  corrected: boolean;
  /** nothing was wrong and the adviser wants a yes */
  confirm: boolean;
}

/** Correct details the adviser read back; says whether a plain yes is due. */
export function readBack(c: TurnContext, h: Heard, obs: Observations, speech: Speech): ReadBackResult {
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
    if (provoked(profile, 'wrong-facts')) annoy(state);
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
  const statesDetails = h.moves.has('recap') && (check.right.length > 0 || orderQuantities(h, profile).length > 0 || h.dates.length > 0);
  const confirm = !corrected && confirming && (h.question || statesDetails) && h.factRequests.length === 0 && !speech.keys.includes('speaking');
  return { corrected, confirm };
}
