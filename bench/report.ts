/** The benchmark's results, its goals, and the table it prints. */
import { cpus, loadavg } from 'node:os';
import type { MarkingResult } from './marking.js';
import type { PhaseResult } from './phase.js';
import type { ProfileSummary } from './profile.js';

/** Everything one run measured. */
export interface BenchResults {
  date: string;
  machine: { cpus: number; model: string; node: string; loadAverage: { before: number; after: number } };
  config: { learners: number; callsPerLearner: number; rounds: number; turnsPerCall: number; history: number };
  echo: PhaseResult;
  trainer: PhaseResult;
  history?: PhaseResult;
  postgres?: { trainer: PhaseResult; history?: PhaseResult };
  marking?: MarkingResult;
  profile?: ProfileSummary;
}

/** A goal and whether this run met it. */
export interface GoalCheck {
  goal: string;
  value: string;
  met: boolean;
}

/** The goals of issue 5. */
export const GOALS = {
  /** trainer turns/s ÷ echo turns/s */
  minThroughputRatio: 0.5,
  /** trainer p99 ÷ echo p99 */
  maxP99Ratio: 2,
  /** CPU ms/turn with history ÷ without */
  maxHistorySlowdown: 1.2,
  minMarkingPerSecond: 200,
} as const;

/** Machine facts for the record; `loadBefore` is the 1-minute load average when the run began. */
export function machine(loadBefore: number): BenchResults['machine'] {
  const list = cpus();
  return { cpus: list.length, model: list[0]?.model.trim() ?? 'unknown', node: process.version, loadAverage: { before: loadBefore, after: loadavg()[0] } };
}

/** Checks each goal that the run has figures for. */
export function checkGoals(r: BenchResults): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const ratio = r.trainer.turnsPerSecond / r.echo.turnsPerSecond;
  checks.push({ goal: `throughput trainer/echo ≥ ${GOALS.minThroughputRatio}`, value: ratio.toFixed(2), met: ratio >= GOALS.minThroughputRatio });
  const p99 = r.trainer.latency.p99 / r.echo.latency.p99;
  checks.push({ goal: `p99 trainer/echo ≤ ${GOALS.maxP99Ratio}×`, value: `${p99.toFixed(1)}×`, met: p99 <= GOALS.maxP99Ratio });
  // The cost of a turn is the server's CPU time for it; turns/s is shown too but moves with
  // whatever else the machine runs. Likewise marking is judged per CPU-second of its process.
  const slowdown = (label: string, empty: PhaseResult, full: PhaseResult | undefined): void => {
    if (!full) return;
    const byRate = empty.turnsPerSecond / full.turnsPerSecond;
    const byCpu = empty.cpuMsPerTurn && full.cpuMsPerTurn ? full.cpuMsPerTurn / empty.cpuMsPerTurn : undefined;
    const judged = byCpu ?? byRate;
    checks.push({
      goal: `${label}: a turn with ${r.config.history.toLocaleString('en-GB')} stored calls costs ≤ ${GOALS.maxHistorySlowdown}× (CPU ms/turn)`,
      value: `${byCpu === undefined ? '' : `CPU ${byCpu.toFixed(2)}×, `}turns/s ${byRate.toFixed(2)}× slower`,
      met: judged <= GOALS.maxHistorySlowdown,
    });
  };
  slowdown('lowdb', r.trainer, r.history);
  if (r.postgres) slowdown('postgres', r.postgres.trainer, r.postgres.history);
  if (r.marking) {
    checks.push({
      goal: `offline marking ≥ ${GOALS.minMarkingPerSecond} transcripts/s (per CPU-second of one process)`,
      value: `${r.marking.transcriptsPerCpuSecond.toFixed(0)} per CPU-second, ${r.marking.transcriptsPerSecond.toFixed(0)} per wall second`,
      met: r.marking.transcriptsPerCpuSecond >= GOALS.minMarkingPerSecond,
    });
  }
  return checks;
}

const mb = (bytes?: number): string => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');

