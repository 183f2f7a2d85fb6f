/**
 * The loader: every error of a bad file at once, with the right line numbers; bad files
 * skipped while the others load; hostile files refused.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatIssue, ScenarioFileError } from '../../domain/scenario/errors.js';
import { loadOrganisationFile, loadScenarioDir, parseScenarioText } from '../../domain/scenario/load.js';
import type { Organisation } from '../../domain/scenario/organisation.js';

let dir: string;
let orgs: Map<string, Organisation>;
const good = readFileSync('scenarios/place-ergo-chairs.yaml', 'utf8');
/** 1-based line of the first line of `good` starting with `prefix`. */
const lineOf = (prefix: string): number => good.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;

/** A scenario with four mistakes on known lines (numbered in the comments). */
const BAD = [
  /* 1 */ 'version: 1',
  /* 2 */ 'id: bad-one',
  /* 3 */ 'title: A scenario with mistakes',
  /* 4 */ 'organisation: harbour-and-pike',
  /* 5 */ 'kind: { direction: inbound, purpose: place }',
  /* 6 */ 'clock: { date: 2026-02-30, time: "10:15" }',
  /* 7 */ 'customer:',
  /* 8 */ '  name: Sam Test',
  /* 9 */ '  type: business',
  /* 10 */ '  favourite_colour: blue',
  /* 11 */ '  identity: { accountNumber: AC-1, postcode: LS1 1AA, phone: "0113", email: s@t.example, address: 1 Road }',
  /* 12 */ '  persona: { temperament: calm, patience: lots, volunteering: low }',
  /* 13 */ 'account:',
  /* 14 */ '  number: AC-1',
  /* 15 */ '  name: Test Ltd',
  /* 16 */ '  contacts: [{ name: Sam Test }]',
  /* 17 */ '  billingAddress: 1 Road',
  /* 18 */ '  postcode: LS1 1AA',
  /* 19 */ '  phone: "0113"',
  /* 20 */ '  email: s@t.example',
  /* 21 */ '  creditLimit: 100',
  /* 22 */ '  balance: 0',
  /* 23 */ 'wants:',
  /* 24 */ '  summary: chairs',
  /* 25 */ '  reason: chairs',
  /* 26 */ '  items:',
  /* 27 */ '    - { code: CH-NOPE-1, qty: 2 }',
  /* 28 */ 'lines:',
  /* 29 */ '  opening: ["Hello."]',
  /* 30 */ 'rubric:',
  /* 31 */ '  criteria: [opening, be_nice]',
].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
  mkdirSync(join(dir, 'organisations'));
  copyFileSync('scenarios/organisations/harbour-and-pike.yaml', join(dir, 'organisations', 'harbour-and-pike.yaml'));
  writeFileSync(join(dir, 'a-good.yaml'), good);
  writeFileSync(join(dir, 'b-bad.yaml'), BAD);
  orgs = new Map([['harbour-and-pike', loadOrganisationFile(join(dir, 'organisations', 'harbour-and-pike.yaml'))]]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function issuesOf(text: string, file = 'test.yaml'): { line: number; path: string; message: string }[] {
  try {
    parseScenarioText(text, file, orgs);
  } catch (e) {
    if (e instanceof ScenarioFileError) return e.issues.map(({ line, path, message }) => ({ line, path, message }));
    throw e;
  }
  return [];
}

describe('schema errors', () => {
  it('reports every error of a file at once, each on its line', () => {
    const issues = issuesOf(BAD);
    expect(issues).toEqual([
      { line: 6, path: 'clock.date', message: 'not a real calendar date' },
      { line: 10, path: 'customer.favourite_colour', message: 'unknown key "favourite_colour"' },
      { line: 12, path: 'customer.persona.patience', message: 'expected number, found "lots"' },
      { line: 27, path: 'wants.items[0].code', message: 'product code CH-NOPE-1 is not in the catalogue of harbour-and-pike' },
      { line: 31, path: 'rubric.criteria[1]', message: expect.stringMatching(/^unknown value "be_nice"; expected one of: opening, verify_identity/) },
    ]);
  });
  it('reports semantic errors with their lines when the schema passes too', () => {
    const fixed = BAD.replace('2026-02-30', '2026-03-02').replace('  favourite_colour: blue', '  role: Buyer').replace('patience: lots', 'patience: 3').replace(', be_nice]', ']');
    expect(issuesOf(fixed)).toEqual([{ line: 27, path: 'wants.items[0].code', message: 'product code CH-NOPE-1 is not in the catalogue of harbour-and-pike' }]);
  });
  it('suggests the spelling of a misspelt key', () => {
    const issues = issuesOf(good.replace('temperament: busy-polite', 'temperamnet: busy-polite'));
    expect(issues).toContainEqual({ line: lineOf('    temperament'), path: 'customer.persona.temperamnet', message: 'unknown key "temperamnet" (did you mean "temperament"?)' });
  });
  it('names an unknown organisation', () => {
    const issues = issuesOf(good.replace('organisation: harbour-and-pike', 'organisation: acme'));
    expect(issues).toEqual([{ line: lineOf('organisation:'), path: 'organisation', message: 'unknown organisation "acme"; known: harbour-and-pike' }]);
  });
  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf('id: x\ntitle: [unclosed\nkind: 3\n');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].line).toBeGreaterThanOrEqual(2);
  });
  it('formats issues as file:line: path: message', () => {
    const e = (() => {
      try {
        parseScenarioText(BAD, 'scenarios/b-bad.yaml', orgs);
      } catch (err) {
        return err as ScenarioFileError;
      }
      throw new Error('expected an error');
    })();
    expect(formatIssue(e.issues[0])).toBe('scenarios/b-bad.yaml:6: clock.date: not a real calendar date');
  });
});

