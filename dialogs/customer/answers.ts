/**
 * Answering the adviser's questions: every hidden fact asked for, in order (a repeated
 * question costs patience, a polite "could you repeat that?" does not; a forthcoming
 * caller adds a natural companion fact), and questions about goods being sent back.
 */
import type { FactId } from '../../domain/scenario/vocabulary.js';
import type { Heard } from './heard.js';
import type { Speech } from './speech.js';
import { annoy } from './temper.js';
import { lowerFirst, provoked, type TurnContext } from './turn-context.js';

/** Facts a forthcoming caller adds when giving another ("natural companions"). */
const COMPANIONS: Partial<Record<FactId, FactId>> = {
  full_name: 'organisation',
  account_number: 'organisation',
  organisation: 'full_name',
  reason: 'item_quantity',
  item_quantity: 'needed_by',
};

const VOLUNTEER_CHANCE = { low: 0, medium: 0.2, high: 0.5 } as const;

/**
 * "Which would you like?" with options on the table (an alternative, a back-order, routes
 * out of a credit problem, ways round a damaged order) asks about the options, not the items.
 */
function choosingAmongOptions(c: TurnContext, h: Heard): boolean {
  const m = c.state.memory;
  const choices = c.profile.scenario.wants.choices;
  const options =
    (choices.problemOption !== undefined && m.problemOptions.length > 0) ||
    (choices.outOfStock !== undefined && (m.alternativeOffered || m.backOrderOffered)) ||
    (choices.overCredit !== undefined && m.creditRoutes.length > 0);
  return options && h.moves.has('ask_choice') && !/\bhow many\b|\bwhat (?:items?|products?)\b|\bwhen (?:do|would) you need\b/.test(h.norm);
}

/** Answer every fact asked for, in order; a repeated question costs patience. */
export function answerFacts(c: TurnContext, h: Heard, speech: Speech): void {
  const { state, profile, random } = c;
  const answered: FactId[] = [];
  const choosing = choosingAmongOptions(c, h);
  // "What would you like to do?" with options on the table asks for a choice, not why they called
  const asked = choosing ? h.factRequests.filter((f) => f !== 'item_quantity' && f !== 'needed_by' && f !== 'reason') : h.factRequests;
  // asked again what the call is about, the caller goes into detail
  const requests = asked.map((f) =>
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
      annoy(state, provoked(profile, 'repeated-questions') ? 2 : 1);
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

/** Questions about goods being sent back, answered from `wants.return`. */
export function returnQuestions(c: TurnContext, h: Heard, speech: Speech): boolean {
  const r = c.profile.scenario.wants.return;
  if (!r || !h.question) return false;
  const t = h.questions.join(' ');
  const said: string[] = [];
  if (/\bfault|\bdamage|\bbroken|\bwrong with\b|\bdefect/.test(t)) said.push(r.faulty ? "Yes, it's faulty." : "No, there's nothing wrong with it.");
  // "the phone number you used for the order" is not about using the goods
  if (/\b(?:used(?! (?:for|to|on|when)\b)|assembled|put (?:it |them )?together|built|set (?:it )?up)\b/.test(t)) said.push(r.unused ? "No, I haven't used it or put it together." : "I have used it, yes.");
  if (/\b(?:box|boxes|packaging|packed|packing|wrapping)\b/.test(t)) said.push(r.originalPackaging ? "It's still in its original box." : "I'm afraid the box has gone.");
  for (const s of said) speech.sayText(s, 'answer:return');
  return said.length > 0;
}
