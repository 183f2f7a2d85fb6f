/**
 * xAPI export: the statement schema accepts well-formed xAPI 1.0.3 statements and rejects
 * malformed ones; the export gives one valid statement per applicable criterion per marked
 * call, with deterministic ids that change when an assessor changes the mark.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { CallRecord } from '../../domain/calls.js';
import { isoDuration, uuidV5 } from '../../bot/assessor/xapi/ids.js';
import { durationSchema, statementSchema } from '../../bot/assessor/xapi/schema.js';
import { startAssessorServer, type AssessorServer } from './harness.js';
import { seedCalls, type Seeded } from './fixtures.js';

const TOKEN = 'xapi-token-5e2c8d1a9b7f4e60';
const get = (s: AssessorServer, path: string) => fetch(`${s.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } });

describe('deterministic ids and durations', () => {
  it('makes RFC 9562 version-5 UUIDs (the DNS example from the RFC test vectors)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('a')).toBe(uuidV5('a'));
    expect(uuidV5('a')).not.toBe(uuidV5('b'));
  });

  it.each([
    [0, 'PT0S'],
    [720_000, 'PT12M'],
    [3_723_500, 'PT1H2M3.5S'],
    [59_999, 'PT59.999S'],
    [-5, 'PT0S'],
  ])('writes %d ms as %s, a valid ISO 8601 duration', (ms, expected) => {
    expect(isoDuration(ms)).toBe(expected);
    expect(durationSchema.safeParse(isoDuration(ms)).success).toBe(true);
  });
});

/** A statement in the shape of the xAPI 1.0.3 specification's examples. */
function example(): Record<string, unknown> {
  return {
    id: '12345678-1234-5678-8234-567812345678',
    actor: { objectType: 'Agent', name: 'Project Tin Can API', mbox: 'mailto:user@example.com' },
    verb: { id: 'http://example.com/xapi/verbs#sent-a-statement', display: { 'en-US': 'sent' } },
    object: {
      id: 'http://example.com/xapi/activity/simplestatement',
      definition: { name: { 'en-US': 'simple statement' }, description: { 'en-US': 'A simple Experience API statement.' } },
    },
    result: { score: { scaled: 0.5, raw: 1, min: 0, max: 2 }, success: false, completion: true, duration: 'PT1M30S' },
    context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7', contextActivities: { category: [{ id: 'http://example.com/unit' }] }, language: 'en-GB' },
    timestamp: '2013-05-18T05:32:34.804+00:00',
  };
}

describe('xAPI 1.0.3 statement schema', () => {
  it('accepts a statement shaped like the specification examples', () => {
    expect(statementSchema.safeParse(example()).success).toBe(true);
  });

  const DELETE = Symbol('delete');
  /** Sets (or deletes) the value at a dotted path. */
  const edit = (obj: Record<string, unknown>, path: string, value: unknown): void => {
    const keys = path.split('.');
    let at = obj;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (value === DELETE) delete at[last];
    else at[last] = value;
  };
  const broken: [string, [string, unknown][]][] = [
    ['an id that is not a UUID', [['id', 'statement-1']]],
    ['no actor', [['actor', DELETE]]],
    ['an Agent with two identifiers', [['actor.account', { homePage: 'https://example.com', name: 'x' }]]],
    ['an Agent with no identifier', [['actor.mbox', DELETE]]],
    ['an mbox that is not mailto:', [['actor.mbox', 'user@example.com']]],
    ['an account homePage that is not a URL', [['actor', { objectType: 'Agent', account: { homePage: 'example.com', name: 'x' } }]]],
    ['an account without a name', [['actor', { objectType: 'Agent', account: { homePage: 'https://example.com' } }]]],
    ['a relative verb IRI', [['verb.id', 'verbs/sent']]],
    ['a verb without an id', [['verb.id', DELETE]]],
    ['an object id with a space', [['object.id', 'http://example.com/an activity']]],
    ['an Agent object without objectType', [['object', { mbox: 'mailto:a@example.com' }]]],
    ['a scaled score above 1', [['result.score.scaled', 1.5]]],
    ['a raw score above max', [['result.score.raw', 3]]],
    ['min not below max', [['result.score.min', 2]]],
    ['a duration that is not ISO 8601', [['result.duration', '90 seconds']]],
    ['an empty duration', [['result.duration', 'PT']]],
    ['a timestamp without a time zone', [['timestamp', '2013-05-18T05:32:34']]],
    ['a registration that is not a UUID', [['context.registration', 'call-1']]],
    ['a language map keyed by something that is not a language tag', [['verb.display', { 'english!': 'sent' }]]],
    ['an extension key that is not an IRI', [['result.extensions', { mark: 'met' }]]],
    ['an unknown property', [['score', 1]]],
    ['an unknown context activities key', [['context.contextActivities.sibling', []]]],
    [
      'a platform when the object is not an Activity',
      [
        ['object', { objectType: 'StatementRef', id: '12345678-1234-5678-8234-567812345678' }],
        ['context.platform', 'x'],
      ],
    ],
  ];
  it.each(broken)('rejects %s', (_what, edits) => {
    const s = example();
    for (const [path, value] of edits) edit(s, path, value);
    expect(statementSchema.safeParse(s).success).toBe(false);
  });
});

interface Act {
  id: string;
}
/** The shape our export writes (checked against the schema in the first test). */
interface Exported {
  id: string;
  actor: { objectType: string; name?: string; account: { homePage: string; name: string } };
  verb: { id: string };
  object: { objectType: string; id: string };
  result: { score: { scaled: number; raw: number; min: number; max: number }; success: boolean; completion: boolean; duration?: string; extensions: Record<string, unknown> };
  context: { registration: string; contextActivities: { grouping: Act[]; category?: Act[]; other?: Act[] }; extensions: Record<string, unknown> };
  timestamp: string;
}

