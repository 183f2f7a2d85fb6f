/**
 * Contract tests for a bot state store (botbuilder `Storage`): every back-end runs this
 * suite (lowdb now; PostgreSQL with STORAGE=postgres). Modelled on botbuilder's own
 * storage base tests, plus eTag races and awkward keys.
 */
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { ConversationState, TestAdapter, type Storage } from 'botbuilder';
import { ETagConflictError } from '../../../bot/storage/errors.js';

/** What a back-end gives the suite: a store, a way to reopen the same data, a clean-up. */
export interface StateStorageHarness {
  storage: Storage;
  reopen(): Promise<Storage>;
  cleanup(): Promise<void>;
}

export function describeStateStorageContract(name: string, make: () => Promise<StateStorageHarness>): void {
  describe(`${name}: bot state storage contract`, () => {
    let h: StateStorageHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('reads nothing for unknown keys', async () => {
      expect(await h.storage.read(['nope', 'also-nope'])).toEqual({});
    });

    it('writes, then reads back the value with an eTag', async () => {
      await h.storage.write({ a: { count: 1, nested: { list: [1, 'two'] } }, b: { name: 'Sam' } });
      const items = await h.storage.read(['a', 'b', 'c']);
      expect(Object.keys(items).sort()).toEqual(['a', 'b']);
      expect(items.a).toMatchObject({ count: 1, nested: { list: [1, 'two'] } });
      expect(items.b.name).toBe('Sam');
      expect(typeof items.a.eTag).toBe('string');
      expect(items.a.eTag).not.toBe('*');
    });

    it('accepts a write carrying the current eTag and issues a new one', async () => {
      await h.storage.write({ k: { v: 1 } });
      const first = (await h.storage.read(['k'])).k;
      await h.storage.write({ k: { ...first, v: 2 } });
      const second = (await h.storage.read(['k'])).k;
      expect(second.v).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('refuses a write carrying a stale eTag and keeps the stored value', async () => {
      await h.storage.write({ k: { v: 1 } });
      const stale = (await h.storage.read(['k'])).k;
      await h.storage.write({ k: { ...stale, v: 2 } });
      await expect(h.storage.write({ k: { ...stale, v: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await h.storage.read(['k'])).k.v).toBe(2);
    });

    it('lets "*" or no eTag overwrite whatever is stored (last writer wins)', async () => {
      await h.storage.write({ k: { v: 1 } });
      await h.storage.write({ k: { v: 2, eTag: '*' } });
      expect((await h.storage.read(['k'])).k.v).toBe(2);
      await h.storage.write({ k: { v: 3 } });
      expect((await h.storage.read(['k'])).k.v).toBe(3);
    });

    it('writes nothing from a batch in which one key conflicts', async () => {
      await h.storage.write({ x: { v: 1 }, y: { v: 1 } });
      const { x, y } = await h.storage.read(['x', 'y']);
      await h.storage.write({ y: { ...y, v: 2 } });
      await expect(h.storage.write({ x: { ...x, v: 9 }, y: { ...y, v: 9 } })).rejects.toBeInstanceOf(ETagConflictError);
      const after = await h.storage.read(['x', 'y']);
      expect([after.x.v, after.y.v]).toEqual([1, 2]);
    });

    it('lets exactly one of several racing writers with the same eTag win', async () => {
      await h.storage.write({ race: { v: 0 } });
      const base = (await h.storage.read(['race'])).race;
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((v) => h.storage.write({ race: { ...base, v } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(4);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(ETagConflictError);
    });

    it('deletes keys, and deleting an unknown key is not an error', async () => {
      await h.storage.write({ d: { v: 1 }, keep: { v: 2 } });
      await h.storage.delete(['d', 'never-there']);
      expect(await h.storage.read(['d', 'keep'])).toEqual({ keep: expect.objectContaining({ v: 2 }) });
    });

    it('keeps awkward keys apart and never lets them name other places', async () => {
      const keys = [
        '../../../../etc/passwd',
        '..\\..\\windows',
        'webchat/conversations/abc|0001/users/x',
        'Key',
        'key',
        'ünïcødé 🎧 key',
        'x'.repeat(2000),
        'a:b*c?d"e<f>g|h',
      ];
      await h.storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const items = await h.storage.read(keys);
      expect(keys.map((k) => items[k]?.i)).toEqual(keys.map((_, i) => i));
    });

    it('keeps what was written across a reopen', async () => {
      await h.storage.write({ p: { v: 'persisted' } });
      const again = await h.reopen();
      expect((await again.read(['p'])).p.v).toBe('persisted');
    });

    it('carries ConversationState through a multi-turn conversation', async () => {
      const run = async (storage: Storage, text: string): Promise<string[]> => {
        const state = new ConversationState(storage);
        const counter = state.createProperty<number>('turns');
        const adapter = new TestAdapter(async (ctx) => {
          const n = ((await counter.get(ctx, 0)) ?? 0) + 1;
          await counter.set(ctx, n);
          await ctx.sendActivity(`turn ${n}`);
          await state.saveChanges(ctx);
        });
        const replies: string[] = [];
        await adapter.send(text).assertReply((a) => {
          replies.push(a.text ?? '');
        });
        return replies;
      };
      expect(await run(h.storage, 'one')).toEqual(['turn 1']);
      expect(await run(h.storage, 'two')).toEqual(['turn 2']);
      expect(await run(await h.reopen(), 'three')).toEqual(['turn 3']);
    });
  });
}
