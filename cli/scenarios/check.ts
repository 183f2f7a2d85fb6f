/**
 * `npm run scenarios -- check [dir] [--json]`: validates every organisation, scenario and
 * dialogue file (errors as file:line) and prints each scenario's truths.
 */
import { describeTruths } from '../../domain/scenario/describe.js';
import { formatIssue } from '../../domain/scenario/errors.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { computeTruths } from '../../domain/scenario/truths.js';
import { loadDialogueDir } from './dialogueFiles.js';

export interface CheckIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Checks `dir`; resolves with the exit status (0 all valid, 1 any file in error or none found). */
export function runCheck(dir: string, json: boolean, io: CheckIo): number {
  const result = loadScenarioDir(dir);
  const dialogues = loadDialogueDir(dir, result.scenarios);
  const computed = result.scenarios.map((s) => ({ loaded: s, truths: computeTruths(s) }));
  const errors = [...result.errors, ...dialogues.errors];

  if (json) {
    const doc = {
      dir,
      scenarios: computed.map(({ loaded, truths }) => ({ file: loaded.file, id: loaded.scenario.id, title: loaded.scenario.title, truths })),
      dialogues: dialogues.files.map((f) => ({ file: f.file, scenario: f.scenario.scenario.id, dialogues: f.dialogues.map((d) => d.name) })),
      errors: errors.map((e) => ({ file: e.file, issues: e.issues })),
    };
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const { loaded, truths } of computed) io.out(`${describeTruths(loaded, truths).join('\n')}\n\n`);
    for (const e of errors) for (const i of e.issues) io.err(`${formatIssue(i)}\n`);
    const nDialogues = dialogues.files.reduce((n, f) => n + f.dialogues.length, 0);
    const nIssues = errors.reduce((n, e) => n + e.issues.length, 0);
    io.out(
      `${plural(computed.length, 'scenario')} OK (${plural(result.organisations.size, 'organisation')}; ${plural(nDialogues, 'dialogue')} in ${plural(dialogues.files.length, 'dialogue file')})` +
        (errors.length ? `; ${plural(errors.length, 'file')} with ${plural(nIssues, 'error')}` : '') +
        '\n',
    );
  }
  if (computed.length === 0 && errors.length === 0) {
    io.err(`no scenario files found in ${dir}\n`);
    return 1;
  }
  return errors.length > 0 ? 1 : 0;
}