describe('xAPI export over HTTP', () => {
  let s: AssessorServer;
  let seeded: Seeded;
  beforeAll(async () => {
    s = await startAssessorServer({
      tokens: [`Xavier:${TOKEN}`],
      now: () => new Date('2025-03-10T12:00:00.000Z'),
      seed: async (calls) => {
        seeded = await seedCalls(calls);
      },
    });
  });
  afterAll(async () => s.stop());

  const statements = async (path = '/api/assessor/xapi'): Promise<Exported[]> => {
    const res = await get(s, path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.xapi\.json"$/);
    return (await res.json()) as Exported[];
  };
  const applicable = (r: CallRecord) => Object.values(r.scorecard?.criteria ?? {}).filter((c) => c.mark !== 'n/a').length;

  it('gives one valid statement per applicable criterion of every marked call', async () => {
    const all = await statements();
    for (const st of all) {
      const r = statementSchema.safeParse(st);
      expect(r.success ? 'valid' : r.error.issues).toBe('valid');
    }
    expect(all).toHaveLength(seeded.records.reduce((n, r) => n + applicable(r), 0));
    expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
  });

  it('describes the learner, the criterion, the mark and the context', async () => {
    const sam1 = seeded.records.find((r) => r.id === seeded.ids.sam1) as CallRecord;
    const all = await statements(`/api/assessor/calls/${sam1.id}/xapi`);
    expect(all).toHaveLength(applicable(sam1));
    const price = all.find((x) => x.object.id.endsWith('/criteria/state_price')) as Exported;
    expect(price.actor).toEqual({ objectType: 'Agent', name: 'Sam Patel', account: { homePage: s.url, name: 'learner-sam' } });
    expect(price.verb.id).toBe('http://adlnet.gov/expapi/verbs/scored');
    expect(price.object).toMatchObject({ objectType: 'Activity', id: `${s.url}/xapi/activities/scenarios/place-ergo-chairs/criteria/state_price` });
    expect(price.result).toMatchObject({ score: { scaled: 1, raw: 2, min: 0, max: 2 }, success: true, completion: true, duration: 'PT12M' });
    expect(price.result.extensions[`${s.url}/xapi/extensions/mark`]).toBe('met');
    expect(price.result.extensions[`${s.url}/xapi/extensions/evidence`]).toEqual(sam1.scorecard?.criteria.state_price.evidence);
    expect(price.timestamp).toBe(sam1.endedAt);
    const ctx = price.context.contextActivities;
    expect(ctx.grouping.map((a) => a.id)).toEqual([`${s.url}/xapi/activities/calls/${sam1.id}`, `${s.url}/xapi/activities/scenarios/place-ergo-chairs`]);
    expect(ctx.category?.map((a) => a.id)).toEqual([`${s.url}/xapi/activities/qualifications/M-502-8587`]);
    expect(ctx.other?.map((a) => a.id)).toEqual([`${s.url}/xapi/activities/qualifications/M-502-8587/2.4`]);
    const delivery = all.find((x) => x.object.id.endsWith('/criteria/state_delivery')) as Exported;
    expect(delivery.result).toMatchObject({ score: { scaled: 0, raw: 0 }, success: false });
    expect(all.every((x) => x.context.registration === price.context.registration)).toBe(true);
  });

  it('gives the same ids for the same marks, and a new statement when an assessor changes one', async () => {
    const first = await statements();
    expect(await statements()).toEqual(first);
    const res = await fetch(`${s.url}/api/assessor/calls/${seeded.ids.sam1}/moderation`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ criterion: 'verify_identity', mark: 'met', reason: 'Asked for the account number and two details.' }),
    });
    expect(res.status).toBe(201);
    const after = await statements();
    const pick = (list: Exported[]) =>
      list.find((x) => x.object.id.endsWith('/criteria/verify_identity') && x.context.extensions[`${s.url}/xapi/extensions/call`] === seeded.ids.sam1) as Exported;
    expect(pick(after).id).not.toBe(pick(first).id);
    expect(pick(after).result.score.raw).toBe(2);
    expect(pick(after).result.extensions[`${s.url}/xapi/extensions/machine-mark`]).toBe('partly');
    expect(pick(after).result.extensions[`${s.url}/xapi/extensions/moderation`]).toMatchObject({ mark: 'met', by: 'Xavier' });
    const unchanged = (list: Exported[]) => list.filter((x) => x !== pick(list)).map((x) => x.id);
    expect(unchanged(after)).toEqual(unchanged(first));
  });

  it('uses a configured base for every IRI', async () => {
    const other = await startAssessorServer({ tokens: [TOKEN], xapiBase: 'https://trainer.example.ac.uk/', seed: seedCalls });
    try {
      const list = (await (await get(other, '/api/assessor/xapi')).json()) as Exported[];
      expect(list.length).toBeGreaterThan(0);
      const base = 'https://trainer.example.ac.uk';
      for (const st of list) {
        const ctx = st.context.contextActivities;
        const iris: string[] = [
          st.object.id,
          ...[...ctx.grouping, ...(ctx.category ?? []), ...(ctx.other ?? [])].map((a) => a.id),
          ...Object.keys(st.result.extensions),
          ...Object.keys(st.context.extensions),
        ];
        expect(st.actor.account.homePage).toBe(base);
        expect(iris.filter((i) => !i.startsWith(`${base}/xapi/`))).toEqual([]);
      }
    } finally {
      await other.stop();
    }
  });
});
