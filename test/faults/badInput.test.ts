/**
 * The real server (`npm start`, a child process) against what should never break it:
 * hostile scenario files in SCENARIOS_DIR at start-up, bodies that are not activities,
 * activities missing what the adapter needs, a 1 MB text, unknown activity types, and odd
 * Unicode in the middle of a call. Each gets a 4xx or a polite answer in the chat; never a
 * 5xx, a failed turn or a dead process.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerProcess } from '../../bench/child.js';
import { LearnerClient, scorecardOf } from '../../bench/learner.js';
import { TURN_ERROR_TEXT } from '../../bot/adapter.js';
import { LowdbCallStore } from '../../bot/storage/index.js';
import { MAX_MESSAGE_CHARS } from '../../bot/inputGuard.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { messageTexts, startTrainer, tempDir } from './helpers.js';

/** Scenario files a careless or hostile tutor could drop in SCENARIOS_DIR; each sorts before the real ones. */
function hostileFiles(): Record<string, string | Buffer> {
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let previous = 'a';
  for (const name of 'bcdefghi') {
    bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
    previous = name;
  }
  return {
    '0-alias-bomb.yaml': bomb,
    '0-deep-brackets.yaml': `${'['.repeat(120_000)}${']'.repeat(120_000)}`,
    '0-deep-blocks.yaml': `${Array.from({ length: 600 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
    '0-huge.yaml': `notes: "${'x'.repeat(3_000_000)}"\n`,
    '0-binary.yaml': Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81, 0x0a]),
    'organisations/0-org-bomb.yaml': bomb,
  };
}

let server: ServerProcess;
let data: Awaited<ReturnType<typeof tempDir>>;
let scenarios: Awaited<ReturnType<typeof tempDir>>;
const realScenarioIds = loadScenarioDir('scenarios').scenarios.map((s) => s.scenario.id).sort();

beforeAll(async () => {
  data = await tempDir('oct-bad-data-');
  scenarios = await tempDir('oct-bad-scenarios-');
  await cp('scenarios', scenarios.dir, { recursive: true });
  await mkdir(join(scenarios.dir, 'organisations'), { recursive: true });
  for (const [name, content] of Object.entries(hostileFiles())) await writeFile(join(scenarios.dir, name), content);
  server = await startTrainer({ DATA_DIR: data.dir, SCENARIOS_DIR: scenarios.dir });
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await data?.remove();
  await scenarios?.remove();
}, 30_000);

/** Turn failures and 5xx logged by the server (level ≥ 50). */
function loggedErrors(): Record<string, unknown>[] {
  return server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => Number(e.level) >= 50);
}

async function post(body: string, contentType = 'application/json'): Promise<{ status: number; json: { code?: string; message?: string; activities?: { type: string; text?: string; channelData?: { speaker?: string } }[] } }> {
  const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

const activity = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...new LearnerClient('', 'conv-bad-input').activity({ kind: 'say', text: 'hello' }),
  ...fields,
});
const without = (field: string): Record<string, unknown> => {
  const a = activity();
  delete a[field];
  return a;
};

describe('start-up with hostile scenario files', () => {
  it('starts, names each refused file with the reason, and loads every real scenario', async () => {
    const warnings = server.output().split('\n').filter((l) => l.includes('"level":40')).map((l) => JSON.parse(l) as { file: string; msg: string });
    const reasons = Object.fromEntries(warnings.map((w) => [w.file.slice(scenarios.dir.length + 1), w.msg]));
    expect(reasons).toEqual({
      '0-alias-bomb.yaml': expect.stringMatching(/0-alias-bomb\.yaml:1: too many aliases/),
      '0-deep-brackets.yaml': expect.stringMatching(/0-deep-brackets\.yaml:1: nested too deeply/),
      '0-deep-blocks.yaml': expect.stringMatching(/0-deep-blocks\.yaml:1: nested more than 32 levels/),
      '0-huge.yaml': expect.stringMatching(/0-huge\.yaml:1: file is larger than 256 KB/),
      '0-binary.yaml': expect.stringMatching(/0-binary\.yaml:1: /),
      'organisations/0-org-bomb.yaml': expect.stringMatching(/0-org-bomb\.yaml:1: too many aliases/),
    });
    const [loaded] = server.logged('scenarios loaded');
    expect((loaded.scenarios as string[]).sort()).toEqual(realScenarioIds);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe('POST /api/messages with bodies that are not usable activities', () => {
  const cases: [string, number, string, string, RegExp][] = [
    ['not JSON', 400, '{"type": "message", ', 'application/json', /JSON/],
    ['empty', 400, '', 'application/json', /JSON object/],
    ['a JSON array', 400, '[{"type":"message"}]', 'application/json', /JSON object/],
    ['plain text', 400, 'hello', 'text/plain', /JSON object/],
    ['no type', 400, JSON.stringify(without('type')), 'application/json', /type is required/],
    ['no conversation', 400, JSON.stringify(without('conversation')), 'application/json', /conversation is required/],
    ['no conversation id', 400, JSON.stringify(activity({ conversation: {} })), 'application/json', /conversation\.id is required/],
    ['no serviceUrl', 400, JSON.stringify(without('serviceUrl')), 'application/json', /serviceUrl is required/],
    ['a serviceUrl that is not http(s)', 400, JSON.stringify(activity({ serviceUrl: 'file:///etc/passwd' })), 'application/json', /serviceUrl must be an http\(s\) URL/],
    ['no from', 400, JSON.stringify(without('from')), 'application/json', /from is required/],
    ['text that is not a string', 400, JSON.stringify(activity({ text: { evil: true } })), 'application/json', /text must be a string/],
    ['1 MB of text', 413, JSON.stringify(activity({ text: 'x'.repeat(1_000_000) })), 'application/json', /size/],
  ];
  it.each(cases)('%s → %i, saying what is wrong, every time', async (_name, status, body, contentType, message) => {
    for (let i = 0; i < 3; i++) {
      const r = await post(body, contentType);
      expect(r.status).toBe(status);
      expect(r.json.message).toMatch(message);
    }
  });
});

describe('activities the bot does not expect', () => {
  it('ignores unknown activity types (200, no reply)', async () => {
    for (const type of ['frobnicate', 'x'.repeat(64), 'typing', 'endOfConversation']) {
      const r = await post(JSON.stringify(activity({ type, text: undefined })));
      expect(r.status).toBe(200);
      expect(messageTexts((r.json.activities ?? []) as never)).toEqual([]);
    }
  });

  it('answers a message over the length limit in the chat, and the call goes on', async () => {
    const client = new LearnerClient(server.url, 'conv-too-long');
    await client.send({ kind: 'say', text: '/start place-ergo-chairs' });
    const long = await client.send({ kind: 'say', text: 'Good morning. '.repeat(Math.ceil((MAX_MESSAGE_CHARS + 1) / 14)) });
    expect(messageTexts(long.replies)).toEqual([expect.stringMatching(/too long .*Nobody heard it/)]);
    expect(long.replies[0].channelData?.speaker).toBe('coach');
    const next = await client.send({ kind: 'say', text: 'Good morning, Harbour & Pike, Sam speaking.' });
    expect(next.replies.some((r) => r.channelData?.speaker === 'customer')).toBe(true);
  });

  it('takes odd Unicode in a call (lone surrogates, NUL, RTL override, zero-width) without a failed turn; stores it well-formed', async () => {
    const client = new LearnerClient(server.url, 'conv-unicode');
    await client.send({ kind: 'say', text: '/start place-ergo-chairs' });
    const odd = [
      'Good morning\u0000, Harbour & Pike, Sam speaking.',
      'Could I take your name\uD800, please?',
      'And the \u202Ecompany\u202C name\u200B, please?',
      '\uDFFF\u200D\u2066\u0007',
      '/stock CH-ERG-200\u0000',
    ];
    for (const text of odd) {
      const r = await client.send({ kind: 'say', text });
      const texts = messageTexts(r.replies);
      expect(texts.length).toBeGreaterThan(0);
      expect(texts).not.toContain(TURN_ERROR_TEXT);
    }
    const end = await client.send({ kind: 'say', text: '/end' });
    expect(scorecardOf(end.replies)?.score).toEqual(expect.any(Number));

    // The stored transcript: no lone surrogates or NUL; direction and zero-width marks kept.
    await server.stop();
    const store = await LowdbCallStore.open(data.dir);
    try {
      const [row] = (await store.list({ learner: client.learnerId })).rows;
      const learnerTexts = (await store.get(row.id))?.transcript.filter((a) => a.from?.role === 'user').map((a) => a.text ?? '') ?? [];
      expect(learnerTexts.slice(1, 6)).toEqual([
        'Good morning, Harbour & Pike, Sam speaking.',
        'Could I take your name\uFFFD, please?',
        'And the \u202Ecompany\u202C name\u200B, please?',
        '\uFFFD\u200D\u2066',
        '/stock CH-ERG-200',
      ]);
    } finally {
      await store.close();
    }
    server = await startTrainer({ DATA_DIR: data.dir, SCENARIOS_DIR: scenarios.dir });
  }, 60_000);

  it('logged no failed turn and no 5xx, and still serves', async () => {
    expect(loggedErrors()).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
