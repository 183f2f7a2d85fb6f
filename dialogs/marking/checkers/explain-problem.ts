/**
 * `explain_problem` — tells the customer plainly what the problem is and where things
 * stand, with the facts the desk shows, without speculation or blame. Vague words or part
 * of the facts → partly; nothing about what went wrong (only a new date) → missed; blame or
 * speculation inside an otherwise clear explanation → partly (rulings).
 */
import { statesProblem } from '../cues/problem.js';
import { fromMessage } from './evidence.js';
import type { Checker, Evidence } from './types.js';

/** The `explain_problem` checker (rules in the comment at the top of this file). */
export const checkExplainProblem: Checker = (call, facts) => {
  if (facts.problems.length === 0) return { mark: 'met', evidence: [], note: 'No problem to explain in this scenario.' };
  const what = new Set<string>();
  const where = new Set<string>();
  let vague: Evidence | undefined;
  let blame: Evidence | undefined;
  const evidence: Evidence[] = [];
  for (const m of call.learner) {
    const p = statesProblem(m.analysis, facts);
    if (p.what.length || p.where.length) {
      if (evidence.length < 3) evidence.push(fromMessage(m));
      p.what.forEach((f) => what.add(f.label));
      p.where.forEach((f) => where.add(f.label));
    } else if (p.vague && !vague) {
      vague = fromMessage(m);
    }
    if (p.blame && (p.what.length || p.where.length || p.vague)) blame ??= fromMessage(m);
  }
  const missingWhat = facts.problems.filter((f) => f.part === 'what' && !what.has(f.label)).map((f) => f.label);
  const missingWhere = facts.problems.filter((f) => f.part === 'where' && !where.has(f.label)).map((f) => f.label);
  // a problem with nothing to say of where things stand is explained by what went wrong
  const needsWhere = facts.problems.some((f) => f.part === 'where');
  if (what.size > 0 && (where.size > 0 || !needsWhere)) {
    if (blame) return { mark: 'partly', evidence: [...evidence, blame], note: `Explains ${[...what, ...where].join('; ')}, but with blame or speculation.` };
    return { mark: 'met', evidence, note: `Explains ${[...what, ...where].join('; ')}.` };
  }
  if (what.size > 0) {
    return { mark: 'partly', evidence, note: `Says ${[...what].join('; ')}, but not where things stand (${missingWhere.join('; ')}).` };
  }
  if (where.size > 0) {
    return { mark: 'partly', evidence, note: `Says ${[...where].join('; ')}, but not what went wrong (${missingWhat.join('; ')}).` };
  }
  if (vague) return { mark: 'partly', evidence: [vague], note: `Vague: ${vague.quote} — never says ${missingWhat.join('; ')}.` };
  return { mark: 'missed', evidence: [], note: `Never explains what went wrong (${missingWhat.join('; ')}).` };
};
