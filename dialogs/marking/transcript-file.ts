/**
 * Reading stored transcripts (contract §4) and marking many of them with scenarios loaded
 * once: the engine behind `npm run score` and `npm run eval`.
 */
import { readFileSync } from 'node:fs';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { transcriptSchema, type TranscriptActivity } from '../../domain/transcript.js';
import { MarkingError, markCall, prepareScenario, scenarioOfTranscript, type MarkerDeps, type PreparedScenario } from './marker.js';
import type { Scorecard } from './scorecard.js';
import { warmUpMarking } from './warm-up.js';

/** Read and validate a `.transcript` file. */
export function readTranscript(file: string): TranscriptActivity[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MarkingError(`cannot read transcript: ${(e as Error).message}`, { file });
  }
  const parsed = transcriptSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new MarkingError(`not a transcript (contract §4): ${i?.path.join('.') || 'top level'}: ${i?.message ?? 'invalid'}`, { file });
  }
  return parsed.data;
}

/** Marks transcripts against the scenarios of one directory; each scenario is prepared once (the first also warms the marker up). */
export class BatchMarker {
  private readonly byId = new Map<string, LoadedScenario>();
  private readonly prepared = new Map<string, PreparedScenario>();
  /** problems loading the scenario directory (file:line messages) */
  readonly loadErrors: string[];

  constructor(
    scenariosDir: string,
    private readonly deps: MarkerDeps = {},
  ) {
    const r = loadScenarioDir(scenariosDir);
    for (const s of r.scenarios) this.byId.set(s.scenario.id, s);
    this.loadErrors = r.errors.map((e) => e.message);
  }

  /** Known scenario ids. */
  scenarioIds(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** The prepared scenario for an id (prepared on first use). */
  scenario(id: string): PreparedScenario {
    let p = this.prepared.get(id);
    if (!p) {
      const loaded = this.byId.get(id);
      if (!loaded) throw new MarkingError(`unknown scenario "${id}" (known: ${this.scenarioIds().join(', ') || 'none'})`, { scenario: id });
      p = prepareScenario(loaded, this.deps);
      this.prepared.set(id, p);
      // once per process: compile the checkers before the first real transcript
      warmUpMarking(p);
    }
    return p;
  }

  /** Mark one file; the scenario is `scenarioId`, else the transcript's `/start` line. */
  markFile(file: string, scenarioId?: string): Scorecard & { file: string } {
    const activities = readTranscript(file);
    const id = scenarioId ?? scenarioOfTranscript(activities);
    if (!id) throw new MarkingError('no scenario: the transcript has no /start line and no --scenario was given', { file });
    const card = markCall(activities, this.scenario(id));
    return { file, ...card };
  }
}
