/** The coach's welcome: on a learner joining (Web Chat, the Emulator) and on a Teams install; once per conversation. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ActivityTypes } from 'botbuilder';
import { messages, scenarios, speaker, startBot, type Harness } from './helpers/botHarness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function submits(card: unknown): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Submit') out.push((o.data as { command: string }).command);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('welcome', () => {
  it('lists every scenario in the text and as a card whose buttons submit /start', async () => {
    h = await startBot();
    const replies = messages(await h.call.join());
    expect(replies).toHaveLength(1);
    const w = replies[0];
    expect(speaker(w)).toBe('coach');
    expect(w.text).toMatch(/^Welcome to Order Call Trainer, Hannah\./);
    for (const s of scenarios()) expect(w.text).toContain(`${s.scenario.id}: ${s.scenario.title}`);
    const card = w.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((card?.content as { version: string }).version).toBe('1.5');
    const commands = submits(card?.content);
    for (const s of scenarios()) {
      expect(commands).toContain(`/start ${s.scenario.id}`);
      expect(commands).toContain(`/start ${s.scenario.id} assessment`);
    }
  });

  it('welcomes once per conversation, and not for the bot joining', async () => {
    h = await startBot();
    await h.call.adapter.processActivity({ type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'order-call-trainer', name: 'Bot' }] });
    expect(messages(h.call.adapter.activeQueue.splice(0))).toHaveLength(0);
    expect(messages(await h.call.join())).toHaveLength(1);
    expect(messages(await h.call.join())).toHaveLength(0);
  });

  it('welcomes a Teams learner who installs the app', async () => {
    h = await startBot();
    await h.call.adapter.processActivity({ type: ActivityTypes.InstallationUpdate, action: 'add', channelId: 'msteams' });
    const replies = messages(h.call.adapter.activeQueue.splice(0));
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toMatch(/^Welcome to Order Call Trainer/);
  });
});
