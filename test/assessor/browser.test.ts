/**
 * The assessor pages in a real browser: Debian's Chromium driven by playwright-core against
 * the real server on a random port. Sign in with a token, filter the list, open a call,
 * choose a criterion and see its evidence highlighted in the transcript, moderate a mark,
 * then download the CSV and find the change. Screenshots go to test-output/.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startAssessorServer, parseCsv, type AssessorServer } from './harness.js';
import { seedCalls, type Seeded } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`Assessor browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}
const describeIfChromium = haveChromium ? describe : describe.skip;

const OUT = 'test-output';
const TOKEN = 'browser-token-9d4f2a6c81e07b35';

describeIfChromium('assessor pages in Chromium', () => {
  let browser: Browser;
  let s: AssessorServer;
  let seeded: Seeded;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    s = await startAssessorServer({
      tokens: [`Morgan Assessor:${TOKEN}`],
      seed: async (calls) => {
        seeded = await seedCalls(calls);
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  /** A page that records script errors and CSP violations. */
  async function openPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    return { page, problems };
  }

  it('signs in, filters, shows evidence, moderates, and the CSV has the change', async () => {
    const { page, problems } = await openPage();

    // Sign in: the list page sends us to the form, and back.
    await page.goto(`${s.url}/assessor`);
    expect(new URL(page.url()).pathname).toBe('/assessor/sign-in');
    await page.fill('#token', TOKEN);
    await Promise.all([page.waitForURL(`${s.url}/assessor`), page.click('button[type=submit]')]);
    expect(await page.textContent('.who strong')).toBe('Morgan Assessor');
    expect(await page.locator('#calls-table tbody tr').count()).toBe(seeded.records.length);
    await page.screenshot({ path: `${OUT}/assessor-list.png`, fullPage: true });

    // Filter: Sam's calls only.
    await page.selectOption('#f-learner', 'learner-sam');
    await Promise.all([page.waitForURL(/learner=learner-sam/), page.click('#apply-filters')]);
    const shown = await page.locator('#calls-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-call')));
    expect(shown.sort()).toEqual([seeded.ids.sam1, seeded.ids.sam2].sort());

    // Open the disputed call.
    await Promise.all([page.waitForURL(`${s.url}/assessor/calls/${seeded.ids.sam1}`), page.click(`tr[data-call="${seeded.ids.sam1}"] td:first-child a`)]);
    expect(await page.locator('.msg').count()).toBeGreaterThan(5);

    // Choose a criterion: its evidence is highlighted, scrolled into view and focused.
    await page.click('#criterion-check_stock .show-evidence');
    await page.waitForFunction(() => document.querySelectorAll('.msg.is-evidence').length === 2);
    const highlighted = await page.locator('.msg.is-evidence').evaluateAll((els) => els.map((e) => e.id));
    expect(highlighted).toEqual(['activity-5', 'activity-7']);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('activity-5');
    expect(await page.getAttribute('#criterion-check_stock .show-evidence', 'aria-pressed')).toBe('true');
    await page.waitForFunction(() => {
      const el = document.getElementById('activity-5');
      const panel = document.querySelector('.transcript-panel');
      if (!el || !panel) return false;
      const r = el.getBoundingClientRect();
      const p = panel.getBoundingClientRect();
      return r.top >= p.top && r.bottom <= p.bottom && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(await page.textContent('#live')).toMatch(/Checking stock: 2 messages highlighted/);
    await page.screenshot({ path: `${OUT}/assessor-call-evidence.png` });

    // Another criterion moves the highlight.
    await page.click('#criterion-close_call .show-evidence');
    await page.waitForFunction(() => document.querySelectorAll('.msg.is-evidence').length === 1);
    expect(await page.locator('.msg.is-evidence').getAttribute('id')).toBe('activity-9');

    // Moderate state_delivery (the disputed criterion).
    await page.click('#criterion-state_delivery summary');
    await page.selectOption('#mark-state_delivery', 'met');
    await page.fill('#reason-state_delivery', 'Friday 7th is the right date; the checker missed it.');
    await Promise.all([page.waitForURL(/moderated=state_delivery/), page.click('#criterion-state_delivery button[type=submit]')]);
    expect(await page.textContent('#criterion-state_delivery')).toContain('Your mark was recorded.');
    expect(await page.textContent('#criterion-state_delivery .criterion__marks')).toMatch(/Machine: Missed\s*Assessor: Met/);
    expect(await page.textContent('#criterion-state_delivery .history')).toContain('Morgan Assessor');
    await page.locator('#criterion-state_delivery').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/assessor-moderated.png` });

    // The CSV link on the list downloads the change.
    await page.goto(`${s.url}/assessor`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = parseCsv((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    const row = csv.find((r) => r[0] === seeded.ids.sam1) as string[];
    expect(row[csv[0].indexOf('state_delivery')]).toBe('met');
    expect(row[csv[0].indexOf('moderated_criteria')]).toBe('state_delivery');

    // Cohort chart and a printable report.
    await page.goto(`${s.url}/assessor/cohort`);
    expect(await page.locator('svg.chart .chart-row').count()).toBe(15);
    await page.screenshot({ path: `${OUT}/assessor-cohort.png`, fullPage: true });
    await page.goto(`${s.url}/assessor/calls/${seeded.ids.sam1}/report`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('.print-bar').isVisible()).toBe(false);
    await page.screenshot({ path: `${OUT}/assessor-report-print.png`, fullPage: true });
    await page.pdf({ path: `${OUT}/assessor-report.pdf`, format: 'A4' });

    expect(problems).toEqual([]);
    await page.close();
  });
});
