/**
 * The assessor API (contract §7) over HTTP: the real server on a random port, a real lowdb
 * CallStore seeded through its API. Off without tokens, 401 without a valid token, 400 on bad
 * input, filters and sorting, the call, its transcript download, moderation and the CSV.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { request } from 'node:http';
import type { CallRecord } from '../../domain/calls.js';
import { CRITERIA } from '../../domain/scenario/vocabulary.js';
import { startAssessorServer, parseCsv, type AssessorServer } from './harness.js';
import { HOSTILE_NAME, seedCalls, type Seeded } from './fixtures.js';

const TOKEN = 'tok-7c1d9e0b4a6f2385b1c0d9e8';
const OTHER = 'tok-00aa11bb22cc33dd44ee55ff';
const NOW = new Date('2025-03-10T12:00:00.000Z');
const auth = (token = TOKEN) => ({ Authorization: `Bearer ${token}` });

/** A GET with the path sent exactly as given (fetch would resolve `..` first). */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('assessor API with no tokens configured', () => {
  let s: AssessorServer;
  beforeAll(async () => {
    s = await startAssessorServer({ tokens: [], seed: seedCalls });
  });
  afterAll(async () => s.stop());

  it('answers 404 for every assessor path, with or without a token', async () => {
    for (const path of ['/api/assessor/calls', '/api/assessor/calls/call-sam-1', '/api/assessor/calls.csv', '/assessor', '/assessor/sign-in', '/assessor/static/assessor.css']) {
      const res = await fetch(`${s.url}${path}`, { headers: auth() });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.text()).not.toContain('Sam Patel');
    }
    const post = await fetch(`${s.url}/api/assessor/calls/call-sam-1/moderation`, {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ criterion: 'opening', mark: 'met', reason: 'x' }),
    });
    expect(post.status).toBe(404);
    expect((await s.calls.get('call-sam-1'))?.moderation).toEqual([]);
  });
});

