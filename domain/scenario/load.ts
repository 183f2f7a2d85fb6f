/**
 * Loading tutor files: organisation files under `<dir>/organisations/`, scenario files in
 * `<dir>/`. Every problem of a file is reported at once as `file:line: message`; a bad file
 * is skipped while the others load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkOrganisation, checkRawProductCodes, checkScenario } from './checks.js';
import { ScenarioFileError, type ScenarioIssue } from './errors.js';
import { organisationSchema, type Organisation } from './organisation.js';
import { scenarioSchema, type LoadedScenario, type Scenario } from './schema.js';
import { formatPath, MAX_FILE_BYTES, readYaml, type YamlSource } from './yaml-source.js';
import { explainZodIssues, type PathIssue } from './zod-issues.js';

/** What loading a directory gives: the good scenarios and an error per bad file. */
export interface ScenarioDirResult {
  scenarios: LoadedScenario[];
  organisations: Map<string, Organisation>;
  errors: ScenarioFileError[];
}

const YAML_FILE = /\.ya?ml$/i;

function readText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ScenarioFileError(file, [{ file, line: 1, column: 1, path: '', message: `cannot read: ${(e as Error).message}` }]);
  }
  if (size > MAX_FILE_BYTES) {
    throw new ScenarioFileError(file, [{ file, line: 1, column: 1, path: '', message: `file is larger than ${MAX_FILE_BYTES / 1024} KB` }]);
  }
  return readFileSync(file, 'utf8');
}

function toIssues(src: YamlSource, issues: PathIssue[]): ScenarioIssue[] {
  return issues.map((i) => src.issueAt(i.path, i.message)).sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Parse and check an organisation from YAML text. Throws {@link ScenarioFileError}. */
export function parseOrganisationText(text: string, file: string): Organisation {
  const src = readYaml(file, text);
  const parsed = organisationSchema.safeParse(src.value);
  if (!parsed.success) throw new ScenarioFileError(file, toIssues(src, explainZodIssues(parsed.error.issues, src.value)));
  const problems = checkOrganisation(parsed.data);
  if (problems.length > 0) throw new ScenarioFileError(file, toIssues(src, problems));
  return parsed.data;
}

/** Load one organisation file. Throws {@link ScenarioFileError}. */
export function loadOrganisationFile(file: string): Organisation {
  return parseOrganisationText(readText(file), file);
}

/**
 * Parse and check a scenario from YAML text against the known organisations.
 * Schema errors and semantic errors are reported together. Throws {@link ScenarioFileError}.
 */
export function parseScenarioText(text: string, file: string, organisations: ReadonlyMap<string, Organisation>): LoadedScenario {
  const src = readYaml(file, text);
  const parsed = scenarioSchema.safeParse(src.value);
  if (!parsed.success) {
    const issues = explainZodIssues(parsed.error.issues, src.value);
    // an unknown organisation is worth saying even when the rest does not parse
    const orgId = (src.value as { organisation?: unknown } | null)?.organisation;
    const org = typeof orgId === 'string' ? organisations.get(orgId) : undefined;
    if (typeof orgId === 'string' && !org && !issues.some((i) => i.path[0] === 'organisation')) {
      issues.push({ path: ['organisation'], message: `unknown organisation "${orgId}"` });
    }
    // unknown product codes are worth saying alongside the schema errors
    if (org) issues.push(...checkRawProductCodes(src.value, org).filter((c) => !issues.some((i) => formatPath(i.path) === formatPath(c.path))));
    throw new ScenarioFileError(file, toIssues(src, issues));
  }
  const scenario: Scenario = parsed.data;
  const organisation = organisations.get(scenario.organisation);
  const problems = checkScenario(scenario, organisation, [...organisations.keys()]);
  if (problems.length > 0 || !organisation) throw new ScenarioFileError(file, toIssues(src, problems));
  return { file, scenario, organisation };
}

/** Load one scenario file. Throws {@link ScenarioFileError}. */
export function loadScenarioFile(file: string, organisations: ReadonlyMap<string, Organisation>): LoadedScenario {
  return parseScenarioText(readText(file), file, organisations);
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && YAML_FILE.test(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Load every organisation (`<dir>/organisations/*.yaml`) and scenario (`<dir>/*.yaml`).
 * Never throws for a bad file: its problems are in `errors` and the rest load. A scenario
 * id used by two files is an error on the later file.
 */
export function loadScenarioDir(dir: string): ScenarioDirResult {
  const errors: ScenarioFileError[] = [];
  const organisations = new Map<string, Organisation>();
  const orgFiles = new Map<string, string>();
  for (const file of yamlFiles(join(dir, 'organisations'))) {
    try {
      const text = readText(file);
      const org = parseOrganisationText(text, file);
      const first = orgFiles.get(org.id);
      if (first) {
        const src = readYaml(file, text);
        throw new ScenarioFileError(file, [src.issueAt(['id'], `organisation id ${org.id} is already used by ${first}`)]);
      }
      organisations.set(org.id, org);
      orgFiles.set(org.id, file);
    } catch (e) {
      if (e instanceof ScenarioFileError) errors.push(e);
      else throw e;
    }
  }
  const scenarios: LoadedScenario[] = [];
  const ids = new Map<string, string>();
  for (const file of yamlFiles(dir)) {
    try {
      const text = readText(file);
      const loaded = parseScenarioText(text, file, organisations);
      const first = ids.get(loaded.scenario.id);
      if (first) {
        const src = readYaml(file, text);
        throw new ScenarioFileError(file, [src.issueAt(['id'], `scenario id ${loaded.scenario.id} is already used by ${first}`)]);
      }
      ids.set(loaded.scenario.id, file);
      scenarios.push(loaded);
    } catch (e) {
      if (e instanceof ScenarioFileError) errors.push(e);
      else throw e;
    }
  }
  return { scenarios, organisations, errors };
}
