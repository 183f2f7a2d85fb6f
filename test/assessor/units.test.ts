/**
 * The pieces under the assessor routes: token parsing and matching, signed sessions, CSV
 * fields, the outcome after moderation, and HTML escaping.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { AssessorTokenError } from '../../bot/assessor/errors.js';
import { TokenRegistry, parseAssessorTokens } from '../../bot/assessor/tokens.js';
import { checkCsrf, csrfTokenFor, issueSession, readCookie, verifySession } from '../../bot/assessor/session.js';
import { csvField, csvLine } from '../../bot/assessor/csv.js';
import { Catalogue } from '../../bot/assessor/catalogue.js';
import { criterionViews, outcomeOf } from '../../bot/assessor/marks.js';
import { html } from '../../bot/assessor/pages/html.js';
import { safeNext } from '../../bot/assessor/pages/routes.js';
import type { CallHeader } from '../../domain/calls.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { ScenarioRegistry } from '../../domain/scenario/registry.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { parseCsv } from './harness.js';
import { orderTranscript, scorecardFor, SAM_MARKS } from './fixtures.js';

describe('ASSESSOR_TOKENS entries', () => {
  it('reads "name:token" and bare tokens; a bare token is named by its fingerprint', () => {
    const [named, bare] = parseAssessorTokens(['Ann Assessor: s3cret-one', 'plain-token-two']);
    expect(named).toMatchObject({ name: 'Ann Assessor', token: 's3cret-one' });
    expect(bare.name).toBe(`token ${bare.id.slice(0, 8)}`);
    expect(bare.name).not.toContain('plain');
  });

  it.each([
    [['name:'], 1, /token is empty/],
    [[':abc'], 1, /name before ":"/],
    [['ok-token', 'has space'], 2, /spaces/],
    [['tøken'], 1, /printable ASCII/],
    [['a:same-token', 'b:same-token'], 2, /same token appears twice/],
  ])('rejects %j (entry %d)', (entries, entry, message) => {
    try {
      parseAssessorTokens(entries);
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(AssessorTokenError);
      expect((err as AssessorTokenError).entry).toBe(entry);
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('same-token');
    }
  });

  it('matches only the exact token', () => {
    const registry = new TokenRegistry(parseAssessorTokens(['A:alpha-token-1234567890', 'B:beta-token-1234567890']));
    expect(registry.match('alpha-token-1234567890')?.name).toBe('A');
    expect(registry.match('beta-token-1234567890')?.name).toBe('B');
    fc.assert(
      fc.property(fc.string(), (guess) => {
        const m = registry.match(guess);
        return m === undefined || m.token === guess;
      }),
    );
    expect(new TokenRegistry([]).enabled).toBe(false);
    expect(registry.weak()).toEqual(['A', 'B']);
  });
});

describe('signed sessions', () => {
  const registry = new TokenRegistry(parseAssessorTokens(['A:alpha-token-1234567890abcd']));
  const cred = registry.match('alpha-token-1234567890abcd');
  if (!cred) throw new Error('no credential');
  const now = Date.parse('2025-03-10T12:00:00Z');

  it('verifies its own cookie until it expires', () => {
    const value = issueSession(cred, now, 60_000);
    expect(verifySession(value, registry, now + 59_000)?.credential.name).toBe('A');
    expect(verifySession(value, registry, now + 60_000)).toBeUndefined();
  });

  it('rejects any change to the cookie, and cookies of removed tokens', () => {
    const value = issueSession(cred, now, 60_000);
    for (let i = 0; i < value.length; i++) {
      const changed = value.slice(0, i) + (value[i] === 'a' ? 'b' : 'a') + value.slice(i + 1);
      if (changed !== value) expect(verifySession(changed, registry, now)).toBeUndefined();
    }
    const other = new TokenRegistry(parseAssessorTokens(['A:another-token-1234567890']));
    expect(verifySession(value, other, now)).toBeUndefined();
  });

  it('binds the CSRF token to the session', () => {
    const a = verifySession(issueSession(cred, now, 60_000), registry, now);
    const b = verifySession(issueSession(cred, now + 1000, 60_000), registry, now);
    if (!a || !b) throw new Error('sessions did not verify');
    expect(checkCsrf(a, csrfTokenFor(a))).toBe(true);
    expect(checkCsrf(a, csrfTokenFor(b))).toBe(false);
    expect(checkCsrf(a, undefined)).toBe(false);
  });

  it('reads a cookie among others', () => {
    expect(readCookie('a=1; oct_assessor=v1.x; b=2', 'oct_assessor')).toBe('v1.x');
    expect(readCookie(undefined, 'oct_assessor')).toBeUndefined();
  });
});

describe('CSV fields', () => {
  it('round-trips any text through a standard CSV reader, defusing formula starts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const [row] = parseCsv(csvLine(cells));
        return row.every((got, i) => (/^[=+\-@\t\r＝＋－＠]/.test(cells[i]) ? got === `'${cells[i]}` : got === cells[i]));
      }),
    );
  });

  it('writes numbers, booleans and missing values plainly', () => {
    expect([csvField(60), csvField(true), csvField(null), csvField(undefined), csvField(-3)]).toEqual(['60', 'true', '', '', '-3']);
    expect(csvField('-3')).toBe("'-3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('outcome after moderation', () => {
  const transcript = orderTranscript('s', '2025-03-03T09:00:00.000Z');
  const header = (moderation: CallHeader['moderation']): CallHeader => ({
    id: 'c',
    learner: { id: 'l', name: 'L' },
    scenario: 's',
    mode: 'practice',
    seed: 1,
    startedAt: '2025-03-03T09:00:00.000Z',
    status: 'ended',
    scorecard: scorecardFor('s', transcript, SAM_MARKS, 60, false),
    moderation,
    hints: [],
    disputes: [],
  });
  const pass = { minScore: 70, keyCriteria: ['verify_identity', 'state_price', 'state_delivery'] };
  const views = (m: CallHeader['moderation']) => criterionViews(header(m), new Catalogue());

  it('equals the marking guide score before moderation', () => {
    expect(outcomeOf(views([]), pass)).toEqual({ score: 60, passed: false, points: 12, maxPoints: 20 });
  });

  it('uses the latest assessor mark per criterion and the key-criteria rule', () => {
    const at = (s: number) => new Date(Date.parse('2025-03-04T00:00:00Z') + s * 1000).toISOString();
    const m = (criterion: string, mark: 'met' | 'partly' | 'missed' | 'n/a', s: number) => ({ criterion, mark, reason: 'r', by: 'A', at: at(s) });
    // state_delivery missed → met: 14/20 = 70, pass.
    expect(outcomeOf(views([m('state_delivery', 'met', 1)]), pass)).toMatchObject({ score: 70, passed: true });
    // Later moderation wins, whatever the order they are stored in.
    expect(outcomeOf(views([m('state_delivery', 'partly', 2), m('state_delivery', 'met', 1)]), pass)).toMatchObject({ score: 65, passed: false });
    // n/a takes a criterion out of the score: 12/18 = 66.7 → 67.
    expect(outcomeOf(views([m('state_delivery', 'n/a', 1)]), pass)).toMatchObject({ score: 67, passed: false, maxPoints: 18 });
  });

  it("weights criteria as the scenario's rubric says", () => {
    const scenario = {
      file: 's.yaml',
      scenario: { id: 's', title: 'S', qualification: [], rubric: { pass: { minScore: 70, keyCriteria: [] }, weights: { state_delivery: 4 } } },
    } as unknown as LoadedScenario;
    const weighted = criterionViews(header([]), new Catalogue({}, [scenario]));
    // state_delivery missed at weight 4: 12 of 26 points → 46.
    expect(outcomeOf(weighted, pass)).toMatchObject({ points: 12, maxPoints: 26, score: 46 });
  });
});

describe('the catalogue over the live scenario registry', () => {
  const loaded = loadScenarioDir('scenarios');
  const ergo = loaded.scenarios.find((l) => l.scenario.id === 'place-ergo-chairs') as LoadedScenario;
  const reload = (registry: ScenarioRegistry, scenarios: LoadedScenario[]) => registry.update({ ...loaded, scenarios, errors: [] });

  it('reads titles at each look-up: added, retitled and withdrawn scenarios', () => {
    const registry = new ScenarioRegistry(loaded.scenarios);
    const catalogue = new Catalogue({}, registry);
    expect(catalogue.scenario('place-ergo-chairs').title).toBe(ergo.scenario.title);
    expect(catalogue.scenario('extra-chairs').title).toBe('extra-chairs');

    const retitled = { ...ergo, scenario: { ...ergo.scenario, title: 'Retitled chairs' } };
    const extra = { ...ergo, file: 'extra.yaml', scenario: { ...ergo.scenario, id: 'extra-chairs', title: 'Extra chairs' } };
    const others = loaded.scenarios.filter((l) => l !== ergo);
    reload(registry, [...others, retitled, extra]);
    expect(catalogue.scenario('place-ergo-chairs').title).toBe('Retitled chairs');
    expect(catalogue.scenario('extra-chairs').title).toBe('Extra chairs');
    expect(catalogue.scenarios().map((s) => s.id)).toEqual(expect.arrayContaining(['place-ergo-chairs', 'extra-chairs']));

    // withdrawn: no longer offered, but its calls keep the last title it had
    reload(registry, others);
    expect(catalogue.scenarios().map((s) => s.id)).not.toContain('extra-chairs');
    expect(catalogue.scenario('extra-chairs').title).toBe('Extra chairs');
  });
});

describe('page helpers', () => {
  it('escapes interpolated text but not nested html', () => {
    const name = '<b onclick="x">"Jo" & \'Al\'</b>';
    expect(String(html`<p title="${name}">${name}${html`<br>`}</p>`)).toBe(
      '<p title="&lt;b onclick=&quot;x&quot;&gt;&quot;Jo&quot; &amp; &#39;Al&#39;&lt;/b&gt;">&lt;b onclick=&quot;x&quot;&gt;&quot;Jo&quot; &amp; &#39;Al&#39;&lt;/b&gt;<br></p>',
    );
  });

  it.each([
    ['/assessor/calls/x?moderated=opening', '/assessor/calls/x?moderated=opening'],
    ['/assessor', '/assessor'],
    ['/assessorx', '/assessor'],
    ['//evil.example', '/assessor'],
    ['/assessor/../api', '/assessor'],
    ['/assessor/./x', '/assessor'],
    ['https://evil.example/assessor', '/assessor'],
    [undefined, '/assessor'],
  ])('sends the browser back to %s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
