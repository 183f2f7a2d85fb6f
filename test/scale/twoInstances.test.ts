/**
 * Two trainer processes on one PostgreSQL database (`STORAGE=postgres`), as behind a load
 * balancer: the turns of the same calls go alternately to each, and turns of one conversation
 * arrive at both at once. Every call is whole and in order with its scorecard, and no turn's
 * state is lost. Each run has its own schema (PGOPTIONS search_path, as decision 0005 sets
 * it), dropped afterwards. Skipped without DATABASE_URL (CI provides PostgreSQL).
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { ServerProcess } from '../../bench/child.js';
import { LearnerClient } from '../../bench/learner.js';
import { createScratchSchema, type ScratchSchema } from '../../bench/postgres.js';
import type { Stores } from '../../bot/storage/index.js';
import { ScriptedLearner, expectStoredCallMatches, messageTexts, startTrainer } from '../faults/helpers.js';

const DATABASE_URL = process.env.DATABASE_URL || undefined;
const SKIP = 'Scale tests skipped: DATABASE_URL is not set (e.g. DATABASE_URL=postgres://trainer:trainer@localhost:5432/trainer)';

if (!DATABASE_URL) {
  process.stderr.write(`\n${SKIP}\n\n`);
  describe('two instances on one database', () => {
    it.skip(SKIP, () => undefined);
  });
} else {
  describe('two instances on one database', () => {
    let schema: ScratchSchema;
    let a: ServerProcess;
    let b: ServerProcess;
    let stores: Stores;

    beforeAll(async () => {
      schema = await createScratchSchema(DATABASE_URL, 'oct_scale');
      [a, b] = await Promise.all([startTrainer(schema.env), startTrainer(schema.env)]);
      stores = await schema.open();
    }, 120_000);

    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await stores?.close();
      await schema?.drop();
    }, 60_000);

    it('keeps every call whole and in order when its turns alternate between the instances', async () => {
      const learners = Array.from({ length: 6 }, (_, i) => new ScriptedLearner(new LearnerClient(a.url, `conv-alternate-${i}`)));
      // Learner i starts on instance i % 2, then every turn goes to the other one.
      await Promise.all(learners.map((l, i) => l.run((turn) => ((turn + i) % 2 === 0 ? a.url : b.url))));
      for (const learner of learners) {
        expect(learner.scorecard?.score).toEqual(expect.any(Number));
        await expectStoredCallMatches(stores.calls, learner);
      }
    }, 180_000);

    it('runs turns of one conversation sent to both instances at once one after another, losing none', async () => {
      const client = new LearnerClient(a.url, 'conv-both-at-once');
      await client.send({ kind: 'say', text: '/start place-ergo-chairs' });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => client.send({ kind: 'say', text: '/place CH-ERG-200 1' }, i % 2 === 0 ? a.url : b.url)),
      );
      const orders = results.map((r) => /Order (SO-\d+) placed/.exec(messageTexts(r.replies).join('\n'))?.[1]).sort();
      expect(orders).toEqual(['SO-49002', 'SO-49003', 'SO-49004', 'SO-49005', 'SO-49006', 'SO-49007']);
      const [row] = (await stores.calls.list({ learner: client.learnerId })).rows;
      expect((await stores.calls.get(row.id))?.transcript.filter((t) => t.text === '/place CH-ERG-200 1')).toHaveLength(6);
    }, 60_000);

    it('leaves no turn lock held once the turns are done', async () => {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT count(*)::INT AS n FROM ${schema.name}.turn_locks`);
        expect(rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    });
  });
}