describe('a directory', () => {
  it('skips the bad file and loads the others', () => {
    const r = loadScenarioDir(dir);
    expect(r.scenarios.map((s) => s.scenario.id)).toEqual(['place-ergo-chairs']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].file).toBe(join(dir, 'b-bad.yaml'));
    expect(r.errors[0].issues.map((i) => i.line)).toEqual([6, 10, 12, 27, 31]);
  });
  it('refuses a second file with the same scenario id', () => {
    const d = mkdtempSync(join(tmpdir(), 'scenarios-dup-'));
    mkdirSync(join(d, 'organisations'));
    copyFileSync('scenarios/organisations/harbour-and-pike.yaml', join(d, 'organisations', 'hp.yaml'));
    writeFileSync(join(d, 'one.yaml'), good);
    writeFileSync(join(d, 'two.yaml'), good);
    const r = loadScenarioDir(d);
    rmSync(d, { recursive: true, force: true });
    expect(r.scenarios).toHaveLength(1);
    expect(r.errors[0].issues[0]).toMatchObject({ line: lineOf('id:'), path: 'id', message: expect.stringContaining('already used by') });
  });
});

describe('hostile files', () => {
  it('refuses an alias bomb', () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    let prev = 'a';
    for (const n of 'bcdefghij') {
      bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    expect(issuesOf(bomb)).toEqual([{ line: 1, path: '', message: expect.stringMatching(/too many aliases/) }]);
  });
  it('refuses deep nesting', () => {
    expect(issuesOf(`${'['.repeat(200)}${']'.repeat(200)}`)).toEqual([{ line: 1, path: '', message: expect.stringMatching(/nested more than/) }]);
  });
  it('refuses a file over the size limit', () => {
    expect(issuesOf(`notes: "${'x'.repeat(300 * 1024)}"`)).toEqual([{ line: 1, path: '', message: expect.stringMatching(/larger than 256 KB/) }]);
  });
  it('refuses duplicate keys and several documents', () => {
    expect(issuesOf('id: a\nid: b\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/unique/) });
    expect(issuesOf('id: a\n---\nid: b\n')[0].message).toMatch(/multiple documents/);
  });
});
