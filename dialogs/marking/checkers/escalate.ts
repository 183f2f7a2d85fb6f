/**
 * `escalate` — refers the problem to the right team, on the desk (`/refer`) or by telling
 * the customer; for a late delivery also offers the goodwill credit note (the organisation's
 * amount) as subject to the approval of the team it is escalated to. Wrong team, a vague hand-off, a missing credit-note offer or a
 * credit note promised without approval → partly; nothing → missed.
 */
import { CREDIT_NOTE, REFER_VERB, SUBJECT_TO_APPROVAL, VAGUE_HANDOFF } from '../cues/escalation.js';
import { isNegatedAt } from '../text/cues.js';
import { normalise } from '../text/normalise.js';
import { formatPounds } from '../../../domain/money.js';
import { fromDesk, quoteOf } from './evidence.js';
import type { Checker, Evidence } from './types.js';

/** A team the organisation may not have by that name ("the delivery team"): not the right one, when the right one is not named. */
const ANOTHER_TEAM = /\b(?:the|our) [a-z]+ (?:team|department|dept)\b/;

/** The `escalate` checker (rules in the comment at the top of this file). */
export const checkEscalate: Checker = (call, facts) => {
  const want = facts.escalation;
  if (!want) return { mark: 'met', evidence: [], note: 'No escalation is expected in this scenario.' };
  const evidence: Evidence[] = [];
  const deskRight = call.desk.find((d) => d.name === 'refer' && d.args.toLowerCase().startsWith(want.team));
  const deskWrong = call.desk.find((d) => d.name === 'refer' && !d.args.toLowerCase().startsWith(want.team));
  if (deskRight) evidence.push(fromDesk(deskRight));
  let toldRight: Evidence | undefined;
  let toldWrong: Evidence | undefined;
  let vague: Evidence | undefined;
  let creditOffered: Evidence | undefined;
  let creditPromised: Evidence | undefined;
  const right = facts.teams.find((t) => t.id === want.team);
  for (const m of call.learner) {
    for (const s of m.analysis.sentences) {
      const n = normalise(s.text);
      const verb = REFER_VERB.exec(n);
      if (right && right.pattern.test(n) && (verb || right.fullName.test(n)) && !(verb && isNegatedAt(n, verb.index, 3))) {
        toldRight ??= quoteOf(m.index, s.text);
      } else if (verb && (facts.teams.some((t) => t.id !== want.team && t.pattern.test(n)) || ANOTHER_TEAM.test(n))) {
        toldWrong ??= quoteOf(m.index, s.text);
      } else if (VAGUE_HANDOFF.test(n) && !isNegatedAt(n, VAGUE_HANDOFF.exec(n)!.index, 3)) {
        vague ??= quoteOf(m.index, s.text);
      }
      const cn = CREDIT_NOTE.exec(n);
      if (cn && !isNegatedAt(n, cn.index, 4)) {
        // approval may be said in the same sentence or the next one of the message
        const next = m.analysis.sentences[m.analysis.sentences.indexOf(s) + 1];
        const approval = SUBJECT_TO_APPROVAL.test(n) || (next !== undefined && SUBJECT_TO_APPROVAL.test(normalise(next.text)));
        if (approval) creditOffered ??= quoteOf(m.index, s.text);
        else creditPromised ??= quoteOf(m.index, s.text);
      }
    }
  }
  if (toldRight) evidence.push(toldRight);
  const escalated = deskRight !== undefined || toldRight !== undefined;
  const name = want.teamName;
  if (escalated) {
    if (want.goodwill) {
      const amount = formatPounds(want.goodwill.amount);
      if (creditOffered || (creditPromised && !want.goodwill.needsApproval)) {
        evidence.push((creditOffered ?? creditPromised)!);
        return { mark: 'met', evidence, note: `Escalated to the ${name} and offered the ${amount} goodwill credit note subject to approval.` };
      }
      if (creditPromised) {
        evidence.push(creditPromised);
        return { mark: 'partly', evidence, note: `Escalated to the ${name}, but promised the ${amount} credit note without the ${name}'s approval.` };
      }
      return { mark: 'partly', evidence, note: `Escalated to the ${name}, but the ${amount} goodwill credit note is never offered.` };
    }
    return { mark: 'met', evidence, note: `Referred to ${name}${deskRight ? ' on the desk' : ''}${toldRight ? ' and told the customer' : ''}.` };
  }
  if (deskWrong || toldWrong) {
    return { mark: 'partly', evidence: [deskWrong ? fromDesk(deskWrong) : toldWrong!], note: `Escalated to the wrong team; this needs ${name}.` };
  }
  if (vague) return { mark: 'partly', evidence: [vague], note: `Vague hand-off with no team named; this needs ${name}.` };
  return { mark: 'missed', evidence: [], note: `Not escalated; this needs ${name}.` };
};
