/**
 * Contract tests for a `CallStore` (domain/calls.ts): every back-end runs this suite
 * (lowdb now; PostgreSQL with STORAGE=postgres).
 */
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import {
  CallNotFoundError,
  CallStateError,
  DuplicateCallError,
  type CallScorecard,
  type CallStore,
  type NewCall,
} from '../../../domain/calls.js';
import type { TranscriptActivity } from '../../../domain/transcript.js';

export interface CallStoreHarness {
  store: CallStore;
  /** Closes the store and opens the same data again. */
  reopen(): Promise<CallStore>;
  cleanup(): Promise<void>;
}

/** A new call for learner `who` on `scenario`, started at `startedAt`. */
export function newCall(who: string, scenario: string, startedAt?: string, extra: Partial<NewCall> = {}): NewCall {
  return {
    learner: { id: `learner-${who}`, name: who },
    scenario,
    mode: 'practice',
    seed: 42,
    ...(startedAt ? { startedAt } : {}),
    ...extra,
  };
}

/** A contract §4 learner or bot message. */
export function message(role: 'user' | 'bot', text: string, speaker?: 'customer' | 'desk' | 'coach'): TranscriptActivity {
  return {
    type: 'message',
    text,
    timestamp: new Date().toISOString(),
    from: { id: role === 'user' ? 'learner' : 'bot', role },
    ...(speaker ? { channelData: { speaker } } : {}),
  };
}

/** A scorecard with one criterion, the score and pass given. */
export function scorecard(scenario: string, score: number, passed: boolean): CallScorecard {
  return {
    scenario,
    criteria: { opening: { mark: passed ? 'met' : 'missed', evidence: [{ activity: 1, quote: 'Good morning' }], note: '' } },
    score,
    passed,
  };
}

