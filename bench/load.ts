/**
 * The load: simulated learners, each in its own conversation, running the reference script
 * turn after turn (a learner waits for the replies before typing the next message), all at
 * once. Measures every turn's latency and the wall time of the whole run.
 */
import { LearnerClient, REFERENCE_SCRIPT, TurnFailedError, type LearnerTurn } from './learner.js';
import { startProgress } from './progress.js';
import { summarise, type LatencySummary } from './stats.js';

/** How to drive a server. */
export interface LoadOptions {
  url: string;
  /** Learners at once (each its own conversation). */
  learners: number;
  /** Calls each learner makes, one after another. */
  callsPerLearner: number;
  /** Prefix for conversation ids (unique per run). */
  idPrefix: string;
  /** Prefix for learner ids (default `idPrefix`): learner `i` is `<learnerPrefix>-learner-<i>`. */
  learnerPrefix?: string;
  script?: readonly LearnerTurn[];
  label: string;
  quiet?: boolean;
}

/** What a run measured. */
export interface LoadResult {
  turns: number;
  /** Turns that got an HTTP error (they are counted, not retried). */
  failed: number;
  /** First few errors, for the report. */
  errors: string[];
  wallMs: number;
  turnsPerSecond: number;
  latency: LatencySummary;
  /** Latency by step of the script (index into the script, with its text). */
  bySteps: { step: number; text: string; latency: LatencySummary }[];
}

/**
 * Runs the learners to the end and summarises. Learner `i` uses conversation
 * `<idPrefix>-<i>-<call>` and learner id `<learnerPrefix>-learner-<i>`.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const script = options.script ?? REFERENCE_SCRIPT;
  const total = options.learners * options.callsPerLearner * script.length;
  const progress = startProgress(options.label, total, 'turns', options.quiet);
  const latencies: number[] = [];
  const perStep: number[][] = script.map(() => []);
  const errors: string[] = [];
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.learners }, async (_, i) => {
      for (let call = 0; call < options.callsPerLearner; call++) {
        const client = new LearnerClient(options.url, `${options.idPrefix}-${i}-${call}`, `${options.learnerPrefix ?? options.idPrefix}-learner-${i}`);
        for (const [step, turn] of script.entries()) {
          try {
            const result = await client.send(turn);
            latencies.push(result.ms);
            perStep[step].push(result.ms);
          } catch (err) {
            failed++;
            if (errors.length < 5) errors.push(err instanceof TurnFailedError ? err.message : String(err));
          }
          progress.tick();
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  progress.stop();
  return {
    turns: latencies.length,
    failed,
    errors,
    wallMs,
    turnsPerSecond: (latencies.length / wallMs) * 1000,
    latency: summarise(latencies.length > 0 ? latencies : [NaN]),
    bySteps: perStep.map((values, step) => ({
      step,
      text: script[step].kind === 'join' ? '(joins the conversation)' : (script[step] as { text: string }).text,
      latency: summarise(values.length > 0 ? values : [NaN]),
    })),
  };
}
