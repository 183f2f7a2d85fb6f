/**
 * `opening` — the learner's first reply greets the customer and gives their own name and
 * the company; on an outbound call the purpose also comes early: within the learner's
 * first three messages after the identity check (marking guide, rulings).
 */
import { companyPattern, companyWords, hasGreeting, ownName } from '../cues/introduction.js';
import { identifiersAskedFor, identifiersIn } from '../cues/identity.js';
import { statesProblem } from '../cues/problem.js';
import type { MessageAnalysis } from '../analysis/types.js';
import type { MarkingFacts } from '../facts/marking-facts.js';
import { anyMentions } from '../facts/products.js';
import { fromMessage, q } from './evidence.js';
import type { Checker } from './types.js';

/** "I'm calling because …" with a detail (a date, an amount, items), for calls that are not about a problem. */
const CALLING_ABOUT = /\b(?:i'?m|i am|we'?re) (?:calling|ringing|phoning|getting in touch)\b|\bthe reason (?:for|i'?m) (?:my|the|this) call\b|\breason for (?:my|the) call\b/;

/** The message says why the call is made: the problem itself, or a reason with a concrete detail. */
function statesPurpose(a: MessageAnalysis, facts: MarkingFacts): boolean {
  const p = statesProblem(a, facts);
  if (p.what.length > 0 || p.where.length > 0) return true;
  // "There's a problem with two of the chairs, so they won't come with the others": the problem
  // in general words, with what it touches (the goods, a day), is why the call is made
  if (p.vague && (a.dates.length > 0 || anyMentions(a.norm, facts.items).length > 0)) return true;
  if (facts.problems.length > 0 || !CALLING_ABOUT.test(a.norm)) return false;
  return a.dates.length > 0 || a.money.length > 0 || anyMentions(a.norm, facts.items).length > 0;
}

/** Messages after the identity check within which an outbound call's purpose must come. */
const PURPOSE_WITHIN = 3;

/** The `opening` checker (rules in the comment at the top of this file). */
export const checkOpening: Checker = (call, facts) => {
  const first = call.learner[0];
  if (!first) return { mark: 'missed', evidence: [], note: 'The learner never spoke to the customer.' };
  const greets = hasGreeting(first.text);
  // the caller's own names are not the adviser's ("Good morning, Sandra.")
  const name = ownName(first.text, [...companyWords(facts.companyNames), ...facts.identity.fullName.toLowerCase().split(/\s+/)]);
  const company = companyPattern(facts.companyNames).test(first.text.replace(/[\u2018\u2019]/g, "'"));
  const evidence = [fromMessage(first)];
  const missing = [!name && 'their own name', !company && 'the company'].filter(Boolean).join(' or ');

  if (!greets && !name && !company) {
    return { mark: 'missed', evidence, note: `First reply ${q(first.text)} has no greeting or introduction.` };
  }
  if (!greets || missing) {
    const what = !greets ? `introduces without a greeting${missing ? ` and leaves out ${missing}` : ''}` : `greets but leaves out ${missing}`;
    return { mark: 'partly', evidence, note: `First reply ${q(first.text)} ${what}.` };
  }
  if (facts.direction === 'outbound') {
    const purpose = call.learner.find((m) => statesPurpose(m.analysis, facts));
    if (!purpose) {
      return { mark: 'partly', evidence, note: 'Greets with name and company, but never says plainly why they are calling.' };
    }
    const checks = call.learner.filter(
      (m) => m.index < purpose.index && (identifiersAskedFor(m.text).length > 0 || identifiersIn(m.text, facts.identity).length > 0),
    );
    const after = checks.length ? checks[checks.length - 1].ordinal : 0;
    const gap = purpose.ordinal - after;
    evidence.push(fromMessage(purpose));
    if (gap > PURPOSE_WITHIN) {
      return {
        mark: 'partly',
        evidence,
        note: `Greets with name and company, but the reason for the call comes only in message ${gap} after the identity check.`,
      };
    }
    return { mark: 'met', evidence, note: 'Greets with name and company, and says why they are calling straight after the identity check.' };
  }
  return { mark: 'met', evidence, note: `Greets and gives name (${name}) and company.` };
};
