/**
 * The assessor pages over HTTP: sign-in with a token for an HttpOnly session cookie, the
 * list with filters and open disputes, a call page with its transcript and marks, the
 * moderation form (CSRF-protected), reports, the cohort chart, and escaping of what learners
 * typed.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startAssessorServer, type AssessorServer } from './harness.js';
import { orderTranscript, seedCalls, type Seeded } from './fixtures.js';

const TOKEN = 'pages-token-3b9e71c04d2a58f6';
const NOW = new Date('2025-03-10T12:00:00.000Z');
const XSS_NAME = '<script>alert(1)</script> Robin';

interface Page {
  status: number;
  headers: Headers;
  body: string;
}

describe('assessor pages', () => {
  let s: AssessorServer;
  let seeded: Seeded;
  let cookie: string;
  let clock = NOW.getTime();

  const request = async (path: string, init: RequestInit & { cookie?: string } = {}): Promise<Page> => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('Cookie', init.cookie);
    const res = await fetch(`${s.url}${path}`, { ...init, headers, redirect: 'manual' });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const signIn = async (token = TOKEN, next?: string): Promise<Page> => request('/assessor/sign-in', form({ token, ...(next ? { next } : {}) }));
  const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  beforeAll(async () => {
    s = await startAssessorServer({
      tokens: [`Pat Assessor:${TOKEN}`],
      now: () => new Date(clock),
      seed: async (calls) => {
        seeded = await seedCalls(calls);
        const c = await calls.create({ id: 'call-robin', learner: { id: 'learner-robin', name: XSS_NAME }, scenario: 'place-ergo-chairs', mode: 'practice', seed: 9, startedAt: '2025-03-08T09:00:00.000Z' });
        await calls.appendActivities(c.id, [...orderTranscript('place-ergo-chairs', c.startedAt), { type: 'message', text: '<img src=x onerror=alert(2)>', from: { role: 'user' } }]);
      },
    });
    const res = await signIn();
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  });
  afterAll(async () => s.stop());

  describe('signing in', () => {
    it('sends a visitor without a session to the sign-in page, remembering where they were going', async () => {
      const res = await request('/assessor/calls/call-sam-1');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/assessor/sign-in?next=%2Fassessor%2Fcalls%2Fcall-sam-1');
      const page = await request('/assessor/sign-in?next=%2Fassessor%2Fcalls%2Fcall-sam-1');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<input type="hidden" name="next" value="/assessor/calls/call-sam-1">');
      expect(page.body).not.toContain('Sam Patel');
    });

    it('refuses a wrong token (401) without setting a cookie', async () => {
      const res = await signIn('wrong-token');
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.body).toContain('That token is not recognised.');
    });

    it('sets an HttpOnly, SameSite=Strict session cookie for the right token and goes back only to our own pages', async () => {
      const res = await signIn(TOKEN, '/assessor/cohort');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/assessor/cohort');
      const set = res.headers.get('set-cookie') ?? '';
      expect(set).toMatch(/^oct_assessor=v1\.[0-9a-f]{16}\.\d+\.[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
      expect(set).not.toContain(TOKEN);
      for (const next of ['//evil.example/assessor', 'https://evil.example/', '/api/assessor/calls', '/assessor\\@evil', 'javascript:alert(1)']) {
        expect((await signIn(TOKEN, next)).headers.get('location')).toBe('/assessor');
      }
    });

    it('rejects a tampered or expired session', async () => {
      const [name, value] = cookie.split('=');
      const parts = value.split('.');
      const later = `${name}=${[parts[0], parts[1], String(Number(parts[2]) + 3600), parts[3]].join('.')}`;
      expect((await request('/assessor', { cookie: later })).status).toBe(303);
      clock = NOW.getTime() + 9 * 3600 * 1000;
      try {
        expect((await request('/assessor', { cookie })).status).toBe(303);
      } finally {
        clock = NOW.getTime();
      }
      expect((await request('/assessor', { cookie })).status).toBe(200);
    });

    it('signs out with the form (CSRF token required), clearing the cookie', async () => {
      const fresh = ((await signIn()).headers.get('set-cookie') ?? '').split(';')[0];
      const page = await request('/assessor', { cookie: fresh });
      expect((await request('/assessor/sign-out', { ...form({ _csrf: 'forged' }), cookie: fresh })).status).toBe(403);
      const out = await request('/assessor/sign-out', { ...form({ _csrf: csrfOf(page.body) }), cookie: fresh });
      expect(out.status).toBe(303);
      expect(out.headers.get('set-cookie')).toMatch(/^oct_assessor=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0/);
    });
  });

  describe('the calls list', () => {
    it('lists the calls with a strict Content-Security-Policy, no inline script or style', async () => {
      const res = await request('/assessor', { cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(res.body).not.toMatch(/\sstyle="/);
      expect(res.body).not.toMatch(/\son[a-z]+="/);
      for (const r of seeded.records) expect(res.body).toContain(`data-call="${r.id}"`);
      expect(res.body).toContain('Signed in as <strong>Pat Assessor</strong>');
    });

    it('escapes what learners typed', async () => {
      const list = await request('/assessor', { cookie });
      expect(list.body).not.toContain('<script>alert(1)');
      expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Robin');
      const call = await request('/assessor/calls/call-robin', { cookie });
      expect(call.body).not.toContain('<img src=x');
      expect(call.body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    });

    it('filters by learner and result, and keeps the filters in the export links', async () => {
      const res = await request('/assessor?learner=learner-sam&passed=false', { cookie });
      const shown = [...res.body.matchAll(/data-call="([^"]+)"/g)].map((m) => m[1]);
      expect(shown).toEqual([seeded.ids.sam1]);
      expect(res.body).toContain('href="/api/assessor/calls.csv?learner=learner-sam&amp;passed=false"');
      expect(res.body).toMatch(/<option value="learner-sam" selected>Sam Patel<\/option>/);
    });

    it('shows open disputes first and flags the disputed row', async () => {
      const res = await request('/assessor', { cookie });
      const disputes = res.body.indexOf('Open disputes');
      expect(disputes).toBeGreaterThan(-1);
      expect(disputes).toBeLessThan(res.body.indexOf('id="calls-table"'));
      expect(res.body).toContain('I said Friday 7th, which is the right date.');
      expect(res.body).toMatch(/<tr class="row--disputed" data-call="call-sam-1">/);
    });

    it('filters to calls with open disputes, and keeps the filter in the links', async () => {
      const res = await request('/assessor?disputed=true', { cookie });
      const shown = [...res.body.matchAll(/data-call="([^"]+)"/g)].map((m) => m[1]);
      expect(shown).toEqual([seeded.ids.sam1]);
      expect(res.body).toMatch(/<option value="true" selected>Open disputes<\/option>/);
      expect(res.body).toContain('href="/api/assessor/calls.csv?disputed=true"');
      const none = await request('/assessor?disputed=false', { cookie });
      expect(none.body).not.toContain('Open disputes <span');
      expect([...none.body.matchAll(/data-call="([^"]+)"/g)].map((m) => m[1])).not.toContain(seeded.ids.sam1);
    });

    it('answers 400 for a bad filter', async () => {
      const res = await request('/assessor?status=lost', { cookie });
      expect(res.status).toBe(400);
      expect(res.body).toContain('status must be one of in-progress, ended, abandoned');
    });
  });

  describe('a call', () => {
    it('shows the transcript by speaker and each criterion with its evidence and references', async () => {
      const res = await request(`/assessor/calls/${seeded.ids.sam1}`, { cookie });
      expect(res.status).toBe(200);
      const transcript = seeded.records.find((r) => r.id === seeded.ids.sam1)?.transcript ?? [];
      for (let i = 0; i < transcript.length; i++) expect(res.body).toContain(`id="activity-${i}"`);
      expect(res.body).toMatch(/class="msg msg--customer" id="activity-2"/);
      expect(res.body).toMatch(/class="msg msg--learner" id="activity-3"/);
      expect(res.body).toMatch(/class="msg msg--desk" id="activity-6"/);
      expect(res.body).toMatch(/class="msg msg--coach" id="activity-1"/);
      expect(res.body).toMatch(/data-evidence="5 7" data-title="Checking stock"/);
      expect(res.body).toContain('M/502/8587 2.3');
      expect(res.body).toContain('Learner disputes this mark');
    });

    it('answers 404 for an unknown call and 400 for a bad id', async () => {
      expect((await request('/assessor/calls/nothing-here', { cookie })).status).toBe(404);
      expect((await request('/assessor/calls/a.b', { cookie })).status).toBe(400);
    });

    it('records a moderation from the form, keeping both marks, and shows it', async () => {
      const page = await request(`/assessor/calls/${seeded.ids.sam1}`, { cookie });
      const fields = { _csrf: csrfOf(page.body), criterion: 'check_credit', mark: 'partly', reason: 'Looked the account up, but after promising.' };

      expect((await request(`/assessor/calls/${seeded.ids.sam1}/moderation`, { ...form({ ...fields, _csrf: 'nope' }), cookie })).status).toBe(403);
      const otherSite = await request(`/assessor/calls/${seeded.ids.sam1}/moderation`, { ...form(fields), headers: { ...form(fields).headers, Origin: 'https://evil.example' }, cookie });
      expect(otherSite.status).toBe(403);
      expect((await s.calls.get(seeded.ids.sam1))?.moderation).toEqual([]);

      const blank = await request(`/assessor/calls/${seeded.ids.sam1}/moderation`, { ...form({ ...fields, reason: ' ' }), cookie });
      expect(blank.status).toBe(400);
      expect(blank.body).toContain('Please check the form: reason is required');

      const ok = await request(`/assessor/calls/${seeded.ids.sam1}/moderation`, { ...form(fields), cookie });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe(`/assessor/calls/${seeded.ids.sam1}?moderated=check_credit#criterion-check_credit`);
      const stored = await s.calls.get(seeded.ids.sam1);
      expect(stored?.moderation).toEqual([{ criterion: 'check_credit', mark: 'partly', reason: fields.reason, by: 'Pat Assessor', at: NOW.toISOString() }]);
      expect(stored?.scorecard?.criteria.check_credit.mark).toBe('missed');

      const after = await request(`/assessor/calls/${seeded.ids.sam1}?moderated=check_credit`, { cookie });
      expect(after.body).toContain('Your mark was recorded.');
      expect(after.body).toContain('Machine: Missed');
      expect(after.body).toContain('Assessor: Partly met');
    });

    it('lets the page session call the API: GETs with the cookie, POSTs only with the CSRF header', async () => {
      const csv = await request('/api/assessor/calls.csv', { cookie });
      expect(csv.status).toBe(200);
      const body = JSON.stringify({ criterion: 'opening', mark: 'met', reason: 'fine' });
      const headers = { 'Content-Type': 'application/json' };
      expect((await request(`/api/assessor/calls/${seeded.ids.sam2}/moderation`, { method: 'POST', headers, body, cookie })).status).toBe(403);
      const page = await request(`/assessor/calls/${seeded.ids.sam2}`, { cookie });
      const ok = await request(`/api/assessor/calls/${seeded.ids.sam2}/moderation`, { method: 'POST', headers: { ...headers, 'X-CSRF-Token': csrfOf(page.body) }, body, cookie });
      expect(ok.status).toBe(201);
    });
  });

  describe('reports and cohort', () => {
    it('prints an evidence report with references, quotes, moderation and sign-off lines', async () => {
      const res = await request(`/assessor/calls/${seeded.ids.sam1}/report`, { cookie });
      expect(res.status).toBe(200);
      expect(res.body).toContain('Evidence record: order call');
      expect(res.body).toContain('Those chairs are in stock. Ten chairs come to £1,440.00 including VAT.');
      expect(res.body).toContain('M/502/8587 2.4');
      expect(res.body).toContain('Assessor signature');
      expect(res.body).toContain('data-action="print"');
    });

    it('gathers a learner portfolio of their marked calls', async () => {
      const res = await request('/assessor/learners/learner-sam', { cookie });
      expect(res.status).toBe(200);
      expect(res.body.match(/<section class="report"/g)).toHaveLength(2);
      expect((await request('/assessor/learners/nobody', { cookie })).status).toBe(404);
    });

    it('draws the cohort chart as SVG with a bar per criterion and the same figures in a table', async () => {
      const res = await request('/assessor/cohort', { cookie });
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/<svg class="chart"[^>]*role="img"/);
      expect(res.body.match(/<g class="chart-row"/g)).toHaveLength(15);
      expect(res.body.match(/<tr data-criterion=/g)).toHaveLength(15);
      const stats = (await (await fetch(`${s.url}/api/assessor/cohort`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as { criteria: { id: string; metRate: number | null }[] };
      const price = stats.criteria.find((c) => c.id === 'state_price');
      expect(res.body).toContain(`${Math.round((price?.metRate ?? 0) * 100)}% met`);
    });

    it('serves its own stylesheet and script, and nothing else', async () => {
      const css = await request('/assessor/static/assessor.css');
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
      expect((await request('/assessor/static/assessor.js')).headers.get('content-type')).toMatch(/^application\/javascript/);
      expect((await request('/assessor/static/..%2Fapp.js')).status).toBe(404);
      expect((await request('/assessor/static/index.html')).status).toBe(404);
    });
  });
});
