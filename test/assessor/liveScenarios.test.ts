/**
 * The assessor tools over the real entry point (`npm start`): scenario titles come from the
 * live scenario registry, so a scenario file added or retitled while the server runs shows its
 * current title in the call list, the cohort view and the xAPI export, without a restart; and
 * the xAPI ids are built on PUBLIC_URL, whatever address the request came to.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { makeTempDir } from '../bot/storage/tempDir.js';
import { listeningUrl, loggedReload, runEntryPoint, type LogLine } from '../support/entryPoint.js';
import { eventually } from '../support/eventually.js';
import { seedCalls } from './fixtures.js';

const TOKEN = 'live-scenarios-token-7c41d09e2b6a';
const RETITLED = 'Chairs for a dental practice (revised brief)';
const ADDED = 'Library study chairs, added while running';
const PUBLIC_URL = 'https://trainer.example.ac.uk/';

interface Statement {
  object: { id: string };
  actor: { account: { homePage: string } };
  context: { contextActivities: { grouping: { id: string; definition: { name: Record<string, string> } }[] } };
}

/** What the pages and the API showed, before and after the files changed. */
interface Seen {
  listBefore: string;
  listAfter: string;
  cohortAfter: string;
  scenarioNamesAfter: string[];
  /** Every statement's object id and actor home page. */
  iris: string[];
}

describe('assessor tools and live scenario reload', () => {
  it('show the current scenario titles after a file is added and another retitled, with xAPI ids on PUBLIC_URL', async () => {
    const data = await makeTempDir();
    const scenarios = await makeTempDir('oct-scenarios-');
    try {
      cpSync('scenarios', scenarios.dir, { recursive: true });
      const store = await LowdbCallStore.open(data.dir);
      await seedCalls(store);
      await store.close();
      const ergo = join(scenarios.dir, 'place-ergo-chairs.yaml');
      const original = readFileSync(ergo, 'utf8');
      const originalTitle = /^title: (.*)$/m.exec(original)?.[1] ?? '';
      expect(originalTitle).not.toBe('');

      let seen: Seen | undefined;
      let failure: unknown;
      const check = async (url: string, lines: readonly LogLine[]): Promise<Seen> => {
        const signIn = await fetch(`${url}/assessor/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token: TOKEN }).toString(),
          redirect: 'manual',
        });
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
        const page = async (path: string): Promise<string> => (await fetch(`${url}${path}`, { headers: { Cookie: cookie } })).text();

        const listBefore = await page('/assessor');
        writeFileSync(ergo, original.replace(/^title: .*$/m, `title: ${RETITLED}`));
        writeFileSync(join(scenarios.dir, 'extra.yaml'), original.replace('id: place-ergo-chairs', 'id: extra-chairs').replace(/^title: .*$/m, `title: ${ADDED}`));
        await eventually(() => loggedReload(lines, 'added', 'extra-chairs') && loggedReload(lines, 'changed', 'place-ergo-chairs'), 10_000, 50);

        const xapi = await fetch(`${url}/api/assessor/xapi`, { headers: { Authorization: `Bearer ${TOKEN}` } });
        const statements = (await xapi.json()) as Statement[];
        const scenarioNamesAfter = statements.flatMap((s) =>
          s.context.contextActivities.grouping.filter((a) => a.id.endsWith('/scenarios/place-ergo-chairs')).map((a) => a.definition.name['en-GB']),
        );
        const iris = statements.flatMap((s) => [s.object.id, s.actor.account.homePage]);
        return { listBefore, listAfter: await page('/assessor'), cohortAfter: await page('/assessor/cohort'), scenarioNamesAfter, iris };
      };

      const { code } = await runEntryPoint(
        { PORT: '0', DATA_DIR: data.dir, SCENARIOS_DIR: scenarios.dir, ASSESSOR_TOKENS: `Pat:${TOKEN}`, PUBLIC_URL, LOG_LEVEL: 'info' },
        {
          timeoutMs: 40_000,
          onLine: (line, run) => {
            const url = listeningUrl(line);
            if (!url) return;
            check(url, run.lines)
              .then((s) => (seen = s))
              .catch((err: unknown) => (failure = err))
              .finally(() => run.kill('SIGTERM'));
          },
        },
      );
      if (failure) throw failure;
      expect(code).toBe(0);
      expect(seen).toBeDefined();
      const s = seen as Seen;
      expect(s.listBefore).toContain(originalTitle);
      expect(s.listBefore).not.toContain(ADDED);
      // the list's scenario filter and its rows, and the cohort view's filter
      for (const page of [s.listAfter, s.cohortAfter]) {
        expect(page).toContain(`<option value="extra-chairs"`);
        expect(page).toContain(ADDED);
        expect(page).toContain(RETITLED);
        expect(page).not.toContain(originalTitle);
      }
      expect(s.scenarioNamesAfter.length).toBeGreaterThan(0);
      expect(new Set(s.scenarioNamesAfter)).toEqual(new Set([RETITLED]));
      // the request went to http://127.0.0.1:<port>; the ids are on PUBLIC_URL (trailing slash dropped)
      expect(s.iris.length).toBeGreaterThan(0);
      expect(s.iris.filter((iri) => iri !== 'https://trainer.example.ac.uk' && !iri.startsWith('https://trainer.example.ac.uk/xapi/activities/'))).toEqual([]);
    } finally {
      await data.remove();
      await scenarios.remove();
    }
  }, 60_000);
});
