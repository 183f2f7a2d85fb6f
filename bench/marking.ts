/**
 * Offline marking throughput: the marker's batch engine (`BatchMarker`, what `npm run score`
 * runs) over `.transcript` files — read, validated and marked — for a fixed time.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TranscriptActivity } from '../domain/transcript.js';
import { BatchMarker } from '../dialogs/marking/transcript-file.js';
import { startProgress } from './progress.js';

/** What the marking run measured. */
export interface MarkingResult {
  files: number;
  marked: number;
  seconds: number;
  transcriptsPerSecond: number;
  /** Markings per second of this process's CPU time: what one free core does, whatever else runs. */
  transcriptsPerCpuSecond: number;
  /** Mean activities per transcript. */
  meanActivities: number;
  /** Mean score, a sanity check that marking did real work. */
  meanScore: number;
  /** The first pass over the files, not counted (the first marking loads the language models), s. */
  warmUpSeconds: number;
}

/** The marking run found nothing to mark, or a file would not mark. */
export class MarkingBenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarkingBenchError';
  }
}

/**
 * Writes `transcripts` as `.transcript` files into `dir`, marks each once (warm-up, timed
 * apart), then marks them round after round for `seconds` (at least one round). Scenarios are
 * loaded once, as `npm run score` does.
 */
export async function benchMarking(
  transcripts: readonly TranscriptActivity[][],
  options: { dir: string; scenariosDir: string; seconds: number; quiet?: boolean },
): Promise<MarkingResult> {
  if (transcripts.length === 0) throw new MarkingBenchError('no transcripts to mark');
  await mkdir(options.dir, { recursive: true });
  const files: string[] = [];
  for (const [i, t] of transcripts.entries()) {
    const file = join(options.dir, `call-${String(i).padStart(3, '0')}.transcript`);
    await writeFile(file, JSON.stringify(t, null, 2));
    files.push(file);
  }
  const marker = new BatchMarker(options.scenariosDir);
  const warmStarted = performance.now();
  for (const file of files) marker.markFile(file);
  const warmUpSeconds = (performance.now() - warmStarted) / 1000;
  const budgetMs = options.seconds * 1000;
  const progress = startProgress('offline marking (BatchMarker)', Math.ceil(options.seconds), 's', options.quiet);
  let marked = 0;
  let scoreSum = 0;
  const started = performance.now();
  let shown = 0;
  const cpuBefore = process.cpuUsage();
  while (marked < files.length || performance.now() - started < budgetMs) {
    const card = marker.markFile(files[marked % files.length]);
    if (typeof card.score !== 'number') throw new MarkingBenchError(`${files[marked % files.length]} gave no score`);
    scoreSum += card.score;
    marked++;
    const elapsed = Math.floor((performance.now() - started) / 1000);
    if (elapsed > shown) {
      progress.tick(elapsed - shown);
      shown = elapsed;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  progress.stop();
  return {
    files: files.length,
    marked,
    seconds,
    transcriptsPerSecond: marked / seconds,
    transcriptsPerCpuSecond: marked / ((cpu.user + cpu.system) / 1e6),
    meanActivities: transcripts.reduce((sum, t) => sum + t.length, 0) / transcripts.length,
    meanScore: scoreSum / marked,
    warmUpSeconds,
  };
}
