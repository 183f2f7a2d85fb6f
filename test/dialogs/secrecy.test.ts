/**
 * Secrecy: before the scorecard, the learner sees only what the customer says and what the
 * desk shows. No truth figure (price or date), no hidden fact the customer was not asked for
 * and no scenario internals reach the client — in text, cards or channelData.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Activity } from 'botbuilder';
import { formatLongDate } from '../../domain/dates.js';
import { formatPounds } from '../../domain/money.js';
import { computeTruths } from '../../domain/scenario/truths.js';
import { scenario, startBot, type Harness } from './helpers/botHarness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** Strings that must not appear before the learner looks anything up on the desk. */
function secrets(id: string): string[] {
  const loaded = scenario(id);
  const t = computeTruths(loaded);
  const s = loaded.scenario;
  const out = new Set<string>();
  for (const p of t.prices.correct) {
    if (p.amount < 100) continue;
    out.add(formatPounds(p.amount));
    out.add(formatPounds(p.amount).replace('£', '').replace(',', ''));
  }
  for (const d of t.dates.correct) if (!d.informational) out.add(formatLongDate(d.date).replace(/ \d{4}$/, ''));
  out.add(s.customer.identity.phone);
  out.add(s.customer.identity.email);
  out.add(s.wants.summary);
  if (s.rubric.followUp) out.add(s.rubric.followUp);
  for (const key of ['persona', 'temperament', 'volunteering', 'patience', 'rubric', 'keyCriteria', 'truths', 'calmsWith', 'provokedBy', 'nextOrderNumber']) out.add(`"${key}"`);
  out.add(loaded.file);
  return [...out];
}

async function conversation(id: string, lines: string[]): Promise<Partial<Activity>[]> {
  h = await startBot();
  const seen: Partial<Activity>[] = [...(await h.call.join())];
  for (const l of lines) seen.push(...(await h.say(l)));
  return seen;
}

describe('secrecy before the scorecard', () => {
  it.each([
    ['place-ergo-chairs', ['Good morning, Harbour & Pike, Sam speaking.', 'How are you today?', '/hint', '/help', 'Which chairs were you after?', '/hint']],
    ['call-split-delivery', ['Good morning, this is Sam from Harbour & Pike. Am I speaking to Priya?', '/hint', '/scenarios']],
    ['chase-late-cabinets', ['Good morning, Harbour & Pike, Sam speaking.', '/hint', 'I see, let me help.']],
  ])('%s: no truth figure, unasked fact or internal reaches the client', async (id, lines) => {
    const seen = await conversation(id, [`/start ${id}`, ...lines]);
    const forbidden = secrets(id);
    for (const a of seen) {
      const json = JSON.stringify(a);
      for (const secret of forbidden) expect({ activity: a.text, leaks: json.includes(secret) ? secret : undefined }).toEqual({ activity: a.text, leaks: undefined });
      if (a.type !== 'message') continue;
      // the speaker, and on the briefing the panel a client may show (its content is scanned above)
      const isBriefing = (a.text ?? '').startsWith('Practice call: ') || (a.text ?? '').startsWith('Assessment call: ');
      expect(Object.keys(a.channelData ?? {})).toEqual(isBriefing ? ['speaker', 'briefing'] : ['speaker']);
    }
  });

  it('the desk shows the figures once the learner asks it (the secrecy test above is not vacuous)', async () => {
    const seen = await conversation('place-ergo-chairs', ['/start place-ergo-chairs', '/quote CH-ERG-200 6']);
    const json = JSON.stringify(seen);
    expect(secrets('place-ergo-chairs').filter((s) => json.includes(s))).toEqual(expect.arrayContaining(['£965.52', 'Thursday 5 March']));
  });
});
