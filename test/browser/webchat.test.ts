/**
 * The learner's page in a real browser: Debian's Chromium driven by playwright-core against
 * the real server on a random port (temporary DATA_DIR). Enter a name, see the welcome,
 * send a message, see the answer; reload and find the conversation again; the briefing
 * panel and speaker labels. Screenshots go to test-output/.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import { ActivityHandler, type Activity } from 'botbuilder';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createBot } from '../../dialogs/index.js';
import { silentLogger } from '../../bot/logger.js';
import { repositoryScenarios, startServer, type Running } from '../bot/helpers/harness.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it).`);
}
const describeIfChromium = haveChromium ? describe : describe.skip;

const OUT = 'test-output';
const BOT_BUBBLE = '.webchat__bubble:not(.webchat__bubble--from-user)';
const USER_BUBBLE = '.webchat__bubble.webchat__bubble--from-user';
const SEND_BOX = '[data-id="webchat-sendbox-input"]';

describeIfChromium('Web Chat page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records console errors and CSP violations. */
  async function openPage(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    await page.goto(url);
    return { page, problems };
  }

  it('lets a learner enter a name, get the welcome, chat, and come back after a reload', async () => {
    const seen: Partial<Activity>[] = [];
    let running: Running | undefined;
    try {
      running = await startServer({
        bot: (stores) => {
          const real = createBot({ storage: stores.state, calls: stores.calls, scenarios: repositoryScenarios(), logger: silentLogger() });
          return { run: async (ctx) => { seen.push({ ...ctx.activity }); await real.run(ctx); } };
        },
      });
      const { page, problems } = await openPage(`${running.url}/`);
      await page.fill('#learner-name', 'Sam Patel');
      await page.click('#start-button');

      await page.waitForSelector(BOT_BUBBLE, { timeout: 15_000 });
      expect(await page.textContent('#who-name')).toBe('Sam Patel');
      const welcomeCount = await page.locator(BOT_BUBBLE).count();

      await page.fill(SEND_BOX, 'Hello, this is Sam on the order desk');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > n, welcomeCount, {
        timeout: 10_000,
      });
      await expect(page.locator(USER_BUBBLE).last().textContent()).resolves.toContain('Hello, this is Sam on the order desk');
      expect(await page.locator('text=Send failed').count()).toBe(0);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/webchat.png` });

      // The bot heard the learner by name, under the stable id the page keeps.
      const userId = await page.evaluate(() => localStorage.getItem('oct.userId'));
      expect(userId).toMatch(/^learner-[0-9a-f]{24}$/);
      expect(seen.find((a) => a.type === 'conversationUpdate')?.membersAdded).toEqual([{ id: userId, name: 'Sam Patel', role: 'user' }]);
      expect(seen.find((a) => a.type === 'message')?.from).toEqual({ id: userId, name: 'Sam Patel', role: 'user' });

      // A reload goes back into the same conversation, history included.
      const bubbles = await page.locator('.webchat__bubble').count();
      await page.reload();
      await page.waitForFunction((n) => document.querySelectorAll('.webchat__bubble').length >= n, bubbles, { timeout: 15_000 });
      expect(seen.filter((a) => a.type === 'conversationUpdate')).toHaveLength(1);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await running?.stop();
    }
  });

  it('shows the coach’s briefing in the side panel and labels who is speaking', async () => {
    let running: Running | undefined;
    try {
      running = await startServer({
        bot: () => {
          const bot = new ActivityHandler();
          bot.onMessage(async (ctx, next) => {
            await ctx.sendActivity({
              type: 'message',
              text: 'Your briefing is in the side panel.',
              channelData: {
                speaker: 'coach',
                briefing: { title: 'New order: six task chairs', text: 'Hill Dental rings to order chairs.', facts: [{ label: 'Account', value: 'HD1042' }] },
              },
            });
            await ctx.sendActivity({ type: 'message', text: 'Hello, it’s Jo from Hill Dental.', channelData: { speaker: 'customer' } });
            await ctx.sendActivity({ type: 'message', text: 'Account HD1042: Hill Dental Practice', channelData: { speaker: 'desk' } });
            await next();
          });
          return bot;
        },
      });
      const { page, problems } = await openPage(`${running.url}/`);
      await page.fill('#learner-name', 'Asha');
      await page.click('#start-button');
      await page.waitForSelector(SEND_BOX);
      await page.fill(SEND_BOX, '/start place-ergo-chairs');
      await page.keyboard.press('Enter');
      await page.waitForSelector('text=Account HD1042: Hill Dental Practice', { timeout: 10_000 });

      await expect(page.textContent('#briefing h3')).resolves.toBe('New order: six task chairs');
      await expect(page.textContent('#briefing')).resolves.toContain('Hill Dental rings to order chairs.');
      await expect(page.textContent('#briefing dd')).resolves.toBe('HD1042');
      const labels = await page.locator('.speaker-label').allTextContents();
      expect(labels).toEqual(['Coach', 'Customer', 'Order desk']);
      await page.screenshot({ path: `${OUT}/webchat-briefing.png` });
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await running?.stop();
    }
  });

  it('asks for a name before starting', async () => {
    const running = await startServer();
    try {
      const { page } = await openPage(`${running.url}/`);
      await page.click('#start-button');
      await expect(page.textContent('#start-error')).resolves.toBe('Please enter your name.');
      expect(await page.isHidden('#session')).toBe(true);
      await page.close();
    } finally {
      await running.stop();
    }
  });
});
