/**
 * The PostgreSQL turn lock (lease rows) on a real server: two locks on separate pools (as two
 * instances) serialise work per key and not across keys; a lease left by a dead instance is
 * taken over once it lapses; a lease held too long gives a timeout naming the holder; a
 * failing turn still releases. Skipped without DATABASE_URL.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type pg from 'pg';
import { createScratchSchema, type ScratchSchema } from '../../bench/postgres.js';
import { silentLogger } from '../../bot/logger.js';
import { openPool } from '../../bot/storage/postgres/pool.js';
import { PostgresTurnLock, TurnLockTimeoutError } from '../../bot/turns/index.js';

const DATABASE_URL = process.env.DATABASE_URL || undefined;
const SKIP = 'PostgreSQL turn lock tests skipped: DATABASE_URL is not set';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (!DATABASE_URL) {
  describe('PostgreSQL turn lock', () => {
    it.skip(SKIP, () => undefined);
  });
} else {
  describe('PostgreSQL turn lock', () => {
    let schema: ScratchSchema;
    const pools: pg.Pool[] = [];
    const pool = (): pg.Pool => {
      const p = openPool(DATABASE_URL, { logger: silentLogger(), schema: schema.name, max: 4 });
      pools.push(p);
      return p;
    };

    beforeAll(async () => {
      schema = await createScratchSchema(DATABASE_URL, 'oct_lock');
    }, 60_000);
    afterAll(async () => {
      await Promise.all(pools.map((p) => p.end()));
      await schema?.drop();
    });

    it('runs work on one key one at a time across instances, and different keys together', async () => {
      const one = new PostgresTurnLock(pool(), { logger: silentLogger() });
      const two = new PostgresTurnLock(pool(), { logger: silentLogger() });
      let inside = 0;
      let most = 0;
      const order: number[] = [];
      const work = (n: number) => async () => {
        inside++;
        most = Math.max(most, inside);
        await sleep(30);
        order.push(n);
        inside--;
        return n;
      };
      const results = await Promise.all([0, 1, 2, 3, 4, 5].map((n) => (n % 2 ? one : two).run('msteams/conv-a', work(n))));
      expect(results).toEqual([0, 1, 2, 3, 4, 5]);
      expect(most).toBe(1);
      expect(order).toHaveLength(6);

      // Different conversations do not wait for each other: all three are inside at once
      // (were they serialised, the first would wait for the others for ever and time out).
      let inside3 = 0;
      let allIn!: () => void;
      const everyoneInside = new Promise<void>((resolve) => (allIn = resolve));
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('keys waited for each other')), 10_000).unref());
      await Promise.all(
        ['x', 'y', 'z'].map((k) =>
          one.run(`msteams/${k}`, async () => {
            if (++inside3 === 3) allIn();
            await Promise.race([everyoneInside, timeout]);
          }),
        ),
      );
      expect(inside3).toBe(3);
    });

    it('takes over a lease whose instance died, once it lapses', async () => {
      const p = pool();
      const lock = new PostgresTurnLock(p, { logger: silentLogger(), leaseMs: 300 });
      // The row an instance leaves when it dies mid-turn: nobody renews or deletes it.
      await p.query(`INSERT INTO turn_locks (key_hash, holder, expires_at) SELECT sha256(convert_to($1, 'UTF8')), 'dead-instance', now() + INTERVAL '300 milliseconds'`, ['msteams/conv-dead']);
      const started = Date.now();
      const value = await lock.run('msteams/conv-dead', async () => 'ran');
      expect(value).toBe('ran');
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      const { rows } = await p.query('SELECT count(*)::INT AS n FROM turn_locks');
      expect(rows[0].n).toBe(0);
    });

    it('gives up after the wait, naming the holder, and releases after a failing turn', async () => {
      const holderLock = new PostgresTurnLock(pool(), { logger: silentLogger(), instance: 'instance-a' });
      const waiter = new PostgresTurnLock(pool(), { logger: silentLogger(), waitMs: 200 });
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const held = holderLock.run('msteams/conv-busy', () => {
        entered();
        return new Promise<void>((resolve) => (release = resolve));
      });
      await inside;
      const refused = waiter.run('msteams/conv-busy', async () => 'never');
      await expect(refused).rejects.toBeInstanceOf(TurnLockTimeoutError);
      await expect(refused).rejects.toThrow(/held by instance-a:/);
      release();
      await held;

      await expect(waiter.run('msteams/conv-busy', async () => {
        throw new Error('turn failed');
      })).rejects.toThrow('turn failed');
      expect(await waiter.run('msteams/conv-busy', async () => 'free again')).toBe('free again');
    });

    it('renews the lease while a long turn runs', async () => {
      const p = pool();
      const slow = new PostgresTurnLock(p, { logger: silentLogger(), leaseMs: 150 });
      const other = new PostgresTurnLock(pool(), { logger: silentLogger(), leaseMs: 150 });
      let overlapped = false;
      let running = false;
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const long = slow.run('msteams/conv-long', async () => {
        running = true;
        entered();
        await sleep(600); // four times the lease: held only because it is renewed
        running = false;
      });
      await inside;
      await other.run('msteams/conv-long', async () => {
        overlapped = running;
      });
      await long;
      expect(overlapped).toBe(false);
    });
  });
}