export function describeCallStoreContract(name: string, make: () => Promise<CallStoreHarness>): void {
  describe(`${name}: call store contract`, () => {
    let h: CallStoreHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('creates an in-progress record with an empty transcript', async () => {
      const created = await h.store.create(newCall('Asha', 'place-ergo-chairs', '2025-03-04T09:30:00.000Z'));
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      const got = await h.store.get(created.id);
      expect(got).toEqual({
        id: created.id,
        learner: { id: 'learner-Asha', name: 'Asha' },
        scenario: 'place-ergo-chairs',
        mode: 'practice',
        seed: 42,
        startedAt: '2025-03-04T09:30:00.000Z',
        status: 'in-progress',
        transcript: [],
        moderation: [],
        hints: [],
        disputes: [],
      });
    });

    it('stamps startedAt with the current time when not given', async () => {
      const before = new Date().toISOString();
      const created = await h.store.create(newCall('Ben', 's1'));
      expect(created.startedAt >= before).toBe(true);
      expect(created.startedAt <= new Date().toISOString()).toBe(true);
    });

    it('refuses a second record with the same id, and ids that could name a path', async () => {
      await h.store.create(newCall('Cat', 's1', undefined, { id: 'call-1' }));
      await expect(h.store.create(newCall('Cat', 's1', undefined, { id: 'call-1' }))).rejects.toBeInstanceOf(DuplicateCallError);
      await expect(h.store.create(newCall('Cat', 's1', undefined, { id: '../escape' }))).rejects.toThrow();
      expect(await h.store.get('../escape')).toBeUndefined();
      expect(await h.store.get('no-such-call')).toBeUndefined();
    });

    it('appends turns in order and keeps calls apart', async () => {
      const a = await h.store.create(newCall('Dev', 's1'));
      const b = await h.store.create(newCall('Eve', 's1'));
      await h.store.appendActivities(a.id, [message('user', '/start s1'), message('bot', 'Briefing…', 'coach')]);
      await h.store.appendActivities(b.id, [message('user', '/start s1')]);
      await h.store.appendActivities(a.id, [message('user', 'Good morning, Harbour & Pike, Dev speaking')]);
      await h.store.appendActivities(a.id, [message('bot', 'Hello, it’s Jo from Hill Dental', 'customer')]);
      const got = await h.store.get(a.id);
      expect(got?.transcript.map((t) => t.text)).toEqual([
        '/start s1',
        'Briefing…',
        'Good morning, Harbour & Pike, Dev speaking',
        'Hello, it’s Jo from Hill Dental',
      ]);
      expect(got?.transcript[3].channelData?.speaker).toBe('customer');
      expect((await h.store.get(b.id))?.transcript).toHaveLength(1);
    });

    it('keeps appends made concurrently to one call, each batch whole', async () => {
      const c = await h.store.create(newCall('Fay', 's1'));
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => h.store.appendActivities(c.id, [message('user', `q${i}`), message('bot', `a${i}`, 'customer')])),
      );
      const texts = (await h.store.get(c.id))?.transcript.map((t) => t.text) ?? [];
      expect(texts).toHaveLength(20);
      for (let i = 0; i < 10; i++) expect(texts.indexOf(`a${i}`)).toBe(texts.indexOf(`q${i}`) + 1);
    });

    it('refuses to append to a call that does not exist', async () => {
      await expect(h.store.appendActivities('missing', [message('user', 'hi')])).rejects.toBeInstanceOf(CallNotFoundError);
    });

    it('finishes a call with its scorecard, once', async () => {
      const c = await h.store.create(newCall('Gus', 'late-delivery'));
      const row = await h.store.finish(c.id, {
        status: 'ended',
        endedAt: '2025-03-04T10:00:00.000Z',
        scorecard: scorecard('late-delivery', 81, true),
      });
      expect(row).toMatchObject({ id: c.id, status: 'ended', score: 81, passed: true, endedAt: '2025-03-04T10:00:00.000Z' });
      const got = await h.store.get(c.id);
      expect(got?.scorecard).toEqual(scorecard('late-delivery', 81, true));
      await expect(h.store.finish(c.id, { status: 'abandoned' })).rejects.toBeInstanceOf(CallStateError);
      await expect(h.store.finish('missing', { status: 'abandoned' })).rejects.toBeInstanceOf(CallNotFoundError);
    });

    it('keeps an abandoned call unmarked', async () => {
      const c = await h.store.create(newCall('Hal', 's1'));
      await h.store.finish(c.id, { status: 'abandoned' });
      const got = await h.store.get(c.id);
      expect(got?.status).toBe('abandoned');
      expect(got?.endedAt).toBeDefined();
      expect(got?.score).toBeUndefined();
      expect(got?.scorecard).toBeUndefined();
    });

    it('records moderation, hints and disputes', async () => {
      const c = await h.store.create(newCall('Ivy', 's1'));
      const at = '2025-03-05T12:00:00.000Z';
      await h.store.addHint(c.id, { at, text: 'Check the stock before promising.', criterion: 'check_stock' });
      await h.store.finish(c.id, { status: 'ended', scorecard: scorecard('s1', 60, false) });
      await h.store.addDispute(c.id, { criterion: 'opening', reason: 'I did give my name', by: 'learner-Ivy', at });
      await h.store.addModeration(c.id, { criterion: 'opening', mark: 'met', reason: 'Name given in message 2', by: 'assessor-1', at });
      const got = await h.store.get(c.id);
      expect(got?.hints).toEqual([{ at, text: 'Check the stock before promising.', criterion: 'check_stock' }]);
      expect(got?.disputes).toEqual([{ criterion: 'opening', reason: 'I did give my name', by: 'learner-Ivy', at }]);
      expect(got?.moderation).toEqual([{ criterion: 'opening', mark: 'met', reason: 'Name given in message 2', by: 'assessor-1', at }]);
      expect(got?.score).toBe(60);
      await expect(
        h.store.addModeration('missing', { criterion: 'opening', mark: 'met', reason: '', by: 'a', at }),
      ).rejects.toBeInstanceOf(CallNotFoundError);
    });

    describe('open disputes', () => {
      const at = (minute: number): string => `2025-03-05T12:${String(minute).padStart(2, '0')}:00.000Z`;
      const row = async (id: string) => (await h.store.list()).rows.find((r) => r.id === id);
      const disputedIds = async (disputed: boolean) => (await h.store.list({ disputed })).rows.map((r) => r.id).sort();

      beforeEach(async () => {
        for (const who of ['Jo', 'Kit', 'Lee']) {
          const c = await h.store.create(newCall(who, 's1', `2025-03-0${who.length + 1}T09:00:00.000Z`, { id: `call-${who}` }));
          await h.store.finish(c.id, { status: 'ended', scorecard: scorecard('s1', 50, false) });
        }
      });

      it('counts a learner’s disputes in the summary row until an assessor moderates that criterion', async () => {
        expect(await row('call-Jo')).toMatchObject({ openDisputes: 0 });
        await h.store.addDispute('call-Jo', { criterion: 'opening', reason: 'I gave my name', by: 'learner-Jo', at: at(1) });
        await h.store.addDispute('call-Jo', { criterion: 'state_price', reason: 'I said £965.52', by: 'learner-Jo', at: at(2) });
        expect(await row('call-Jo')).toMatchObject({ openDisputes: 2 });
        // another criterion answers nothing; a mark on the disputed one answers it
        await h.store.addModeration('call-Jo', { criterion: 'close_call', mark: 'met', reason: 'ok', by: 'assessor-1', at: at(3) });
        expect(await row('call-Jo')).toMatchObject({ openDisputes: 2 });
        await h.store.addModeration('call-Jo', { criterion: 'opening', mark: 'missed', reason: 'No name given', by: 'assessor-1', at: at(4) });
        expect(await row('call-Jo')).toMatchObject({ openDisputes: 1 });
        // a later dispute of the same criterion is open again
        await h.store.addDispute('call-Jo', { criterion: 'opening', reason: 'Message 3 has it', by: 'learner-Jo', at: at(5) });
        expect(await row('call-Jo')).toMatchObject({ openDisputes: 2 });
        await h.store.addModeration('call-Jo', { criterion: 'opening', mark: 'met', reason: 'Yes, message 3', by: 'assessor-1', at: at(5) });
        await h.store.addModeration('call-Jo', { criterion: 'state_price', mark: 'met', reason: 'Right total', by: 'assessor-1', at: at(6) });
        expect(await row('call-Jo')).toMatchObject({ openDisputes: 0 });
        expect((await h.store.get('call-Jo'))?.disputes).toHaveLength(3);
      });

      it('filters calls with and without open disputes, with the other filters and paging', async () => {
        await h.store.addDispute('call-Kit', { criterion: 'opening', reason: 'r', by: 'learner-Kit', at: at(1) });
        await h.store.addDispute('call-Lee', { criterion: 'opening', reason: 'r', by: 'learner-Lee', at: at(1) });
        await h.store.addModeration('call-Lee', { criterion: 'opening', mark: 'met', reason: 'r', by: 'assessor-1', at: at(2) });
        expect(await disputedIds(true)).toEqual(['call-Kit']);
        expect(await disputedIds(false)).toEqual(['call-Jo', 'call-Lee']);
        await h.store.addDispute('call-Jo', { criterion: 'close_call', reason: 'r', by: 'learner-Jo', at: at(3) });
        expect(await disputedIds(true)).toEqual(['call-Jo', 'call-Kit']);
        const page = await h.store.list({ disputed: true, sort: 'startedAt', order: 'asc', limit: 1 });
        expect({ total: page.total, ids: page.rows.map((r) => r.id) }).toEqual({ total: 2, ids: ['call-Jo'] });
        expect((await h.store.list({ disputed: true, learner: 'learner-Kit' })).rows.map((r) => r.openDisputes)).toEqual([1]);
        expect((await h.store.list({ disputed: true, learner: 'learner-Lee' })).total).toBe(0);
      });

      it('keeps the counts across a reopen', async () => {
        await h.store.addDispute('call-Kit', { criterion: 'opening', reason: 'r', by: 'learner-Kit', at: at(1) });
        const before = await h.store.list();
        const again = await h.reopen();
        expect(await again.list()).toEqual(before);
        expect((await again.list({ disputed: true })).rows.map((r) => r.id)).toEqual(['call-Kit']);
      });
    });

    describe('list', () => {
      beforeEach(async () => {
        const rows: [string, string, string, number | null, 'ended' | 'abandoned' | null][] = [
          ['Ann', 'place-ergo-chairs', '2025-03-01T09:00:00.000Z', 80, 'ended'],
          ['Ann', 'late-delivery', '2025-03-02T23:59:59.999Z', 55, 'ended'],
          ['Bob', 'place-ergo-chairs', '2025-03-03T00:00:00.000Z', 72, 'ended'],
          ['Bob', 'late-delivery', '2025-03-04T08:00:00.000Z', null, 'abandoned'],
          ['Cy', 'place-ergo-chairs', '2025-03-05T08:00:00.000Z', null, null],
        ];
        for (const [who, scenario, startedAt, score, status] of rows) {
          const c = await h.store.create(newCall(who, scenario, startedAt, { id: `${who}-${startedAt.slice(0, 10)}` }));
          await h.store.appendActivities(c.id, [message('user', `/start ${scenario}`)]);
          if (status === 'ended') await h.store.finish(c.id, { status, scorecard: scorecard(scenario, score as number, (score as number) >= 70) });
          if (status === 'abandoned') await h.store.finish(c.id, { status });
        }
      });

      it('returns summary rows, newest first, without transcripts', async () => {
        const page = await h.store.list();
        expect(page.total).toBe(5);
        expect(page.rows.map((r) => r.id)).toEqual([
          'Cy-2025-03-05',
          'Bob-2025-03-04',
          'Bob-2025-03-03',
          'Ann-2025-03-02',
          'Ann-2025-03-01',
        ]);
        for (const row of page.rows) {
          expect(row).not.toHaveProperty('transcript');
          expect(row).not.toHaveProperty('scorecard');
        }
        expect(page.rows[2]).toEqual({
          id: 'Bob-2025-03-03',
          learner: { id: 'learner-Bob', name: 'Bob' },
          scenario: 'place-ergo-chairs',
          mode: 'practice',
          startedAt: '2025-03-03T00:00:00.000Z',
          endedAt: expect.any(String),
          status: 'ended',
          score: 72,
          passed: true,
          openDisputes: 0,
        });
      });

      it('filters by learner, scenario, status and result', async () => {
        const ids = async (q: Parameters<CallStore['list']>[0]) => (await h.store.list(q)).rows.map((r) => r.id).sort();
        expect(await ids({ learner: 'learner-Ann' })).toEqual(['Ann-2025-03-01', 'Ann-2025-03-02']);
        expect(await ids({ scenario: 'late-delivery' })).toEqual(['Ann-2025-03-02', 'Bob-2025-03-04']);
        expect(await ids({ status: 'in-progress' })).toEqual(['Cy-2025-03-05']);
        expect(await ids({ status: 'abandoned' })).toEqual(['Bob-2025-03-04']);
        expect(await ids({ passed: true })).toEqual(['Ann-2025-03-01', 'Bob-2025-03-03']);
        expect(await ids({ passed: false })).toEqual(['Ann-2025-03-02']);
        expect(await ids({ learner: 'learner-Bob', scenario: 'place-ergo-chairs' })).toEqual(['Bob-2025-03-03']);
        expect(await ids({ mode: 'assessment' })).toEqual([]);
      });

      it('bounds by start date inclusively, by day or by instant', async () => {
        const ids = async (q: Parameters<CallStore['list']>[0]) => (await h.store.list(q)).rows.map((r) => r.id).sort();
        expect(await ids({ from: '2025-03-02', to: '2025-03-03' })).toEqual(['Ann-2025-03-02', 'Bob-2025-03-03']);
        expect(await ids({ to: '2025-03-01' })).toEqual(['Ann-2025-03-01']);
        expect(await ids({ from: '2025-03-04T08:00:00.000Z' })).toEqual(['Bob-2025-03-04', 'Cy-2025-03-05']);
      });

      it('sorts by score either way, unmarked calls last, and pages', async () => {
        const asc = await h.store.list({ sort: 'score', order: 'asc' });
        expect(asc.rows.map((r) => r.score ?? null)).toEqual([55, 72, 80, null, null]);
        const desc = await h.store.list({ sort: 'score', order: 'desc', limit: 2, offset: 1 });
        expect(desc.total).toBe(5);
        expect(desc.rows.map((r) => r.score)).toEqual([72, 55]);
        const byLearner = await h.store.list({ sort: 'learner', order: 'asc', limit: 1 });
        expect(byLearner.rows[0].learner.name).toBe('Ann');
      });

      it('deletes a learner’s calls, and calls older than a date', async () => {
        expect(await h.store.deleteByLearner('learner-Ann')).toBe(2);
        expect(await h.store.get('Ann-2025-03-01')).toBeUndefined();
        expect((await h.store.list()).total).toBe(3);
        expect(await h.store.deleteOlderThan('2025-03-04T00:00:00.000Z')).toBe(1);
        expect((await h.store.list()).rows.map((r) => r.id)).toEqual(['Cy-2025-03-05', 'Bob-2025-03-04']);
        expect(await h.store.deleteByLearner('learner-nobody')).toBe(0);
      });

      it('keeps everything across a reopen', async () => {
        const before = await h.store.list();
        const full = await h.store.get('Ann-2025-03-01');
        const again = await h.reopen();
        expect(await again.list()).toEqual(before);
        expect(await again.get('Ann-2025-03-01')).toEqual(full);
      });
    });

    it('answers ping while open', async () => {
      await expect(h.store.ping()).resolves.toBeUndefined();
    });
  });
}
