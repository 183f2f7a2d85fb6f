/**
 * The PostgreSQL back-end against a real server (DATABASE_URL): the same contract suites as
 * lowdb, then what only a shared database adds — several instances writing at once.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import fc from 'fast-check';
import { compareCallSummaries, matchesCallQuery, summarise, type CallQuery, type CallSummary } from '../../../domain/calls.js';
import { ETagConflictError, StorageClosedError } from '../../../bot/storage/errors.js';
import type { Stores } from '../../../bot/storage/index.js';
import { InvalidTimeBoundError } from '../../../bot/storage/postgres/index.js';
import { describeCallStoreContract, message, newCall, scorecard } from './callStoreContract.js';
import { DATABASE_URL, SKIP_MESSAGE, adminQuery, dropSchema, freshSchemaName, freshStores, openStores } from './postgresHarness.js';
import { describeStateStorageContract } from './stateStorageContract.js';

if (!DATABASE_URL) {
  process.stderr.write(`\n${SKIP_MESSAGE}\n\n`);
  describe('PostgreSQL storage', () => {
    it.skip(SKIP_MESSAGE, () => undefined);
  });
} else {
  describeStateStorageContract('PostgreSQL', async () => {
    const db = await freshStores();
    return {
      storage: db.current().state,
      reopen: async () => (await db.reopen()).state,
      cleanup: db.cleanup,
    };
  });

  describeCallStoreContract('PostgreSQL', async () => {
    const db = await freshStores();
    return {
      store: db.current().calls,
      reopen: async () => (await db.reopen()).calls,
      cleanup: db.cleanup,
    };
  });

  describe('PostgreSQL: two instances sharing one database', () => {
    const schema = freshSchemaName();
    let a: Stores;
    let b: Stores;
    beforeAll(async () => {
      a = await openStores(schema);
      b = await openStores(schema);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await dropSchema(schema);
    });

    it('refuses a write carrying the eTag another instance has replaced', async () => {
      await a.state.write({ shared: { v: 1 } });
      const seenByB = (await b.state.read(['shared'])).shared;
      await a.state.write({ shared: { ...(await a.state.read(['shared'])).shared, v: 2 } });
      await expect(b.state.write({ shared: { ...seenByB, v: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await b.state.read(['shared'])).shared.v).toBe(2);
    });

    it('lets exactly one of two racing instances win, round after round', async () => {
      for (let round = 0; round < 20; round++) {
        const key = `race-${round}`;
        await a.state.write({ [key]: { v: 0 } });
        const [fromA, fromB] = await Promise.all([a.state.read([key]), b.state.read([key])]);
        expect(fromA[key].eTag).toBe(fromB[key].eTag);
        const results = await Promise.allSettled([
          a.state.write({ [key]: { ...fromA[key], v: 'a' } }),
          b.state.write({ [key]: { ...fromB[key], v: 'b' } }),
        ]);
        const won = results.map((r) => r.status === 'fulfilled');
        expect(won.filter(Boolean)).toHaveLength(1);
        const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(lost?.reason).toBeInstanceOf(ETagConflictError);
        expect((await a.state.read([key]))[key].v).toBe(won[0] ? 'a' : 'b');
      }
    });

    it('lets "*" writes from both instances through (last writer wins)', async () => {
      await Promise.all([a.state.write({ star: { v: 'a', eTag: '*' } }), b.state.write({ star: { v: 'b', eTag: '*' } })]);
      expect(['a', 'b']).toContain((await a.state.read(['star'])).star.v);
    });

    it('keeps every batch whole when both instances append to one call at once', async () => {
      const call = await a.calls.create(newCall('Mo', 's1'));
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 === 0 ? a : b).calls.appendActivities(call.id, [message('user', `q${i}`), message('bot', `a${i}`, 'customer')]),
        ),
      );
      const texts = (await b.calls.get(call.id))?.transcript.map((t) => t.text) ?? [];
      expect(texts).toHaveLength(24);
      for (let i = 0; i < 12; i++) expect(texts.indexOf(`a${i}`)).toBe(texts.indexOf(`q${i}`) + 1);
    });

    it('finishes a call once, whichever instance asks first', async () => {
      const call = await a.calls.create(newCall('Nia', 's1'));
      const results = await Promise.allSettled([
        a.calls.finish(call.id, { status: 'abandoned' }),
        b.calls.finish(call.id, { status: 'ended', scorecard: scorecard('s1', 90, true) }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { name: 'CallStateError' } });
    });
  });

  describe('PostgreSQL: storage layout', () => {
    let db: Awaited<ReturnType<typeof freshStores>>;
    beforeAll(async () => {
      db = await freshStores();
    });
    afterAll(async () => {
      await db.cleanup();
    });

    it('stores a turn as new activity rows, leaving the call row and earlier rows as they were', async () => {
      const { calls } = db.current();
      const call = await calls.create(newCall('Ola', 's1'));
      const rowOf = async () => (await adminQuery(`SELECT * FROM ${db.schema}.calls WHERE id = $1`, [call.id]))[0];
      const before = await rowOf();
      await calls.appendActivities(call.id, [message('user', 'one'), message('bot', 'two', 'customer')]);
      const first = await adminQuery(`SELECT seq, activity FROM ${db.schema}.call_activities WHERE call_id = $1 ORDER BY seq`, [call.id]);
      await calls.appendActivities(call.id, [message('user', 'three')]);
      const after = await adminQuery<{ seq: number; activity: string }>(
        `SELECT seq, activity FROM ${db.schema}.call_activities WHERE call_id = $1 ORDER BY seq`,
        [call.id],
      );
      expect(after.map((r) => r.seq)).toEqual([0, 1, 2]);
      expect(after.slice(0, 2)).toEqual(first);
      expect(after.map((r) => JSON.parse(r.activity).text)).toEqual(['one', 'two', 'three']);
      expect(await rowOf()).toEqual(before);
    });

    it('removes a call’s activities with the call', async () => {
      const { calls } = db.current();
      const call = await calls.create(newCall('Pip', 's1'));
      await calls.appendActivities(call.id, [message('user', 'hello')]);
      expect(await calls.deleteByLearner('learner-Pip')).toBe(1);
      const left = await adminQuery(`SELECT count(*)::INT AS n FROM ${db.schema}.call_activities WHERE call_id = $1`, [call.id]);
      expect(left[0].n).toBe(0);
    });

    it('deletes in batches beyond one statement’s worth', async () => {
      const { calls } = db.current();
      await adminQuery(
        `INSERT INTO ${db.schema}.calls (id, id_key, learner_id, learner_name, learner_key, scenario, scenario_key, mode, seed, started_at, status)
         SELECT 'bulk-' || g, '\\x00'::BYTEA, 'learner-bulk', 'Bulk', '\\x00'::BYTEA, 's', '\\x00'::BYTEA, 'practice', 1,
                TIMESTAMPTZ '2020-01-01T00:00:00Z', 'ended'
         FROM generate_series(1, 1234) AS g`,
      );
      expect(await calls.deleteOlderThan('2021-01-01T00:00:00.000Z')).toBe(1234);
      expect((await calls.list({ learner: 'learner-bulk' })).total).toBe(0);
    });

    it('keeps an activity’s JSON byte for byte, including characters jsonb refuses', async () => {
      const { calls } = db.current();
      const call = await calls.create(newCall('Quin', 's1'));
      const odd = { ...message('user', 'nul \u0000 here, emoji 🎧, quotes "\\"'), channelData: { z: 1, a: 2 } };
      await calls.appendActivities(call.id, [odd]);
      expect((await calls.get(call.id))?.transcript[0]).toEqual(odd);
      await calls.addDispute(call.id, { criterion: 'c', reason: 'nul \u0000 in a reason', by: 'me', at: '2025-03-05T12:00:00.000Z' });
      expect((await calls.get(call.id))?.disputes[0].reason).toBe('nul \uFFFD in a reason');
    });

    it('rejects a date bound that is not a real date, naming it', async () => {
      await expect(db.current().calls.list({ from: '2025-02-30' })).rejects.toBeInstanceOf(InvalidTimeBoundError);
    });

    it('refuses use after close', async () => {
      const other = await openStores(db.schema);
      await other.close();
      await expect(other.state.read(['a'])).rejects.toBeInstanceOf(StorageClosedError);
      await expect(other.calls.list()).rejects.toBeInstanceOf(StorageClosedError);
    });
  });

  describe('PostgreSQL: list agrees with the shared filter and sort on varied data', () => {
    let db: Awaited<ReturnType<typeof freshStores>>;
    const expected: CallSummary[] = [];
    const names = ['ann', 'Ann', 'bob', 'Éva', 'zoë', '👩 Kim', 'Zed', '_x', 'a-b'];
    const scenarios = ['place-ergo-chairs', 'late-delivery', 'Returns', 'z'];
    const days = ['2025-03-01', '2025-03-02', '2025-03-03'];
    const times = ['00:00:00.000', '08:00:00.000', '08:00:59.999', '23:59:59.999'];

    beforeAll(async () => {
      db = await freshStores();
      const { calls } = db.current();
      // Deterministic variety: repeated start times, score ties, unmarked and unfinished calls.
      for (let i = 0; i < 120; i++) {
        const name = names[i % names.length];
        const startedAt = `${days[i % 3]}T${times[(i >> 2) % times.length]}Z`;
        const created = await calls.create({
          id: `c${(i * 7919) % 1000}-${i}`,
          learner: { id: `learner-${name}`, name },
          scenario: scenarios[(i >> 1) % scenarios.length],
          mode: i % 5 === 0 ? 'assessment' : 'practice',
          seed: i,
          startedAt,
        });
        let row = summarise(created);
        if (i % 4 === 1) row = await calls.finish(created.id, { status: 'abandoned', endedAt: `${days[(i + 1) % 3]}T09:00:00.000Z` });
        if (i % 4 >= 2) {
          const score = [40, 55, 70, 70, 85.5, 100][i % 6];
          row = await calls.finish(created.id, { status: 'ended', scorecard: scorecard('x', score, score >= 70) });
          // some disputed, some of those answered by a moderation
          if (i % 3 === 0) {
            await calls.addDispute(created.id, { criterion: 'opening', reason: 'r', by: 'me', at: '2025-03-05T12:00:00.000Z' });
            if (i % 9 === 0) await calls.addModeration(created.id, { criterion: 'opening', mark: 'met', reason: 'r', by: 'a', at: '2025-03-05T12:00:00.000Z' });
            row = summarise((await calls.get(created.id))!);
          }
        }
        expected.push(row);
      }
    });
    afterAll(async () => {
      await db.cleanup();
    });

    const bound = fc.oneof(
      fc.constantFrom(...days, '2025-02-28', '2025-03-04'),
      fc.tuple(fc.constantFrom(...days), fc.constantFrom('00:00', '08:00', '08:01', '23:59')).map(([d, t]) => `${d}T${t}`),
      fc.tuple(fc.constantFrom(...days), fc.constantFrom(...times)).map(([d, t]) => `${d}T${t}Z`),
    );
    /** Present in about one query in four, so most queries still match something. */
    const sometimes = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
    const query: fc.Arbitrary<CallQuery> = fc
      .record({
        learner: sometimes(fc.constantFrom(...names.map((n) => `learner-${n}`), 'learner-nobody')),
        scenario: sometimes(fc.constantFrom(...scenarios)),
        status: sometimes(fc.constantFrom('in-progress' as const, 'ended' as const, 'abandoned' as const)),
        mode: sometimes(fc.constantFrom('practice' as const, 'assessment' as const)),
        passed: sometimes(fc.boolean()),
        disputed: sometimes(fc.boolean()),
        from: sometimes(bound),
        to: sometimes(bound),
        sort: fc.option(fc.constantFrom('startedAt' as const, 'endedAt' as const, 'score' as const, 'learner' as const, 'scenario' as const), { nil: undefined }),
        order: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }),
        limit: fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        offset: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      })
      .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as CallQuery);

    it('returns the same page and total as matchesCallQuery + compareCallSummaries', async () => {
      const { calls } = db.current();
      let nonEmpty = 0;
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const matches = expected.filter((r) => matchesCallQuery(r, q)).sort(compareCallSummaries(q));
          const offset = q.offset ?? 0;
          const want = { total: matches.length, rows: matches.slice(offset, q.limit === undefined ? undefined : offset + q.limit) };
          if (want.rows.length > 1) nonEmpty += 1;
          expect(await calls.list(q)).toEqual(want);
        }),
        { numRuns: 300, seed: 20250304 },
      );
      // The comparison means something only if many pages hold several rows to order.
      expect(nonEmpty).toBeGreaterThan(100);
    });
  });
}
