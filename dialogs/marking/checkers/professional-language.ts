/**
 * `professional_language` — courteous and professional throughout. One lapse
 * (text-speak, an emoji, over-familiar address, a mild blame) → partly; rudeness,
 * sarcasm, blaming the customer, or repeated lapses → missed.
 */
import { languageIssues } from '../cues/language.js';
import { fromMessage } from './evidence.js';
import type { Checker, Evidence } from './types.js';

const SERIOUS = new Set(['blames-customer', 'rude']);

/** The `professional_language` checker (rules in the comment at the top of this file). */
export const checkProfessionalLanguage: Checker = (call) => {
  const found: { index: number; match: string; kind: string }[] = [];
  const evidence: Evidence[] = [];
  for (const m of call.learner) {
    const issues = languageIssues(m.text);
    if (issues.length) evidence.push(fromMessage(m));
    for (const i of issues) found.push({ index: m.index, match: i.match, kind: i.kind });
  }
  const list = found.map((f) => `'${f.match}' (act ${f.index})`).join(', ');
  const serious = found.filter((f) => SERIOUS.has(f.kind));
  if (serious.length) {
    const what = serious[0].kind === 'rude' ? 'Rude or sarcastic' : 'Blames the customer';
    return { mark: 'missed', evidence, note: `${what}: ${list}.` };
  }
  if (found.length >= 2) return { mark: 'missed', evidence, note: `Repeated lapses: ${list}.` };
  if (found.length === 1) return { mark: 'partly', evidence, note: `One lapse: ${list}; otherwise courteous.` };
  return { mark: 'met', evidence: [], note: 'Courteous and professional throughout.' };
};
