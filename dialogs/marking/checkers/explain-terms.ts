/**
 * `explain_terms` — explains the terms the scenario lists as needed for met, accurately.
 * met = every required term accurate; partly = at least one accurate, or one stated
 * inaccurately; missed = none (marking guide and rulings). A requirement with several
 * ids ("changes free until dispatch, or the returns policy") is met by any one of them.
 */
import { termLabel, TERM_RULES, type TermSentence } from '../cues/terms.js';
import { normalise } from '../text/normalise.js';
import { quoteOf } from './evidence.js';
import type { Checker, Evidence } from './types.js';

/** The `explain_terms` checker (rules in the comment at the top of this file). */
export const checkExplainTerms: Checker = (call, facts) => {
  if (facts.terms.length === 0) return { mark: 'met', evidence: [], note: 'No terms need explaining in this scenario.' };
  const verdict = new Map<string, { accurate?: Evidence; inaccurate?: Evidence; wrong?: Evidence }>();
  for (const m of call.learner) {
    for (const s of m.analysis.sentences) {
      const inS = (start: number): boolean => start >= s.start && start < s.start + s.text.length;
      const ts: TermSentence = {
        n: normalise(s.text),
        money: m.analysis.money.filter((x) => inS(x.start)).map((x) => x.pence),
        dates: m.analysis.dates.filter((x) => inS(x.start)).map((x) => x.date),
      };
      for (const need of facts.terms) {
        for (const id of need.ids) {
          const rule = TERM_RULES[id];
          const v = rule?.(ts, facts.termValues);
          if (!v) continue;
          const cur = verdict.get(id) ?? {};
          cur[v] ??= quoteOf(m.index, s.text);
          verdict.set(id, cur);
        }
      }
    }
  }
  const evidence: Evidence[] = [];
  const ok: string[] = [];
  const wrong: string[] = [];
  const misstated: string[] = [];
  const none: string[] = [];
  for (const need of facts.terms) {
    const label = need.ids.map((i) => termLabel(i, facts.termValues)).join(' or ');
    const accId = need.ids.find((i) => verdict.get(i)?.accurate);
    const acc = accId ? verdict.get(accId)?.accurate : undefined;
    const inacc = need.ids.map((i) => verdict.get(i)?.inaccurate).find(Boolean);
    if (acc) {
      ok.push(termLabel(accId!, facts.termValues));
      evidence.push(acc);
    } else if (inacc) {
      wrong.push(label);
      evidence.push(inacc);
    } else {
      const bad = need.ids.map((i) => verdict.get(i)?.wrong).find(Boolean);
      if (bad) {
        misstated.push(label);
        evidence.push(bad);
      } else none.push(label);
    }
  }
  const parts = [ok.length && `explains ${ok.join('; ')}`, wrong.length && `states ${wrong.join('; ')} inaccurately`, misstated.length && `gets ${misstated.join('; ')} wrong`, none.length && `nothing on ${none.join('; ')}`]
    .filter(Boolean)
    .join('; ');
  const note = `${parts.charAt(0).toUpperCase()}${parts.slice(1)}.`;
  if (ok.length === facts.terms.length) return { mark: 'met', evidence, note };
  if (ok.length > 0 || wrong.length > 0) return { mark: 'partly', evidence, note };
  return { mark: 'missed', evidence, note };
};
