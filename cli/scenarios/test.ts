/**
 * `npm run scenarios -- test [id]`: plays every dialogue of the scenario files (or of one
 * scenario) through the real bot and reports each difference from the tutor's expectations
 * as `file:line: …` — a regression test a tutor can run after editing a scenario, like
 * Botium's convo files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { formatIssue, type ScenarioIssue } from '../../domain/scenario/errors.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { compareDialogue, type Difference } from './compare.js';
import { DIALOGUES_FOLDER, loadDialogueDir } from './dialogueFiles.js';
import { DialoguePlayer, type PlayedDialogue, type Reply } from './playDialogue.js';

export interface ScenarioTestOptions {
  dir: string;
  /** only this scenario's dialogues */
  only?: string;
  json: boolean;
  /** print every played conversation (otherwise only those with differences) */
  verbose: boolean;
}

export interface ScenarioTestIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The result of one dialogue. */
export interface DialogueResult {
  file: string;
  scenario: string;
  dialogue: string;
  score?: number;
  passed?: boolean;
  differences: ScenarioIssue[];
}

const LABEL: Record<Reply['speaker'], string> = { customer: 'Customer', desk: 'Desk', coach: 'Coach' };

/** The conversation as text, indented (the scorecard message shortened to its first line). */
export function conversationText(played: PlayedDialogue): string {
  const line = (who: string, text: string): string => `      ${who}: ${text.split('\n').join('\n        ')}`;
  const reply = (r: Reply): string => line(LABEL[r.speaker], r.speaker === 'coach' && /^Scorecard ·/.test(r.text) ? r.text.split('\n').slice(0, 2).join(' · ') : r.text);
  const out = played.opening.filter((r) => r.speaker !== 'coach').map(reply);
  for (const step of played.steps) out.push(line('Learner', step.text), ...step.replies.map(reply));
  if (played.closing) out.push(line('Learner', '/end (sent by the test)'), ...played.closing.map(reply));
  return out.join('\n');
}

/** Runs the tests; resolves with the exit status (0 all as expected, 1 differences or bad files, 2 unknown scenario). */
export async function runScenarioTests(options: ScenarioTestOptions, io: ScenarioTestIo): Promise<number> {
  const loaded = loadScenarioDir(options.dir);
  const problems: ScenarioIssue[] = loaded.errors.flatMap((e) => e.issues);
  if (options.only && !loaded.scenarios.some((s) => s.scenario.id === options.only)) {
    const ids = loaded.scenarios.map((s) => `  ${s.scenario.id}`).join('\n') || '  (none)';
    io.err(`There is no scenario "${options.only}" in ${options.dir}. Scenarios:\n${ids}\n`);
    for (const i of problems) io.err(`${formatIssue(i)}\n`);
    return 2;
  }
  const dialogues = loadDialogueDir(options.dir, loaded.scenarios);
  problems.push(...dialogues.errors.flatMap((e) => e.issues));
  const files = dialogues.files.filter((f) => !options.only || f.scenario.scenario.id === options.only);
  if (!options.json) for (const i of problems) io.err(`${formatIssue(i)}\n`);

  const results: DialogueResult[] = [];
  const temp = await mkdtemp(join(tmpdir(), 'oct-scenario-test-'));
  const calls = await LowdbCallStore.open(temp);
  try {
    const player = new DialoguePlayer(loaded.scenarios, calls);
    for (const file of files) {
      const id = file.scenario.scenario.id;
      if (!options.json) io.out(`${id} (${file.file})\n`);
      for (let i = 0; i < file.dialogues.length; i++) {
        const d = file.dialogues[i];
        const played = await player.play(id, d);
        const differences: Difference[] = compareDialogue(file, i, played);
        const result: DialogueResult = {
          file: file.file,
          scenario: id,
          dialogue: d.name,
          ...(played.scorecard ? { score: played.scorecard.score, passed: played.scorecard.passed } : {}),
          differences: differences.map((x) => x.issue),
        };
        results.push(result);
        if (options.json) continue;
        const outcome = played.scorecard ? `score ${played.scorecard.score}, ${played.scorecard.passed ? 'passed' : 'not passed'}` : 'not marked';
        const n = differences.length;
        io.out(`  ${n === 0 ? '✓' : '✗'} ${d.name} — ${outcome}${n ? ` — ${n} difference${n === 1 ? '' : 's'}` : ''}\n`);
        for (const x of differences) io.out(`      ${formatIssue(x.issue)}\n`);
        if (options.verbose || n > 0) io.out(`${conversationText(played)}\n`);
      }
    }
  } finally {
    await calls.close();
    await rm(temp, { recursive: true, force: true });
  }

  const failed = results.filter((r) => r.differences.length > 0);
  const untested = loaded.scenarios
    .map((s) => s.scenario.id)
    .filter((id) => (!options.only || id === options.only) && !files.some((f) => f.scenario.scenario.id === id));
  if (options.json) {
    io.out(`${JSON.stringify({ dir: options.dir, results, untested, errors: problems }, null, 2)}\n`);
  } else {
    if (untested.length > 0) io.out(`No dialogues for: ${untested.join(', ')} (write them in ${join(options.dir, DIALOGUES_FOLDER)}/<scenario-id>.yaml)\n`);
    const nDiff = failed.reduce((n, r) => n + r.differences.length, 0);
    io.out(
      `${results.length} dialogue${results.length === 1 ? '' : 's'}: ${results.length - failed.length} as expected` +
        (failed.length ? `, ${failed.length} with ${nDiff} difference${nDiff === 1 ? '' : 's'}` : '') +
        (problems.length ? `; ${problems.length} problem${problems.length === 1 ? '' : 's'} in the files (above)` : '') +
        '\n',
    );
  }
  if (results.length === 0 && problems.length === 0) {
    io.err(`No dialogues to play in ${join(options.dir, DIALOGUES_FOLDER)}${options.only ? ` for ${options.only}` : ''}.\n`);
    return 1;
  }
  return failed.length > 0 || problems.length > 0 ? 1 : 0;
}
