/**
 * What a played dialogue did differently from the tutor's expectations: each mark that
 * differs, the score and the result, each reply check that failed, a call that ended before
 * its last line. Every difference names the line of the dialogue file it concerns.
 */
import type { ScenarioIssue } from '../../domain/scenario/errors.js';
import type { LoadedDialogueFile } from './dialogueFiles.js';
import type { ReplyCheck } from './dialogueSchema.js';
import type { PlayedDialogue, Reply } from './playDialogue.js';

/** One difference, at a line of the dialogue file. */
export interface Difference {
  kind: 'mark' | 'score' | 'passed' | 'reply' | 'ended' | 'unmarked';
  issue: ScenarioIssue;
}

/** Lower case, straight apostrophes and quotes, single spaces: how replies and checks are compared. */
export function normaliseReply(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function shorten(text: string, max = 120): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * Problems with one reply against a check (empty when it passes). `who` names the speaker in
 * the messages; `hungUp` says whether the call ended at this step.
 */
export function checkReply(check: ReplyCheck, who: string, text: string, hungUp: boolean): string[] {
  const problems: string[] = [];
  const said = normaliseReply(text);
  const quoted = text ? `: "${shorten(text)}"` : '';
  if (check.mentions || check.avoids || check.matches) {
    if (!text) problems.push(`${who} said nothing`);
    else {
      const missing = (check.mentions ?? []).filter((w) => !said.includes(normaliseReply(w)));
      if (missing.length > 0) problems.push(`${who}'s reply does not mention ${missing.map((w) => `"${w}"`).join(', ')}${quoted}`);
      const present = (check.avoids ?? []).filter((w) => said.includes(normaliseReply(w)));
      if (present.length > 0) problems.push(`${who}'s reply mentions ${present.map((w) => `"${w}"`).join(', ')}${quoted}`);
      if (check.matches !== undefined && !new RegExp(check.matches, 'iu').test(normaliseReply(text))) {
        problems.push(`${who}'s reply does not match /${check.matches}/${quoted}`);
      }
    }
  }
  if (check.hangsUp !== undefined && check.hangsUp !== hungUp) {
    problems.push(check.hangsUp ? `${who} did not hang up here` : `${who} hung up here`);
  }
  return problems;
}

const joined = (replies: readonly Reply[], speaker: Reply['speaker']): string =>
  replies
    .filter((r) => r.speaker === speaker)
    .map((r) => r.text)
    .join('\n');

/** Every difference between dialogue `index` of `file` and how it played. */
export function compareDialogue(file: LoadedDialogueFile, index: number, played: PlayedDialogue): Difference[] {
  const dialogue = file.dialogues[index];
  const base = ['dialogues', index] as const;
  const out: Difference[] = [];
  const add = (kind: Difference['kind'], path: readonly PropertyKey[], message: string): void => {
    out.push({ kind, issue: file.at([...base, ...path], `${dialogue.name}: ${message}`) });
  };

  played.steps.forEach((step, j) => {
    const written = dialogue.learner[j];
    if (typeof written !== 'string') {
      const hungUp = step.ended && !/^\/end\b/i.test(step.text.trim());
      for (const who of ['customer', 'desk'] as const) {
        const check = written[who];
        if (!check) continue;
        for (const p of checkReply(check, `the ${who}`, joined(step.replies, who), hungUp)) add('reply', ['learner', j, who], `line ${j + 1}: ${p}`);
      }
    }
    const left = dialogue.learner.length - j - 1;
    if (step.ended && left > 0) {
      add('ended', ['learner', j], `line ${j + 1}: the call ended here (the customer hung up), so ${left} later line${left === 1 ? ' was' : 's were'} not played`);
    }
  });

  const card = played.scorecard;
  if (!card) {
    add('unmarked', ['expect'], 'the call was not marked (see the server log for the marker’s error)');
    return out;
  }
  for (const [criterion, expected] of Object.entries(dialogue.expect.marks)) {
    const got = card.criteria[criterion];
    const mark = got?.mark ?? 'n/a';
    if (mark === expected) continue;
    const note = got?.note ? ` — the marker's note: ${shorten(got.note, 200)}` : '';
    add('mark', ['expect', 'marks', criterion], `${criterion}: expected ${expected}, marked ${mark}${note}`);
  }
  if (dialogue.expect.score !== undefined && card.score !== dialogue.expect.score) {
    add('score', ['expect', 'score'], `score: expected ${dialogue.expect.score}, scored ${card.score}`);
  }
  if (dialogue.expect.passed !== undefined && card.passed !== dialogue.expect.passed) {
    add('passed', ['expect', 'passed'], `expected the call to ${dialogue.expect.passed ? 'pass' : 'fail'}; it ${card.passed ? 'passed' : 'did not pass'} (score ${card.score})`);
  }
  return out;
}
