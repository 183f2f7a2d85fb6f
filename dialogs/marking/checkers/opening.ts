/**
 * `opening` — the learner's first reply greets the customer and gives their own name and
 * the company; on an outbound call the purpose also comes early: within the learner's
 * first three messages after the identity check (marking guide, rulings).
 */
import { companyPattern, companyWords, hasGreeting, ownName } from '../cues/introduction.js';
import { identifiersAskedFor, identifiersIn } from '../cues/identity.js';
import { statesProblem } from '../cues/problem.js';
import { fromMessage, q } from './evidence.js';
import type { Checker } from './types.js';

/** Messages after the identity check within which an outbound call's purpose must come. */
const PURPOSE_WITHIN = 3;

export const checkOpening: Checker = (call, facts) => {
  const first = call.learner[0];
  if (!first) return { mark: 'missed', evidence: [], note: 'The learner never spoke to the customer.' };
  const greets = hasGreeting(first.text);
  const name = ownName(first.text, companyWords(facts.companyNames));
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
    const purpose = call.learner.find((m) => statesProblem(m.analysis, facts).what.length > 0);
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
