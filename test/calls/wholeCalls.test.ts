/**
 * Whole calls for all seven reference scenarios, through the real bot (customer simulator,
 * desk, marker): a competent learner's call ends with a passing scorecard, stored with the
 * call, equal to the marker's mark of the stored transcript.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { markCall, prepareScenario } from '../../dialogs/marking/marker.js';
import { scenario, scenarios, speaker, startBot, type Harness } from '../dialogs/helpers/botHarness.js';
import { COMPETENT_SCRIPTS } from './competentScripts.js';
import { playScript } from './playScript.js';

let h: Harness;
beforeAll(async () => {
  h = await startBot({ seed: 2026 });
});
afterAll(async () => {
  await h.stop();
});

describe('whole calls', () => {
  it('covers every reference scenario', () => {
    expect(Object.keys(COMPETENT_SCRIPTS).sort()).toEqual(scenarios().map((s) => s.scenario.id).sort());
  });

  it.each(Object.keys(COMPETENT_SCRIPTS))('%s: a competent call passes and its scorecard is stored', async (id) => {
    const played = await playScript(h, id, COMPETENT_SCRIPTS[id]);
    // every bot message speaks as someone
    for (const a of played.replies.filter((r) => r.type === 'message')) expect(['customer', 'desk', 'coach']).toContain(speaker(a));
    const card = played.scorecard;
    expect(card).toBeDefined();
    const notMet = Object.entries(card!.criteria).filter(([, c]) => c.mark !== 'met' && c.mark !== 'n/a');
    expect({ id, passed: card!.passed, good: card!.score >= 90, notMet }).toEqual({ id, passed: true, good: true, notMet: expect.any(Array) });
    const record = await h.latestRecord();
    expect(record).toMatchObject({ scenario: id, status: 'ended', score: card!.score, passed: true, seed: 2026 });
    expect(markCall(record.transcript, prepareScenario(scenario(id)))).toEqual(card);
  }, 60_000);
});
