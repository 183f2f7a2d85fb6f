/**
 * The tutor's scenario tools: `test` plays dialogues through the real bot (the shipped
 * reference dialogues all play as their tutors expect; a dialogue that differs is reported
 * with file:line and its conversation), `new` copies a scenario keeping its comments, and the
 * command line wires them (exit statuses, usage).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { NewScenarioError, TITLE_PLACEHOLDER, copyScenarioText, newScenario } from '../../cli/scenarios/new.js';
import { runScenarioTests, type DialogueResult } from '../../cli/scenarios/test.js';
import { makeTempDir } from '../bot/storage/tempDir.js';

const run = promisify(execFile);
const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'cli/scenarios.ts', ...args]).then(
  (r) => ({ code: 0, ...r }),
  (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
);

async function testRun(options: { dir: string; only?: string; json?: boolean; verbose?: boolean }) {
  let out = '';
  let err = '';
  const code = await runScenarioTests({ json: false, verbose: false, ...options }, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

let tmp: { dir: string; remove(): Promise<void> };
beforeEach(async () => {
  tmp = await makeTempDir('oct-scenarios-');
  cpSync('scenarios/organisations', join(tmp.dir, 'organisations'), { recursive: true });
  cpSync('scenarios/place-ergo-chairs.yaml', join(tmp.dir, 'place-ergo-chairs.yaml'));
  mkdirSync(join(tmp.dir, 'dialogues'));
});
afterEach(async () => tmp.remove());

describe('scenarios test', () => {
  it('plays every shipped reference dialogue as its tutor expects', async () => {
    const r = await testRun({ dir: 'scenarios', json: true });
    const doc = JSON.parse(r.out) as { results: DialogueResult[]; untested: string[]; errors: unknown[] };
    const differences = doc.results.flatMap((x) => x.differences.map((d) => `${d.file}:${d.line}: ${d.message}`));
    expect(differences).toEqual([]);
    expect({ code: r.code, untested: doc.untested, errors: doc.errors, n: doc.results.length >= 14 }).toEqual({ code: 0, untested: [], errors: [], n: true });
  }, 120_000);

  it('reports a mark, a score and a customer reply that differ, as file:line with the conversation; exit 1', async () => {
    const file = join(tmp.dir, 'dialogues', 'place-ergo-chairs.yaml');
    writeFileSync(
      file,
      [
        /* 1 */ 'scenario: place-ergo-chairs',
        /* 2 */ 'dialogues:',
        /* 3 */ '  - name: greeting only',
        /* 4 */ '    learner:',
        /* 5 */ '      - say: Good morning, Harbour & Pike Office Supplies, Sam speaking.',
        /* 6 */ '        customer: { mentions: [filing cabinets] }',
        /* 7 */ '    expect:',
        /* 8 */ '      marks: { opening: met, verify_identity: met }',
        /* 9 */ '      passed: false',
      ].join('\n'),
    );
    const r = await testRun({ dir: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.out).toContain(`place-ergo-chairs (${file})\n  ✗ greeting only — score `);
    expect(r.out).toContain(`${file}:6: dialogues[0].learner[0].customer: greeting only: line 1: the customer's reply does not mention "filing cabinets": "`);
    expect(r.out).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8: dialogues\\[0\\]\\.expect\\.marks\\.verify_identity: greeting only: verify_identity: expected met, marked missed`));
    expect(r.out).toContain('      Learner: Good morning, Harbour & Pike Office Supplies, Sam speaking.\n      Customer: ');
    expect(r.out).toContain('      Learner: /end (sent by the test)');
    expect(r.out).toMatch(/1 dialogue: 0 as expected, 1 with 2 differences\n$/);
  }, 60_000);

  it('reports bad files and unknown scenarios, and says when there is nothing to play', async () => {
    writeFileSync(join(tmp.dir, 'dialogues', 'bad.yaml'), 'scenario: place-ergo-chairs\ndialogues: []\n');
    const r = await testRun({ dir: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(tmp.dir, 'dialogues', 'bad.yaml')}:2: dialogues: needs at least 1 item`);
    expect(r.out).toContain('No dialogues for: place-ergo-chairs');
    const unknown = await testRun({ dir: tmp.dir, only: 'no-such-scenario' });
    expect({ code: unknown.code, err: unknown.err }).toEqual({ code: 2, err: expect.stringContaining('There is no scenario "no-such-scenario"') });
  });
});

