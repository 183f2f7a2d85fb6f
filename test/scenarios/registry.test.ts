/**
 * The scenario registry behind live reload: updates add, change and withdraw scenarios; a file
 * that no longer loads keeps its previous version; versions a call started with stay available.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ScenarioFileError } from '../../domain/scenario/errors.js';
import { loadScenarioDir, parseScenarioText, type ScenarioDirResult } from '../../domain/scenario/load.js';
import { ScenarioRegistry, VERSIONS_KEPT, scenarioVersion } from '../../domain/scenario/registry.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';

const dir = loadScenarioDir('scenarios');
const text = readFileSync('scenarios/place-ergo-chairs.yaml', 'utf8');
const ergo = (edit: (t: string) => string = (t) => t): LoadedScenario =>
  parseScenarioText(edit(text), 'scenarios/place-ergo-chairs.yaml', dir.organisations);
const withStock = (n: number) => ergo((t) => t.replace('CH-ERG-200: { onHand: 42 }', `CH-ERG-200: { onHand: ${n} }`));
const result = (scenarios: LoadedScenario[], errors: ScenarioFileError[] = []): ScenarioDirResult => ({ scenarios, errors, organisations: dir.organisations });
const ids = (r: ScenarioRegistry): string[] => r.list().map((s) => s.scenario.id);

describe('ScenarioRegistry', () => {
  it('offers the loaded scenarios by id in any case', () => {
    const r = new ScenarioRegistry(dir.scenarios);
    expect(ids(r)).toEqual(dir.scenarios.map((s) => s.scenario.id));
    expect(r.get(' Place-Ergo-Chairs ')?.scenario.id).toBe('place-ergo-chairs');
    expect(r.get('no-such-scenario')).toBeUndefined();
  });

  it('versions by content: comments and layout do not count, a changed fact does', () => {
    const plain = ergo();
    expect(scenarioVersion(ergo((t) => `# a tutor's note\n${t}`))).toBe(scenarioVersion(plain));
    expect(scenarioVersion(withStock(3))).not.toBe(scenarioVersion(plain));
    expect(scenarioVersion(plain)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('adds, changes and withdraws; the version a call started with stays available', () => {
    const v1 = ergo();
    const other = dir.scenarios.find((s) => s.scenario.id === 'cancel-home-desk') as LoadedScenario;
    const r = new ScenarioRegistry([v1]);
    const started = r.versionOf(v1);

    const v2 = withStock(3);
    expect(r.update(result([v2, other]))).toEqual({ added: ['cancel-home-desk'], changed: ['place-ergo-chairs'], removed: [], kept: [] });
    expect(r.get('place-ergo-chairs')).toBe(v2);
    expect(r.get('place-ergo-chairs', started)).toBe(v1);
    expect(r.get('place-ergo-chairs', 'not-a-version')).toBe(v2); // e.g. after a restart

    expect(r.update(result([v2]))).toEqual({ added: [], changed: [], removed: ['cancel-home-desk'], kept: [] });
    expect(ids(r)).toEqual(['place-ergo-chairs']);
    expect(r.get('cancel-home-desk', r.versionOf(other))).toBe(other); // a call on it can finish
    expect(r.get('cancel-home-desk')).toBeUndefined(); // no new calls
  });

  it('keeps the previous version of a file that no longer loads, and reloads an unchanged file as the same object', () => {
    const v1 = ergo();
    const r = new ScenarioRegistry([v1]);
    const broken = new ScenarioFileError(v1.file, [{ file: v1.file, line: 3, column: 1, path: 'title', message: 'must not be empty' }]);
    expect(r.update(result([], [broken]))).toEqual({ added: [], changed: [], removed: [], kept: [{ id: 'place-ergo-chairs', file: v1.file }] });
    expect(r.get('place-ergo-chairs')).toBe(v1);
    expect(r.update(result([ergo()]))).toEqual({ added: [], changed: [], removed: [], kept: [] });
    expect(r.get('place-ergo-chairs')).toBe(v1);
  });

  it(`keeps the last ${VERSIONS_KEPT} versions of a scenario`, () => {
    const versions = Array.from({ length: VERSIONS_KEPT + 2 }, (_, i) => withStock(i + 1));
    const r = new ScenarioRegistry([versions[0]]);
    for (const v of versions.slice(1)) r.update(result([v]));
    const latest = versions[versions.length - 1];
    expect(r.get('place-ergo-chairs', r.versionOf(versions[0]))).toBe(latest); // dropped: the current one
    expect(r.get('place-ergo-chairs', r.versionOf(versions[2]))).toBe(versions[2]);
  });
});
