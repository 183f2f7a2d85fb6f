/**
 * SIGTERM while many calls are under way (the real server, a child process): turns already
 * inside the server finish and are answered, later requests are refused (503 or connection
 * refused) without reaching the bot, storage is flushed, and the process exits 0. Afterwards
 * the store holds exactly the turns that were answered — none half-written. (The in-process
 * shutdown and a quiet `npm start` SIGTERM are in test/bot/.)
 */
import { describe, it, expect } from '@jest/globals';
import type { ServerProcess } from '../../bench/child.js';
import { LearnerClient } from '../../bench/learner.js';
import { LowdbCallStore } from '../../bot/storage/index.js';
import { ScriptedLearner, startTrainer, tempDir } from './helpers.js';

describe('SIGTERM under load', () => {
  it('finishes the turns in flight, refuses the rest, flushes and exits 0; the store holds exactly the answered turns', async () => {
    const started: ServerProcess[] = [];
    const data = await tempDir('oct-sigterm-');
    try {
      const server = await startTrainer({ DATA_DIR: data.dir });
      started.push(server);
      const learners = Array.from({ length: 8 }, (_, i) => new ScriptedLearner(new LearnerClient(server.url, `conv-term-${i}`)));
      const inFlight = new Set<ScriptedLearner>();
      const refused: string[] = [];
      let answered = 0;
      let stopping: ReturnType<typeof server.stop> | undefined;
      /** Turns answered after SIGTERM was sent (every turn the server was running then is among them). */
      let answeredAfterSignal = 0;
      let signalled = false;

      await Promise.all(
        learners.map(async (learner) => {
          while (!learner.finished) {
            inFlight.add(learner);
            try {
              await learner.step();
              if (signalled) answeredAfterSignal++;
            } catch (err) {
              refused.push(String((err as Error).cause ?? err));
              return;
            } finally {
              inFlight.delete(learner);
            }
            answered++;
            // the signal goes a moment after this learner's next request leaves, so that turns are
            // inside the server (read and running), not only sent
            if (!stopping && answered >= 40 && inFlight.size > 0) stopping = new Promise((r) => setTimeout(r, 3)).then(() => {
                signalled = true;
                return server.stop('SIGTERM');
              });
          }
        }),
      );
      const exit = await stopping;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(server.logged('stopped cleanly')).toHaveLength(1);
      const [shutdown] = server.logged('shutting down');
      // Turns were running when the signal came, and every one of them was answered.
      expect(Number(shutdown.turnsInFlight)).toBeGreaterThan(0);
      expect(answeredAfterSignal).toBeGreaterThanOrEqual(Number(shutdown.turnsInFlight));
      expect(refused.length).toBeGreaterThan(0); // later requests were turned away…
      for (const reason of refused) expect(reason).toMatch(/503|ECONNREFUSED|ECONNRESET|other side closed|SocketError/);

      // …and never reached the bot: the store has exactly the answered turns of each call.
      const store = await LowdbCallStore.open(data.dir);
      try {
        for (const learner of learners) {
          const sent = learner.log.map((t) => (t.turn.kind === 'say' ? t.turn.text : undefined)).filter((t): t is string => t !== undefined);
          const fromStart = sent.findIndex((t) => t.startsWith('/start'));
          const calls = await store.list({ learner: learner.client.learnerId });
          if (fromStart < 0) {
            expect(calls.total).toBe(0);
            continue;
          }
          expect(calls.total).toBe(1);
          const call = await store.get(calls.rows[0].id);
          expect(call?.transcript.filter((a) => a.from?.role === 'user').map((a) => a.text)).toEqual(sent.slice(fromStart));
          expect(call?.status).toBe(learner.scorecard ? 'ended' : 'in-progress');
        }
      } finally {
        await store.close();
      }
    } finally {
      // A no-op for servers that have exited: a failed assertion must not leave one running.
      for (const s of started) await s.stop('SIGKILL');
      await data.remove();
    }
  }, 180_000);
});