describe('scenarios new', () => {
  it('copies a scenario with the new id and a title to fill in, every other byte kept, and it loads', () => {
    const result = newScenario(tmp.dir, 'place-ergo-chairs-twelve', 'place-ergo-chairs');
    expect(result.file).toBe(join(tmp.dir, 'place-ergo-chairs-twelve.yaml'));
    const source = readFileSync('scenarios/place-ergo-chairs.yaml', 'utf8');
    const copy = readFileSync(result.file, 'utf8');
    const sourceLines = source.split('\n');
    const copyLines = copy.split('\n').slice(2); // the two header comment lines
    expect(copyLines.length).toBe(sourceLines.length);
    const changed = copyLines.map((l, i) => [l, sourceLines[i]]).filter(([a, b]) => a !== b);
    expect(changed).toEqual([
      ['id: place-ergo-chairs-twelve', 'id: place-ergo-chairs'],
      [`title: "${TITLE_PLACEHOLDER}"`, 'title: New order — six task chairs for a dental practice'],
    ]);
    expect(copy).toContain('# Reference scenario 1'); // the source's comments are kept
    const loaded = loadScenarioDir(tmp.dir);
    expect(loaded.errors).toEqual([]);
    expect(loaded.scenarios.map((s) => s.scenario.id).sort()).toEqual(['place-ergo-chairs', 'place-ergo-chairs-twelve']);
  });

  it('refuses a bad id, an unknown source, an id in use and an existing file', () => {
    const attempt = (id: string, from: string): string => {
      try {
        newScenario(tmp.dir, id, from);
        return 'created';
      } catch (e) {
        expect(e).toBeInstanceOf(NewScenarioError);
        return (e as Error).message;
      }
    };
    expect(attempt('Place Chairs', 'place-ergo-chairs')).toBe('"Place Chairs" cannot be a scenario id: use lower-case words joined by hyphens, e.g. place-ergo-chairs.');
    expect(attempt('x', 'no-such')).toMatch(/^There is no scenario "no-such" in .*\. Scenarios:\n {2}place-ergo-chairs$/);
    expect(attempt('place-ergo-chairs', 'place-ergo-chairs')).toMatch(/^The id "place-ergo-chairs" is already used by .*place-ergo-chairs\.yaml\.$/);
    writeFileSync(join(tmp.dir, 'taken.yaml'), '# a file still being written\n');
    expect(attempt('taken', 'place-ergo-chairs')).toMatch(/taken\.yaml already exists: choose another id, or edit that file\.$/);
    expect(readFileSync(join(tmp.dir, 'taken.yaml'), 'utf8')).toBe('# a file still being written\n');
    expect(existsSync(join(tmp.dir, 'x.yaml'))).toBe(false);
  });

  it('keeps quoting and flow style: only the two values change', () => {
    const text = 'version: 1\nid: "old-id"   # the id\ntitle: >-\n  A folded\n  title\nkind: { direction: inbound, purpose: place }\n';
    expect(copyScenarioText(text, 'x/old.yaml', 'new-id').split('\n').slice(2).join('\n')).toBe(
      `version: 1\nid: new-id   # the id\ntitle: "${TITLE_PLACEHOLDER}"\nkind: { direction: inbound, purpose: place }\n`,
    );
  });
});

describe('npm run scenarios (command line)', () => {
  it('new, then check shows the copy and checks the dialogue files; usage errors exit 2', async () => {
    const created = await cli(['new', 'my-chairs', '--from', 'place-ergo-chairs', '--dir', tmp.dir]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created ${join(tmp.dir, 'my-chairs.yaml')} from ${join(tmp.dir, 'place-ergo-chairs.yaml')}.`);
    expect(created.stdout).toContain('npm run scenarios -- test my-chairs');
    expect((await cli(['new', 'my-chairs', '--from', 'place-ergo-chairs', '--dir', tmp.dir])).code).toBe(1);

    writeFileSync(join(tmp.dir, 'dialogues', 'my-chairs.yaml'), 'scenario: my-chairs\ndialogues:\n  - name: x\n    learner: [Hello]\n    expect: { marks: { escalate: met } }\n');
    const checked = await cli(['check', tmp.dir]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(`${join(tmp.dir, 'dialogues', 'my-chairs.yaml')}:5: dialogues[0].expect.marks.escalate: escalate is not marked in my-chairs`);
    expect(checked.stdout).toMatch(/2 scenarios OK \(1 organisation; 0 dialogues in 0 dialogue files\); 1 file with 1 error\n$/);

    for (const args of [['new', 'x'], ['check', '--from', 'y'], ['test', '--nope']]) {
      const r = await cli(args);
      expect({ args, code: r.code, usage: r.stderr.includes('Usage:') }).toEqual({ args, code: 2, usage: true });
    }
    const help = await cli(['--help']);
    expect({ code: help.code, start: help.stdout.split('\n')[0] }).toEqual({ code: 0, start: 'Usage:' });
  }, 60_000);
});
