/**
 * The held-out evaluation sets on disk: labelled transcripts (`labels.json` beside the
 * `.transcript` files, in the format of `shared/eval/dev`) and the scenarios they were played in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { CRITERIA } from '../../domain/scenario/vocabulary.js';
import type { PassRule } from './agreement.js';

const markSchema = z.enum(['met', 'partly', 'missed']);

/** One labelled transcript, as the dev set writes it. */
export const labelEntrySchema = z
  .object({
    scenario: z.string().min(1),
    labels: z.partialRecord(z.enum(CRITERIA), markSchema),
    /** why a label is what it is, citing the marking guide */
    notes: z.partialRecord(z.enum(CRITERIA), z.string()).default({}),
    quality: z.enum(['strong', 'typical', 'weak']),
  })
  .strict();

/** `labels.json`: file name → labelled transcript. */
export const labelFileSchema = z.record(z.string().regex(/\.transcript$/), labelEntrySchema);
export type LabelFile = z.infer<typeof labelFileSchema>;

/** A held-out set: where it is, its labels and the scenarios its transcripts were played in. */
export interface HeldoutSet {
  name: string;
  dir: string;
  scenariosDir: string;
  labels: LabelFile;
  scenarios: LoadedScenario[];
  /** the `.transcript` files in `dir`, sorted */
  transcripts: string[];
}

/** A held-out set whose files do not load, naming the file. */
export class HeldoutSetError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'HeldoutSetError';
  }
}

/** Loads a set: `labels.json` validated, scenarios loaded (any scenario file error is thrown). */
export function loadHeldoutSet(name: string, dir: string, scenariosDir: string): HeldoutSet {
  const file = join(dir, 'labels.json');
  const parsed = labelFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new HeldoutSetError(file, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const loaded = loadScenarioDir(scenariosDir);
  if (loaded.errors.length) throw new HeldoutSetError(scenariosDir, loaded.errors.map((e) => e.message).join('; '));
  const transcripts = readdirSync(dir)
    .filter((f) => f.endsWith('.transcript'))
    .sort();
  return { name, dir, scenariosDir, labels: parsed.data, scenarios: loaded.scenarios, transcripts };
}

/** The scenario of a set by id (throws for an unknown id). */
export function scenarioOf(set: HeldoutSet, id: string): LoadedScenario {
  const s = set.scenarios.find((x) => x.scenario.id === id);
  if (!s) throw new HeldoutSetError(set.scenariosDir, `no scenario "${id}"`);
  return s;
}

/** The pass rule of a scenario of the set, from its rubric. */
export function passRuleOf(set: HeldoutSet, id: string): PassRule {
  const { rubric } = scenarioOf(set, id).scenario;
  return { minScore: rubric.pass.minScore, keyCriteria: rubric.pass.keyCriteria, ...(rubric.weights ? { weights: rubric.weights } : {}) };
}
