/**
 * Loading dialogue files (`<dir>/dialogues/*.yaml`) with the scenario loader's guards and
 * `file:line` errors: the schema, then checks against the scenario they name (it must load;
 * expected marks must fit its rubric; the test starts and ends the call itself).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioFileError, type ScenarioIssue } from '../../domain/scenario/errors.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { MAX_FILE_BYTES, readYaml, type DocPath, type YamlSource } from '../../domain/scenario/yaml-source.js';
import { explainZodIssues, type PathIssue } from '../../domain/scenario/zod-issues.js';
import { dialogueFileSchema, stepText, type Dialogue, type DialogueFile } from './dialogueSchema.js';

/** The folder of dialogue files inside a scenarios directory. */
export const DIALOGUES_FOLDER = 'dialogues';

/** A dialogue file that loaded, with a way to name a line in it. */
export interface LoadedDialogueFile {
  file: string;
  scenario: LoadedScenario;
  dialogues: Dialogue[];
  /** An issue at a path of the file (e.g. `['dialogues', 0, 'expect', 'marks', 'opening']`). */
  at(path: DocPath, message: string): ScenarioIssue;
}

/** Every dialogue file of a directory: those that loaded, and an error per bad file. */
export interface DialogueDirResult {
  files: LoadedDialogueFile[];
  errors: ScenarioFileError[];
}

/** The checks beyond the schema, as path issues. */
export function checkDialogueFile(doc: DialogueFile, scenarios: readonly LoadedScenario[]): { scenario?: LoadedScenario; problems: PathIssue[] } {
  const problems: PathIssue[] = [];
  const scenario = scenarios.find((s) => s.scenario.id === doc.scenario);
  if (!scenario) {
    problems.push({ path: ['scenario'], message: `no scenario "${doc.scenario}" is loaded (is its file missing, or in error? run npm run scenarios -- check)` });
  }
  const names = new Map<string, number>();
  doc.dialogues.forEach((d, i) => {
    const first = names.get(d.name.toLowerCase());
    if (first !== undefined) problems.push({ path: ['dialogues', i, 'name'], message: `"${d.name}" is already the name of dialogue ${first + 1}` });
    else names.set(d.name.toLowerCase(), i);
    d.learner.forEach((step, j) => {
      const t = stepText(step).trim();
      const at: DocPath = typeof step === 'string' ? ['dialogues', i, 'learner', j] : ['dialogues', i, 'learner', j, 'say'];
      if (/^\/start\b/i.test(t)) problems.push({ path: at, message: 'leave out /start: the test starts the call itself (with the seed and mode given)' });
      if (/^\/end\b/i.test(t) && j < d.learner.length - 1) problems.push({ path: at, message: '/end ends the call: it can only be the last line' });
      if (typeof step === 'string') return;
      if (step.desk && !t.startsWith('/')) problems.push({ path: ['dialogues', i, 'learner', j, 'desk'], message: 'the desk answers only / commands: check the customer instead' });
      for (const who of ['customer', 'desk'] as const) {
        const pattern = step[who]?.matches;
        if (pattern === undefined) continue;
        try {
          new RegExp(pattern, 'iu');
        } catch (err) {
          problems.push({ path: ['dialogues', i, 'learner', j, who, 'matches'], message: `not a regular expression: ${(err as Error).message}` });
        }
      }
    });
    if (!scenario) return;
    const applied = new Set<string>(scenario.scenario.rubric.criteria);
    for (const [criterion, mark] of Object.entries(d.expect.marks)) {
      const path: DocPath = ['dialogues', i, 'expect', 'marks', criterion];
      if (!applied.has(criterion) && mark !== 'n/a') {
        problems.push({ path, message: `${criterion} is not marked in ${doc.scenario} (not in its rubric): expect n/a or leave it out` });
      } else if (applied.has(criterion) && mark === 'n/a') {
        problems.push({ path, message: `${criterion} is marked in ${doc.scenario} (its rubric lists it): expect met, partly or missed` });
      }
    }
  });
  return { scenario, problems };
}

function read(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ScenarioFileError(file, [{ file, line: 1, column: 1, path: '', message: `cannot read: ${(e as Error).message}` }]);
  }
  if (size > MAX_FILE_BYTES) throw new ScenarioFileError(file, [{ file, line: 1, column: 1, path: '', message: `file is larger than ${MAX_FILE_BYTES / 1024} KB` }]);
  return readFileSync(file, 'utf8');
}

function issues(src: YamlSource, problems: PathIssue[]): ScenarioIssue[] {
  return problems.map((p) => src.issueAt(p.path, p.message)).sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parses and checks one dialogue file's text. Throws {@link ScenarioFileError} listing every problem. */
export function parseDialogueText(text: string, file: string, scenarios: readonly LoadedScenario[]): LoadedDialogueFile {
  const src = readYaml(file, text);
  const parsed = dialogueFileSchema.safeParse(src.value);
  if (!parsed.success) throw new ScenarioFileError(file, issues(src, explainZodIssues(parsed.error.issues, src.value)));
  const { scenario, problems } = checkDialogueFile(parsed.data, scenarios);
  if (problems.length > 0 || !scenario) throw new ScenarioFileError(file, issues(src, problems));
  return { file, scenario, dialogues: parsed.data.dialogues, at: (path, message) => src.issueAt(path, message) };
}

/** Loads one dialogue file. Throws {@link ScenarioFileError}. */
export function loadDialogueFile(file: string, scenarios: readonly LoadedScenario[]): LoadedDialogueFile {
  return parseDialogueText(read(file), file, scenarios);
}

/** Loads every `<dir>/dialogues/*.yaml`; a bad file is reported and the others load. */
export function loadDialogueDir(dir: string, scenarios: readonly LoadedScenario[]): DialogueDirResult {
  const folder = join(dir, DIALOGUES_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return { files: [], errors: [] };
  }
  const result: DialogueDirResult = { files: [], errors: [] };
  for (const name of names) {
    try {
      result.files.push(loadDialogueFile(join(folder, name), scenarios));
    } catch (e) {
      if (e instanceof ScenarioFileError) result.errors.push(e);
      else throw e;
    }
  }
  return result;
}