/** The results as a plain-text table (Markdown-compatible). */
export function formatReport(r: BenchResults, goals: GoalCheck[]): string {
  const rows: PhaseResult[] = [r.echo, r.trainer, ...(r.history ? [r.history] : [])];
  if (r.postgres) rows.push(r.postgres.trainer, ...(r.postgres.history ? [r.postgres.history] : []));
  const lines = [
    `Order Call Trainer benchmark — ${r.date}`,
    `machine: ${r.machine.cpus} CPUs (${r.machine.model}), Node ${r.machine.node}; loopback HTTP, expectReplies; load average ${r.machine.loadAverage.before.toFixed(1)} before, ${r.machine.loadAverage.after.toFixed(1)} after (other work on the machine inflates latencies; CPU ms/turn is the server's own CPU time)`,
    `load: ${r.config.learners} learners at once × ${r.config.callsPerLearner} call(s) × ${r.config.turnsPerCall} turns (place-ergo-chairs reference script), after a one-call warm-up; ${r.config.rounds} round(s) interleaved across the servers, each server's best shown`,
    '',
    '| server | turns/s | p50 ms | p90 ms | p99 ms | max ms | CPU ms/turn | peak RSS | cold call ms | failed | turns/s by round |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (p) =>
        `| ${p.label} | ${p.turnsPerSecond.toFixed(1)} | ${ms(p.latency.p50)} | ${ms(p.latency.p90)} | ${ms(p.latency.p99)} | ${ms(p.latency.max)} | ${p.cpuMsPerTurn === undefined ? 'n/a' : p.cpuMsPerTurn.toFixed(2)} | ${mb(p.peakRssBytes)} | ${p.coldCallMs.toFixed(0)} | ${p.failed} | ${p.roundsTurnsPerSecond.map((t) => t.toFixed(0)).join(', ')} |`,
    ),
    '',
    `ratio trainer/echo: turns/s ${(r.trainer.turnsPerSecond / r.echo.turnsPerSecond).toFixed(2)}, p50 ${(r.trainer.latency.p50 / r.echo.latency.p50).toFixed(1)}×, p99 ${(r.trainer.latency.p99 / r.echo.latency.p99).toFixed(1)}×` +
      (r.trainer.cpuMsPerTurn && r.echo.cpuMsPerTurn ? `, CPU per turn ${(r.trainer.cpuMsPerTurn / r.echo.cpuMsPerTurn).toFixed(1)}×` : ''),
  ];
  if (r.marking) {
    const m = r.marking;
    lines.push(
      `offline marking: ${m.transcriptsPerSecond.toFixed(0)} transcripts/s, ${m.transcriptsPerCpuSecond.toFixed(0)} per CPU-second (${m.marked} markings of ${m.files} trainer transcripts, ${m.meanActivities.toFixed(0)} activities each, in ${m.seconds.toFixed(1)} s, one process; mean score ${m.meanScore.toFixed(0)}; first pass, not counted: ${m.warmUpSeconds.toFixed(1)} s)`,
    );
  }
  const slowest = [...r.trainer.bySteps].sort((a, b) => b.latency.p99 - a.latency.p99).slice(0, 3);
  lines.push(
    `trainer's slowest steps (p99): ${slowest.map((s) => `#${s.step} "${s.text.slice(0, 40)}" ${ms(s.latency.p99)} ms (p50 ${ms(s.latency.p50)})`).join('; ')}`,
  );
  lines.push('', 'goals:', ...goals.map((g) => `  ${g.met ? '✓' : '✗'} ${g.goal}: ${g.value}`));
  for (const p of rows) {
    if (p.errors.length > 0) lines.push('', `${p.label}: ${p.failed} failed turns, e.g.`, ...p.errors.map((e) => `  ${e}`));
  }
  if (r.profile) {
    lines.push('', `trainer CPU profile of the measured load (${r.profile.totalMs.toFixed(0)} ms sampled): self time by file`);
    for (const h of r.profile.files) lines.push(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}`);
    lines.push('by function');
    for (const h of r.profile.functions) lines.push(`  ${(h.share * 100).toFixed(1).padStart(5)}%  ${h.name}`);
  }
  return lines.join('\n');
}
