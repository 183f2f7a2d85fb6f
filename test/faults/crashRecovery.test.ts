/**
 * The real server (a child process) is killed with SIGKILL in the middle of many calls, then
 * started again on the same DATA_DIR. Every call that had finished (its scorecard shown) is
 * intact — every message and reply, the scorecard — the store reads without error, and the
 * calls that were cut off carry on from where they were on the restarted server.
 */
import { describe, it, expect } from '@jest/globals';
import type { ServerProcess } from '../../bench/child.js';
import { LearnerClient } from '../../bench/learner.js';
import { LowdbCallStore } from '../../bot/storage/index.js';
import { ScriptedLearner, expectStoredCallMatches, startTrainer, tempDir } from './helpers.js';

const LEARNERS = 10;
/** Learner i starts once this many turns times i have been answered in all, so calls overlap at different points. */
const STAGGER_TURNS = 5;
/** The server is killed once this many calls have finished. */
const KILL_AFTER_FINISHED = 3;

/** Consecutive repeats removed: a turn cut off by the kill may have been stored, then sent again. */
function collapseRepeats(texts: readonly (string | undefined)[]): (string | undefined)[] {
  return texts.filter((t, i) => i === 0 || t !== texts[i - 1]);
}

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let i = 0;
  for (const w of whole) if (i < part.length && part[i] === w) i++;
  return i === part.length;
}

describe('SIGKILL in the middle of many calls', () => {
  it('keeps finished calls whole, the store readable, and lets cut-off calls resume after a restart', async () => {
    const started: ServerProcess[] = [];
    const data = await tempDir('oct-crash-');
    try {
      let server = await startTrainer({ DATA_DIR: data.dir });
      started.push(server);
      const learners = Array.from({ length: LEARNERS }, (_, i) => new ScriptedLearner(new LearnerClient(server.url, `conv-crash-${i}`)));
      let answered = 0;
      let killed: Promise<unknown> | undefined;
      const cutOff = new Set<ScriptedLearner>();

      await Promise.all(
        learners.map(async (learner, i) => {
          while (answered < i * STAGGER_TURNS && !killed) await new Promise((r) => setTimeout(r, 10));
          while (!learner.finished && !killed) {
            try {
              await learner.step();
            } catch {
              cutOff.add(learner); // the request died with the server
              return;
            }
            answered++;
            if (!killed && learners.filter((l) => l.scorecard).length >= KILL_AFTER_FINISHED) killed = server.stop('SIGKILL');
          }
          if (!learner.finished) cutOff.add(learner);
        }),
      );
      expect((await killed) as unknown).toMatchObject({ signal: 'SIGKILL' });
      const finished = learners.filter((l) => l.scorecard);
      const interrupted = learners.filter((l) => !l.scorecard);
      expect(finished.length).toBeGreaterThanOrEqual(KILL_AFTER_FINISHED);
      expect(interrupted.length).toBeGreaterThan(0);
      expect(interrupted.some((l) => l.turnsDone > 2)).toBe(true); // some were well into their call

      // Straight after the crash: the store opens and every call reads; finished calls are whole.
      let store = await LowdbCallStore.open(data.dir);
      const all = await store.list();
      for (const row of all.rows) await expect(store.get(row.id)).resolves.toBeDefined();
      for (const learner of finished) await expectStoredCallMatches(store, learner);
      await store.close();

      // Restart on the same DATA_DIR: the cut-off calls carry on (the lost turn is sent again).
      server = await startTrainer({ DATA_DIR: data.dir });
      started.push(server);
      await Promise.all(
        interrupted.map(async (learner) => {
          learner.client.baseUrl = server.url;
          await learner.run();
        }),
      );
      const stopped = await server.stop('SIGTERM');
      expect(stopped.code).toBe(0);

      store = await LowdbCallStore.open(data.dir);
      try {
        for (const learner of finished) await expectStoredCallMatches(store, learner);
        for (const learner of interrupted) {
          const ended = await store.list({ learner: learner.client.learnerId, status: 'ended' });
          expect(ended.total).toBe(1); // the same call went on: one call, ended once
          const call = await store.get(ended.rows[0].id);
          expect(call?.scorecard?.score).toEqual(expect.any(Number));
          if (!learner.scorecard) {
            // The kill came after the closing turn was done but before its reply (the scorecard)
            // reached the learner: the call had ended and been marked; sent again, the close
            // finds no call in progress. The closing turn is the goodbye (the customer hangs up)
            // or, when the customer stays on the line (a last question), the script's /end.
            const lastSaid = call?.transcript.filter((a) => a.from?.role === 'user').at(-1)?.text;
            expect(lastSaid).toMatch(/goodbye|^\/end$/i);
            continue;
          }
          const sent = learner.log.filter((t) => t.turn.kind === 'say').map((t) => (t.turn.kind === 'say' ? t.turn.text : ''));
          const stored = (call?.transcript ?? []).filter((a) => a.from?.role === 'user').map((a) => a.text);
          expect(collapseRepeats(stored)).toEqual(collapseRepeats(sent.slice(sent.findIndex((t) => t.startsWith('/start')))));
          const storedBot = (call?.transcript ?? []).filter((a) => a.from?.role !== 'user').map((a) => a.text ?? '');
          // Replies shown after /start were all stored (a cut-off turn may have stored replies nobody saw).
          const fromStart = learner.log.findIndex((t) => t.turn.kind === 'say' && t.turn.text.startsWith('/start'));
          const seenInCall = learner.log.slice(fromStart).flatMap((t) => t.replies.filter((r) => r.type === 'message' && !r.channelData?.scorecard).map((r) => r.text ?? ''));
          expect(isSubsequence(seenInCall, storedBot)).toBe(true);
          expect(call?.scorecard?.score).toBe(learner.scorecard?.score);
        }
        const after = await store.list();
        expect(after.total).toBeGreaterThanOrEqual(LEARNERS);
        for (const row of after.rows) await expect(store.get(row.id)).resolves.toBeDefined();
      } finally {
        await store.close();
      }
    } finally {
      // A no-op for servers that have exited: a failed assertion must not leave one running.
      for (const s of started) await s.stop('SIGKILL');
      await data.remove();
    }
  }, 240_000);
});
