/**
 * Call records as they happen (contract §4): every learner message and bot message of a call
 * stored through the CallStore, awaited inside the turn, stamped on the scenario clock; the
 * scorecard at the end equals the marker over the stored transcript — and `npm run score`.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clockTimestamp } from '../../domain/dates.js';
import { transcriptSchema } from '../../domain/transcript.js';
import { markCall, prepareScenario } from '../../dialogs/marking/marker.js';
import { scenario, startBot, type Harness } from '../dialogs/helpers/botHarness.js';
import { COMPETENT_SCRIPTS } from './competentScripts.js';
import { playScript } from './playScript.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('the stored transcript', () => {
  it('holds every message of the call, as contract §4 activities on the scenario clock', async () => {
    h = await startBot();
    await h.say('/start place-ergo-chairs');
    // each turn is stored when the turn ends, before the next one starts
    expect((await h.latestRecord()).transcript.map((a) => a.channelData?.speaker ?? 'learner')).toEqual(['learner', 'coach', 'customer']);
    await h.say('Good morning, Harbour & Pike Office Supplies, Sam speaking.');
    await h.say('/stock CH-ERG-200');
    await h.say('/help');

    const t = (await h.latestRecord()).transcript;
    expect(transcriptSchema.safeParse(t).success).toBe(true);
    expect(t.map((a) => a.channelData?.speaker ?? 'learner')).toEqual(['learner', 'coach', 'customer', 'learner', 'customer', 'learner', 'desk', 'learner', 'coach']);
    expect(t[0]).toMatchObject({ type: 'message', text: '/start place-ergo-chairs', from: { id: 'learner-1', name: 'Hannah', role: 'user' } });
    for (const a of t) {
      expect(a.type).toBe('message');
      expect(['user', 'bot']).toContain(a.from.role);
      if (a.from.role === 'bot') expect(Object.keys(a.channelData ?? {})).toEqual(['speaker']);
    }
    // the desk's card is kept with its message
    expect((t[6].attachments as { contentType: string }[])[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    // timestamps: the scenario clock at the /start, then always later
    expect(t[0].timestamp).toBe(clockTimestamp(scenario('place-ergo-chairs').scenario.clock));
    for (let i = 1; i < t.length; i++) expect(t[i].timestamp! > t[i - 1].timestamp!).toBe(true);
    expect(t[t.length - 1].timestamp!.slice(0, 10)).toBe('2026-03-02');
  });

  it('records nothing outside a call, and not a mistaken /start during one', async () => {
    h = await startBot();
    await h.say('hello?');
    await h.say('/start place-ergo-chairs');
    await h.say('/start no-such-scenario');
    const t = (await h.latestRecord()).transcript;
    expect(t.map((a) => a.text)).not.toContain('hello?');
    expect(t.map((a) => a.text)).not.toContain('/start no-such-scenario');
    expect((await h.calls.list()).total).toBe(1);
  });
});

describe('the scorecard', () => {
  it('equals the marker over the stored transcript, and npm run score over the saved file', async () => {
    h = await startBot();
    const played = await playScript(h, 'place-ergo-chairs', COMPETENT_SCRIPTS['place-ergo-chairs'].slice(0, 8));
    expect(played.scorecard).toBeDefined();
    const record = await h.latestRecord();
    expect(record.status).toBe('ended');
    expect(markCall(record.transcript, prepareScenario(scenario('place-ergo-chairs')))).toEqual(played.scorecard);
    expect(record.scorecard).toEqual(played.scorecard);

    const file = join(h.dir, 'call.transcript');
    await writeFile(file, JSON.stringify(record.transcript));
    const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'cli/score.ts', file], { encoding: 'utf8' });
    const { file: _file, ...printed } = JSON.parse(stdout.trim().split('\n')[0]) as Record<string, unknown>;
    expect(printed).toEqual(played.scorecard);
  }, 60_000);
});
