/**
 * `check_credit` — the learner looks the account up on the desk (`/account`) before
 * committing the order or change to the account. An attempted `/place` counts as
 * committing even when the desk refuses it (ruling), and so does telling the customer it
 * is going on the account.
 */
import { COMMIT_COMMANDS } from '../call/commands.js';
import { PROMISE_TO_COMMIT, reportsDone } from '../cues/commitment.js';
import { normalise } from '../text/normalise.js';
import { fromDesk, fromMessage } from './evidence.js';
import type { Checker, Evidence } from './types.js';

/** The `check_credit` checker (rules in the comment at the top of this file). */
export const checkCheckCredit: Checker = (call) => {
  const lookup = call.desk.find((d) => d.name === 'account');
  let commit: { index: number; evidence: Evidence; what: string } | undefined;
  for (const ev of call.events) {
    if (ev.kind === 'desk' && COMMIT_COMMANDS.includes(ev.name)) {
      commit = { index: ev.index, evidence: fromDesk(ev), what: `running ${ev.text.split(/\s+/)[0]}` };
      break;
    }
    if (ev.kind === 'learner' && (PROMISE_TO_COMMIT.test(ev.analysis.norm) || ev.analysis.sentences.some((s) => reportsDone(normalise(s.text))))) {
      commit = { index: ev.index, evidence: fromMessage(ev), what: 'telling the customer it is going through' };
      break;
    }
  }
  if (!lookup) {
    return {
      mark: 'missed',
      evidence: commit ? [commit.evidence] : [],
      note: `Never looks the account up (/account)${commit ? `; commits by ${commit.what} (act ${commit.index})` : ''}.`,
    };
  }
  if (commit && commit.index < lookup.index) {
    return {
      mark: 'partly',
      evidence: [commit.evidence, fromDesk(lookup)],
      note: `Looks the account up (act ${lookup.index}) only after ${commit.what} (act ${commit.index}).`,
    };
  }
  return { mark: 'met', evidence: [fromDesk(lookup)], note: `Looks the account up (act ${lookup.index}) before committing anything.` };
};