describe('assessor API', () => {
  let s: AssessorServer;
  let seeded: Seeded;
  const get = (path: string, token: string | null = TOKEN) => fetch(`${s.url}${path}`, { headers: token === null ? {} : auth(token) });
  const rows = async (query: string) => {
    const res = await get(`/api/assessor/calls${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { id: string; learner: { id: string; name: string }; score: number | null; startedAt: string }[];
  };
  const moderate = (id: string, body: unknown, token = TOKEN) =>
    fetch(`${s.url}/api/assessor/calls/${id}/moderation`, { method: 'POST', headers: { ...auth(token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    s = await startAssessorServer({
      tokens: [`Ann Assessor:${TOKEN}`, OTHER],
      now: () => NOW,
      seed: async (calls) => {
        seeded = await seedCalls(calls);
      },
    });
  });
  afterAll(async () => s.stop());

  describe('authentication', () => {
    it('answers 401 with no data and a Bearer challenge when the token is missing, wrong or not a bearer token', async () => {
      const attempts: [string, Record<string, string>][] = [
        ['missing', {}],
        ['wrong', auth('not-the-token')],
        ['a prefix of the real one', auth(TOKEN.slice(0, -1))],
        ['basic scheme', { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }],
        ['empty bearer', { Authorization: 'Bearer ' }],
      ];
      for (const [what, headers] of attempts) {
        for (const path of ['/api/assessor/calls', '/api/assessor/calls/call-sam-1', '/api/assessor/calls/call-sam-1/transcript', '/api/assessor/calls.csv']) {
          const res = await fetch(`${s.url}${path}`, { headers });
          expect({ what, path, status: res.status }).toEqual({ what, path, status: 401 });
          expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="assessor"/);
          const body = (await res.json()) as Record<string, unknown>;
          expect(Object.keys(body).sort()).toEqual(['code', 'message']);
          expect(JSON.stringify(body)).not.toMatch(/Sam|Patel|call-sam|learner/);
        }
      }
    });

    it('checks the token before reading the request, so a bad request without a token is still 401', async () => {
      expect((await get('/api/assessor/calls?status=bogus', null)).status).toBe(401);
      expect((await get('/api/assessor/calls/..%2F..%2Fetc', null)).status).toBe(401);
      expect((await moderate('call-sam-1', { nonsense: true }, 'wrong')).status).toBe(401);
    });

    it('accepts every configured token, named or not', async () => {
      expect((await get('/api/assessor/calls', TOKEN)).status).toBe(200);
      expect((await get('/api/assessor/calls', OTHER)).status).toBe(200);
    });

    it('marks answers private (no caching)', async () => {
      const res = await get('/api/assessor/calls');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    });
  });

  describe('bad input', () => {
    it.each([
      ['an unknown parameter', '?colour=red', /unknown parameter "colour"/],
      ['a status that does not exist', '?status=finished', /status must be one of in-progress, ended, abandoned/],
      ['a date that does not exist', '?from=2025-02-30', /from must be a date/],
      ['a time without a zone', '?to=2025-03-04T10:00:00', /to must be a date/],
      ['from after to', '?from=2025-03-05&to=2025-03-04', /from is after "to"/],
      ['passed that is not true/false', '?passed=yes', /passed must be one of true, false/],
      ['a sort key that does not exist', '?sort=password', /sort must be one of/],
      ['a limit of 0', '?limit=0', /limit must be at least 1/],
      ['a negative offset', '?offset=-1', /offset must be a whole number/],
      ['a repeated parameter', '?learner=a&learner=b', /give "learner" only once/],
    ])('rejects %s with 400 and says what is wrong', async (_what, query, message) => {
      for (const path of ['/api/assessor/calls', '/api/assessor/calls.csv', '/api/assessor/cohort']) {
        if (path !== '/api/assessor/calls' && /limit|offset/.test(query)) continue;
        const res = await get(`${path}${query}`);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        const body = (await res.json()) as { code: string; message: string };
        expect(body.code).toBe('BadRequest');
        expect(body.message).toMatch(message);
      }
    });

    it.each(['..%2F..%2Fetc%2Fpasswd', '..', 'a.b', '%2e%2e', 'x'.repeat(65), 'call%00sam', 'caf%C3%A9'])(
      'rejects the call id %s with 400 and reads nothing',
      async (id) => {
        for (const suffix of ['', '/transcript', '/xapi']) {
          const res = await rawGet(s.url, `/api/assessor/calls/${id}${suffix}`, auth());
          expect([400, 404]).toContain(res.status);
          if (res.status === 400) expect((JSON.parse(res.body) as { message: string }).message).toMatch(/Bad path: id a call id is 1–64 letters/);
          expect(res.body).not.toMatch(/root:|Sam Patel/);
        }
        const post = await moderate(id, { criterion: 'opening', mark: 'met', reason: 'fine' });
        expect([400, 404]).toContain(post.status);
      },
    );

    it('rejects a call id with path characters as 400 specifically', async () => {
      const res = await get('/api/assessor/calls/..%2F..%2Fetc%2Fpasswd/transcript');
      expect(res.status).toBe(400);
    });

    it.each([
      ['no reason', { criterion: 'opening', mark: 'met' }, /reason is required/],
      ['a blank reason', { criterion: 'opening', mark: 'met', reason: '   ' }, /reason is required/],
      ['an unknown mark', { criterion: 'opening', mark: 'excellent', reason: 'x' }, /mark must be one of met, partly, missed, n\/a/],
      ['an unknown criterion', { criterion: 'charm', mark: 'met', reason: 'x' }, /criterion must be one of/],
      ['an extra field', { criterion: 'opening', mark: 'met', reason: 'x', by: 'someone else' }, /unknown field "by"/],
      ['an array', [{ criterion: 'opening', mark: 'met', reason: 'x' }], /expected a JSON object/],
    ])('rejects a moderation body with %s (400) and records nothing', async (_what, body, message) => {
      const res = await moderate(seeded.ids.sam1, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
      expect((await s.calls.get(seeded.ids.sam1))?.moderation.filter((m) => m.reason === 'x')).toEqual([]);
    });

    it('rejects a body that is not JSON', async () => {
      const res = await fetch(`${s.url}/api/assessor/calls/${seeded.ids.sam1}/moderation`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{"criterion": "opening",',
      });
      expect(res.status).toBe(400);
    });

    it('answers 404 for a well-formed id that does not exist', async () => {
      expect((await get('/api/assessor/calls/no-such-call')).status).toBe(404);
      expect((await get('/api/assessor/calls/no-such-call/transcript')).status).toBe(404);
      expect((await moderate('no-such-call', { criterion: 'opening', mark: 'met', reason: 'fine' })).status).toBe(404);
    });
  });

  describe('listing calls', () => {
    it('gives every call as the contract row, newest first by default', async () => {
      const list = await rows('');
      const expected = [...seeded.records].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1)).map((r) => r.id);
      expect(list.map((r) => r.id)).toEqual(expected);
      const sam1 = list.find((r) => r.id === seeded.ids.sam1) as unknown as Record<string, unknown>;
      expect(sam1).toEqual({
        id: 'call-sam-1',
        learner: { id: 'learner-sam', name: 'Sam Patel' },
        scenario: 'place-ergo-chairs',
        mode: 'practice',
        startedAt: '2025-03-03T09:00:00.000Z',
        endedAt: '2025-03-03T09:12:00.000Z',
        status: 'ended',
        score: 60,
        passed: false,
      });
      const kim = list.find((r) => r.id === seeded.ids.kim1) as unknown as Record<string, unknown>;
      expect(kim).toMatchObject({ status: 'in-progress', endedAt: null, score: null, passed: null });
    });

    it('treats empty parameters as no filter (the contract example)', async () => {
      expect((await rows('?learner=&scenario=&from=&to=&status=')).length).toBe(seeded.records.length);
    });

    const matching = (pred: (r: CallRecord) => boolean) => seeded.records.filter(pred).map((r) => r.id).sort();

    it('filters by learner, scenario, status, mode and result', async () => {
      const ids = async (q: string) => (await rows(q)).map((r) => r.id).sort();
      expect(await ids('?learner=learner-sam')).toEqual(matching((r) => r.learner.id === 'learner-sam'));
      expect(await ids('?scenario=place-ergo-chairs')).toEqual(matching((r) => r.scenario === 'place-ergo-chairs'));
      expect(await ids('?status=abandoned')).toEqual(matching((r) => r.status === 'abandoned'));
      expect(await ids('?mode=assessment')).toEqual(matching((r) => r.mode === 'assessment'));
      expect(await ids('?passed=true')).toEqual(matching((r) => r.passed === true));
      expect(await ids('?passed=false')).toEqual(matching((r) => r.passed === false));
      expect(await ids('?learner=learner-ann&status=ended')).toEqual([seeded.ids.ann1]);
      expect(await ids('?learner=nobody')).toEqual([]);
    });

    it('filters by a date range, "to" taking in the whole day', async () => {
      const ids = async (q: string) => (await rows(q)).map((r) => r.id).sort();
      expect(await ids('?from=2025-03-04&to=2025-03-05')).toEqual(matching((r) => r.startedAt >= '2025-03-04' && r.startedAt < '2025-03-06'));
      expect(await ids('?from=2025-03-06T08:00:00Z')).toEqual(matching((r) => r.startedAt >= '2025-03-06T08:00:00'));
      expect(await ids('?to=2025-03-03')).toEqual([seeded.ids.sam1]);
    });

    it('sorts by score, learner and start, either way, with unscored calls last', async () => {
      const byScore = await rows('?sort=score&order=asc');
      const scores = byScore.map((r) => r.score);
      const scored = scores.filter((x): x is number => x !== null);
      expect(scored).toEqual([...scored].sort((a, b) => a - b));
      expect(scores.slice(scored.length).every((x) => x === null)).toBe(true);
      const byLearner = (await rows('?sort=learner&order=asc')).map((r) => r.learner.name.toLowerCase());
      expect(byLearner).toEqual([...byLearner].sort());
      const oldest = await rows('?sort=startedAt&order=asc');
      expect(oldest.map((r) => r.startedAt)).toEqual([...oldest.map((r) => r.startedAt)].sort());
    });

    it('pages with limit and offset and reports the total in X-Total-Count', async () => {
      const all = await rows('?sort=startedAt&order=asc');
      const res = await get('/api/assessor/calls?sort=startedAt&order=asc&limit=2&offset=1');
      expect(res.headers.get('x-total-count')).toBe(String(all.length));
      expect(((await res.json()) as { id: string }[]).map((r) => r.id)).toEqual(all.slice(1, 3).map((r) => r.id));
    });
  });

  describe('one call', () => {
    it('gives the row, transcript, scorecard, moderation and disputes', async () => {
      const res = await get(`/api/assessor/calls/${seeded.ids.sam1}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown> & { transcript: unknown[]; scorecard: { score: number }; disputes: { criterion: string; resolved: boolean }[]; marks: Record<string, { machine: string; counts: string }> };
      const stored = seeded.records.find((r) => r.id === seeded.ids.sam1) as CallRecord;
      expect(body).toMatchObject({ id: stored.id, learner: { id: 'learner-sam', name: 'Sam Patel' }, scenario: stored.scenario, status: 'ended', score: 60, passed: false });
      expect(body.transcript).toEqual(stored.transcript);
      expect(body.scorecard).toEqual(stored.scorecard);
      expect(body.moderation).toEqual(stored.moderation);
      expect(body.disputes).toEqual([expect.objectContaining({ criterion: 'state_delivery', resolved: false })]);
      expect(Object.keys(body.marks)).toEqual([...CRITERIA]);
      expect(body.marks.state_price).toEqual({ machine: 'met', assessor: null, counts: 'met' });
    });

    it('gives an unmarked call with a null scorecard', async () => {
      const body = (await (await get(`/api/assessor/calls/${seeded.ids.kim1}`)).json()) as { scorecard: unknown; assessorOutcome: unknown };
      expect(body.scorecard).toBeNull();
      expect(body.assessorOutcome).toBeNull();
    });

    it('downloads the transcript as a .transcript file the Emulator opens (a JSON array of activities)', async () => {
      const res = await get(`/api/assessor/calls/${seeded.ids.sam1}/transcript`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="call-sam-1.transcript"');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const activities = JSON.parse(await res.text()) as { type: string; from: { role: string }; text: string }[];
      expect(Array.isArray(activities)).toBe(true);
      expect(activities).toEqual((seeded.records.find((r) => r.id === seeded.ids.sam1) as CallRecord).transcript);
      expect(activities[0]).toMatchObject({ type: 'message', from: { role: 'user' }, text: '/start place-ergo-chairs' });
    });
  });

  describe('moderation', () => {
    it('records the assessor mark with the assessor name and keeps the machine mark; the CSV shows it', async () => {
      const id = seeded.ids.sam1;
      // the learner disputed state_delivery: the call is the one with an open dispute until moderated
      expect((await rows('?disputed=true')).map((r) => r.id)).toEqual([id]);
      expect((await rows('?disputed=false')).map((r) => r.id)).not.toContain(id);
      const res = await moderate(id, { criterion: 'state_delivery', mark: 'met', reason: '  "Friday 7th" is the right date.  ' });
      expect(res.status).toBe(201);
      expect(await rows('?disputed=true')).toEqual([]);
      const entry = { criterion: 'state_delivery', mark: 'met', reason: '"Friday 7th" is the right date.', by: 'Ann Assessor', at: NOW.toISOString() };
      expect(await res.json()).toEqual(entry);

      const stored = (await s.calls.get(id)) as CallRecord;
      expect(stored.moderation).toEqual([entry]);
      expect(stored.scorecard?.criteria.state_delivery.mark).toBe('missed');

      const detail = (await (await get(`/api/assessor/calls/${id}`)).json()) as {
        moderation: unknown[];
        marks: Record<string, unknown>;
        disputes: { resolved: boolean }[];
        score: number;
        assessorOutcome: { score: number; passed: boolean };
      };
      expect(detail.moderation).toEqual([entry]);
      expect(detail.marks.state_delivery).toEqual({ machine: 'missed', assessor: 'met', counts: 'met' });
      expect(detail.disputes[0].resolved).toBe(true);
      expect(detail.score).toBe(60);
      // 12 + 2 of 20 points = 70, and no key criterion missed any more: a pass after moderation.
      expect(detail.assessorOutcome).toMatchObject({ score: 70, passed: true });

      const csv = parseCsv((await (await get('/api/assessor/calls.csv')).text()).replace(/^\uFEFF/, ''));
      const header = csv[0];
      const row = csv.find((r) => r[0] === id) as string[];
      const col = (name: string) => row[header.indexOf(name)];
      expect(col('state_delivery')).toBe('met');
      expect(col('state_price')).toBe('met');
      expect(col('check_credit')).toBe('missed');
      expect(col('score')).toBe('60');
      expect(col('passed')).toBe('false');
      expect(col('assessor_score')).toBe('70');
      expect(col('assessor_passed')).toBe('true');
      expect(col('moderated_criteria')).toBe('state_delivery');
      expect(col('open_disputes')).toBe('0');
    });

    it('records an unnamed token by its fingerprint, never the token itself', async () => {
      const res = await moderate(seeded.ids.sam2, { criterion: 'advise_offers', mark: 'met', reason: 'Said what the offer saves.' }, OTHER);
      expect(res.status).toBe(201);
      const { by } = (await res.json()) as { by: string };
      expect(by).toMatch(/^token [0-9a-f]{8}$/);
      expect(OTHER).not.toContain(by.slice(6));
    });

    it('refuses to moderate a call with no scorecard (409)', async () => {
      for (const id of [seeded.ids.kim1, seeded.ids.ann2]) {
        const res = await moderate(id, { criterion: 'opening', mark: 'met', reason: 'fine' });
        expect(res.status).toBe(409);
        expect((await s.calls.get(id))?.moderation).toEqual([]);
      }
    });
  });

  describe('CSV', () => {
    it('has one row per matching call, the contract columns, then a column per criterion', async () => {
      const res = await get('/api/assessor/calls.csv?learner=learner-sam');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="calls-2025-03-10.csv"');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      const csv = parseCsv(text);
      expect(csv[0].slice(0, 10)).toEqual(['id', 'learner_id', 'learner_name', 'scenario', 'mode', 'status', 'started_at', 'ended_at', 'score', 'passed']);
      expect(csv[0].slice(10, 25)).toEqual([...CRITERIA]);
      expect(csv.slice(1).map((r) => r[0]).sort()).toEqual([seeded.ids.sam1, seeded.ids.sam2].sort());
      expect(csv.every((r) => r.length === csv[0].length)).toBe(true);
    });

    it('quotes commas, quotes and line breaks, and defuses formula text', async () => {
      const text = (await (await get('/api/assessor/calls.csv?learner=learner-ann')).text()).replace(/^\uFEFF/, '');
      const csv = parseCsv(text);
      expect(csv).toHaveLength(3);
      for (const row of csv.slice(1)) {
        expect(row[2]).toBe(`'${HOSTILE_NAME}`);
        expect(row).toHaveLength(csv[0].length);
      }
      // No field in the raw file starts with a formula character.
      expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
      const ended = csv.find((r) => r[0] === seeded.ids.ann1) as string[];
      expect(ended[csv[0].indexOf('advise_offers')]).toBe('partly');
      const abandoned = csv.find((r) => r[0] === seeded.ids.ann2) as string[];
      expect(abandoned[csv[0].indexOf('opening')]).toBe('');
      expect(abandoned[csv[0].indexOf('score')]).toBe('');
    });
  });

  describe('disputes and cohort', () => {
    it('lists disputed calls, open ones first', async () => {
      await s.calls.addDispute(seeded.ids.sam2, { criterion: 'close_call', reason: 'I did say goodbye.', by: 'learner-sam', at: '2025-03-05T10:30:00.000Z' });
      const list = (await (await get('/api/assessor/disputes')).json()) as { call: { id: string }; open: number; disputes: { criterion: string; resolved: boolean }[] }[];
      expect(list.map((d) => d.call.id)).toEqual([seeded.ids.sam2, seeded.ids.sam1]);
      expect(list[0]).toMatchObject({ open: 1, disputes: [{ criterion: 'close_call', resolved: false }] });
      expect(list[1].open).toBe(0);
    });

    it('counts marks per criterion over marked calls, moderated marks counting', async () => {
      const cohort = (await (await get('/api/assessor/cohort')).json()) as {
        calls: number;
        marked: number;
        passed: number;
        criteria: { id: string; applied: number; met: number; partly: number; missed: number; moderated: number; metRate: number | null }[];
      };
      const marked = (await Promise.all(seeded.records.map((r) => s.calls.get(r.id)))).filter((r): r is CallRecord => !!r?.scorecard);
      expect(cohort.calls).toBe(seeded.records.length);
      expect(cohort.marked).toBe(marked.length);
      expect(cohort.passed).toBe(marked.filter((r) => r.passed).length);
      for (const c of cohort.criteria) {
        const counted = marked.map((r) => r.moderation.filter((m) => m.criterion === c.id).at(-1)?.mark ?? r.scorecard?.criteria[c.id]?.mark);
        const applied = counted.filter((m) => m && m !== 'n/a');
        expect({ id: c.id, applied: c.applied, met: c.met, partly: c.partly, missed: c.missed }).toEqual({
          id: c.id,
          applied: applied.length,
          met: applied.filter((m) => m === 'met').length,
          partly: applied.filter((m) => m === 'partly').length,
          missed: applied.filter((m) => m === 'missed').length,
        });
        expect(c.metRate).toBe(applied.length ? c.met / applied.length : null);
      }
      expect(cohort.criteria.find((c) => c.id === 'state_delivery')?.moderated).toBe(1);
    });
  });
});

describe('assessor API throttling', () => {
  it('turns an address away with 429 after many wrong tokens, even with the right one', async () => {
    const s = await startAssessorServer({ tokens: [TOKEN] });
    try {
      for (let i = 0; i < 30; i++) expect((await fetch(`${s.url}/api/assessor/calls`, { headers: auth(`guess-${i}`) })).status).toBe(401);
      expect((await fetch(`${s.url}/api/assessor/calls`, { headers: auth('guess-31') })).status).toBe(429);
      expect((await fetch(`${s.url}/api/assessor/calls`, { headers: auth() })).status).toBe(429);
    } finally {
      await s.stop();
    }
  });
});
