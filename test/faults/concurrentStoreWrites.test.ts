/**
 * Many learners start and finish calls at the same moment (a class starting together): the
 * lowdb call store's shared index must take every create and finish, in any interleaving.
 */
import { describe, it, expect } from '@jest/globals';
import { LowdbCallStore } from '../../bot/storage/index.js';
import { makeTempDir } from '../bot/storage/tempDir.js';

describe('lowdb call store under concurrent calls', () => {
  it('keeps every call when 64 are created, appended to and finished at once, and after reopening', async () => {
    const tmp = await makeTempDir();
    try {
      const store = await LowdbCallStore.open(tmp.dir);
      const ids = Array.from({ length: 64 }, (_, i) => `call-${i}`);
      await Promise.all(
        ids.map(async (id, i) => {
          await store.create({ id, learner: { id: `learner-${i % 8}`, name: 'Sam' }, scenario: 'place-ergo-chairs', mode: 'practice', seed: i });
          // Readers of the index run alongside the writers.
          await store.list({ learner: `learner-${i % 8}` });
          await store.appendActivities(id, [{ type: 'message', from: { role: 'user' }, text: `/start place-ergo-chairs ${i}` }]);
          await store.finish(id, { status: i % 2 ? 'ended' : 'abandoned' });
        }),
      );
      const listed = await store.list();
      expect(listed.total).toBe(64);
      expect(new Set(listed.rows.map((r) => r.id))).toEqual(new Set(ids));
      expect(listed.rows.every((r) => r.status !== 'in-progress')).toBe(true);
      await store.close();

      const reopened = await LowdbCallStore.open(tmp.dir);
      const again = await reopened.list({ status: 'ended' });
      expect(again.total).toBe(32);
      expect((await reopened.get('call-7'))?.transcript.map((a) => a.text)).toEqual(['/start place-ergo-chairs 7']);
      await reopened.close();
    } finally {
      await tmp.remove();
    }
  });
});
