/**
 * The bot's ConversationState and UserState with the JSON-text change check: the same
 * storage keys and values as botbuilder's, written only when the state changed (or forced,
 * or cleared), through the same accessors.
 */
import { describe, expect, it } from '@jest/globals';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type StoreItems } from 'botbuilder';
import { LowdbStorage } from '../../bot/storage/lowdbStorage.js';
import { TrainerConversationState, TrainerUserState } from '../../dialogs/session/botStates.js';
import { makeTempDir } from '../bot/storage/tempDir.js';

class CountingStorage extends MemoryStorage {
  writes = 0;
  override async write(changes: StoreItems): Promise<void> {
    this.writes += Object.keys(changes).length;
    return super.write(changes);
  }
}

function turn(adapter: TestAdapter, text = 'hi'): TurnContext {
  return new TurnContext(adapter, {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: 'conv-1' } as TurnContext['activity']['conversation'],
    from: { id: 'user-1', name: 'Hannah' },
    recipient: { id: 'bot', name: 'bot' },
  });
}

describe('TrainerConversationState and TrainerUserState', () => {
  it('keep values under botbuilder’s keys, readable by botbuilder’s own state classes', async () => {
    const storage = new MemoryStorage();
    const adapter = new TestAdapter(async () => undefined);
    const ours = { conversation: new TrainerConversationState(storage), user: new TrainerUserState(storage) };
    const context = turn(adapter);
    await ours.conversation.createProperty<number>('count').set(context, 3);
    await ours.user.createProperty<string>('name').set(context, 'Hannah');
    await ours.conversation.saveChanges(context);
    await ours.user.saveChanges(context);

    const next = turn(adapter);
    expect(await new ConversationState(storage).createProperty<number>('count').get(next)).toBe(3);
    expect(await new UserState(storage).createProperty<string>('name').get(next)).toBe('Hannah');
    expect(Object.keys(await storage.read(['test/conversations/conv-1/', 'test/users/user-1/'])).sort()).toEqual([
      'test/conversations/conv-1/',
      'test/users/user-1/',
    ]);
  });

  it('write only when the state changed, was cleared, or the save is forced', async () => {
    const storage = new CountingStorage();
    const adapter = new TestAdapter(async () => undefined);
    const state = new TrainerConversationState(storage);
    const call = state.createProperty<{ turn: number; lines: string[] }>('call');

    const first = turn(adapter);
    await call.set(first, { turn: 1, lines: ['hello'] });
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    const unchanged = turn(adapter);
    expect(await call.get(unchanged)).toEqual({ turn: 1, lines: ['hello'] });
    await state.saveChanges(unchanged);
    expect(storage.writes).toBe(1);

    const changed = turn(adapter);
    (await call.get(changed))?.lines.push('a change deep inside');
    await state.saveChanges(changed);
    await state.saveChanges(changed); // saved already: nothing new
    expect(storage.writes).toBe(2);

    const forced = turn(adapter);
    await state.load(forced);
    await state.saveChanges(forced, true);
    expect(storage.writes).toBe(3);

    const cleared = turn(adapter);
    await state.load(cleared);
    await state.clear(cleared);
    expect(state.get(cleared)).toEqual({});
    await state.saveChanges(cleared);
    expect(storage.writes).toBe(4);
    expect(await call.get(turn(adapter))).toBeUndefined();
  });

  it('deletes the stored state and its cache', async () => {
    const storage = new MemoryStorage();
    const adapter = new TestAdapter(async () => undefined);
    const state = new TrainerUserState(storage);
    const context = turn(adapter);
    await state.createProperty<string>('name').set(context, 'Hannah');
    await state.saveChanges(context);
    await state.delete(context);
    expect(state.get(context)).toBeUndefined();
    expect(await storage.read(['test/users/user-1/'])).toEqual({});
  });

  it('refuses an activity that names no conversation, as botbuilder does', async () => {
    const adapter = new TestAdapter(async () => undefined);
    const context = new TurnContext(adapter, { type: 'message', channelId: 'test', from: { id: 'u' } } as TurnContext['activity']);
    await expect(new TrainerConversationState(new MemoryStorage()).load(context)).rejects.toThrow(/conversation/);
  });

  it('on the lowdb files, read and write JSON text, interchangeably with botbuilder’s classes, and only when changed', async () => {
    const tmp = await makeTempDir('oct-states-');
    class CountingLowdb extends LowdbStorage {
      jsonWrites = 0;
      override async writeJson(changes: Record<string, string>): Promise<void> {
        this.jsonWrites += Object.keys(changes).length;
        return super.writeJson(changes);
      }
    }
    const storage = new CountingLowdb(tmp.dir);
    try {
      const adapter = new TestAdapter(async () => undefined);
      const ours = new TrainerConversationState(storage);
      const call = ours.createProperty<{ turn: number; text: string }>('call');

      const first = turn(adapter);
      await call.set(first, { turn: 1, text: 'Good morning — £965.52 ✓' });
      await ours.saveChanges(first);
      expect(storage.jsonWrites).toBe(1);
      expect(await new ConversationState(storage).createProperty('call').get(turn(adapter))).toEqual({ turn: 1, text: 'Good morning — £965.52 ✓' });

      const unchanged = turn(adapter);
      expect(await call.get(unchanged)).toEqual({ turn: 1, text: 'Good morning — £965.52 ✓' });
      await ours.saveChanges(unchanged);
      expect(storage.jsonWrites).toBe(1);

      // written by botbuilder's own class, read back by ours
      const theirs = new ConversationState(storage);
      const viaTheirs = turn(adapter);
      await theirs.createProperty('call').set(viaTheirs, { turn: 2, text: 'theirs' });
      await theirs.saveChanges(viaTheirs);
      const next = turn(adapter);
      expect(await call.get(next)).toEqual({ turn: 2, text: 'theirs' });
      (await call.get(next))!.turn = 3;
      await ours.saveChanges(next);
      expect(storage.jsonWrites).toBe(2);
      expect(await new ConversationState(storage).createProperty('call').get(turn(adapter))).toEqual({ turn: 3, text: 'theirs' });
    } finally {
      await storage.close();
      await tmp.remove();
    }
  });
});
