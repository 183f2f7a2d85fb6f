/**
 * `npm run scenarios -- new <id> --from <id>`: a copy of a scenario file as the starting point
 * of a new one — the new id, a title to fill in, every comment and layout kept — checked
 * before it is written, never over an existing file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { formatIssue, ScenarioFileError } from '../../domain/scenario/errors.js';
import { slug } from '../../domain/scenario/fields.js';
import { loadScenarioDir, parseScenarioText } from '../../domain/scenario/load.js';
import { DIALOGUES_FOLDER } from './dialogueFiles.js';

/** The title a copy starts with. */
export const TITLE_PLACEHOLDER = 'TODO: a title for the learner (what the call is about)';

/** A problem that stops the copy; the message says what to do. */
export class NewScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NewScenarioError';
  }
}

/** Replaces the value of top-level `key` in YAML `text` with `value` (a plain scalar or quoted), keeping everything else byte for byte. */
function replaceTopLevel(text: string, key: string, value: string): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (!isMap(doc.contents)) throw new NewScenarioError('the source file is not a mapping of keys');
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  const node = pair?.value as Node | null | undefined;
  if (!node || !isScalar(node) || !node.range) throw new NewScenarioError(`the source file has no top-level "${key}:" to change`);
  const [start, end] = node.range;
  // a block scalar's range takes in the line break after it: keep that
  const trailing = /\s*$/.exec(text.slice(start, end))?.[0] ?? '';
  return `${text.slice(0, start)}${value}${trailing}${text.slice(end)}`;
}

/** The text of the copy: new id, placeholder title, a first comment saying where it came from. */
export function copyScenarioText(source: string, sourceFile: string, newId: string): string {
  const withId = replaceTopLevel(source, 'id', newId);
  const withTitle = replaceTopLevel(withId, 'title', JSON.stringify(TITLE_PLACEHOLDER));
  return `# New scenario ${newId}, copied from ${basename(sourceFile)}: change the title and the facts below, then\n#   npm run scenarios -- check\n${withTitle}`;
}

/** What was created. */
export interface NewScenarioResult {
  file: string;
  from: string;
}

/**
 * Creates `<dir>/<newId>.yaml` from the scenario `fromId`.
 * @throws NewScenarioError when the id is not a slug, the source is unknown, the file or id exists
 */
export function newScenario(dir: string, newId: string, fromId: string): NewScenarioResult {
  const idCheck = slug.safeParse(newId);
  if (!idCheck.success) throw new NewScenarioError(`"${newId}" cannot be a scenario id: ${idCheck.error.issues[0].message}.`);
  const loaded = loadScenarioDir(dir);
  const source = loaded.scenarios.find((s) => s.scenario.id === fromId);
  if (!source) {
    const broken = loaded.errors.map((e) => e.file).filter((f) => basename(f).replace(/\.ya?ml$/i, '') === fromId);
    const ids = loaded.scenarios.map((s) => `  ${s.scenario.id}`).join('\n') || '  (none)';
    throw new NewScenarioError(
      broken.length
        ? `${broken[0]} has errors, so it cannot be copied yet (npm run scenarios -- check shows them).`
        : `There is no scenario "${fromId}" in ${dir}. Scenarios:\n${ids}`,
    );
  }
  if (loaded.scenarios.some((s) => s.scenario.id === newId)) {
    throw new NewScenarioError(`The id "${newId}" is already used by ${loaded.scenarios.find((s) => s.scenario.id === newId)?.file}.`);
  }
  const target = join(dir, `${newId}.yaml`);
  const text = copyScenarioText(readFileSync(source.file, 'utf8'), source.file, newId);
  try {
    parseScenarioText(text, target, loaded.organisations);
  } catch (err) {
    if (err instanceof ScenarioFileError) throw new NewScenarioError(`The copy would not load, so it was not written:\n${err.issues.map(formatIssue).join('\n')}`);
    throw err;
  }
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new NewScenarioError(`${target} already exists: choose another id, or edit that file.`);
    throw err;
  }
  return { file: target, from: source.file };
}

/** What to do next, for the terminal. */
export function nextSteps(result: NewScenarioResult, dir: string, newId: string): string {
  return [
    `Created ${result.file} from ${result.from}.`,
    'Next:',
    `  1. edit it: the title, then the facts (customer, account, orders, stock, wants, lines)`,
    `  2. npm run scenarios -- check              (errors as file:line; prints the truths)`,
    `  3. write example calls in ${join(dir, DIALOGUES_FOLDER, `${newId}.yaml`)}`,
    `  4. npm run scenarios -- test ${newId}`,
    'See docs/writing-scenarios.md.',
    '',
  ].join('\n');
}
