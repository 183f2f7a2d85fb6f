/**
 * Loads the training phrases (`data/facts.json`, `data/moves.json`), validated
 * with zod: every fact and trained move of `intents.ts` must have at least 20 phrases,
 * and no unknown intent may appear.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FACT_IDS, TRAINED_MOVE_IDS, factLabel, isFactId, isTrainedMoveId, type IntentLabel } from './intents.js';

/** Minimum training phrases per intent. */
export const MIN_PHRASES = 20;

const IntentFileSchema = z.object({
  description: z.string(),
  intents: z.record(z.string(), z.array(z.string().trim().min(1)).min(MIN_PHRASES)),
}).strict();

/** The shape of a training file. */
export type IntentFile = z.infer<typeof IntentFileSchema>;

/** One training phrase with its label. */
export interface TrainingExample {
  label: IntentLabel;
  text: string;
}

/** A training file is malformed or does not match the intent lists. */
export class TrainingDataError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'TrainingDataError';
  }
}

function readFile(name: string): IntentFile {
  const url = new URL(`./data/${name}`, import.meta.url);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (e) {
    throw new TrainingDataError(name, `cannot read: ${(e as Error).message}`);
  }
  const parsed = IntentFileSchema.safeParse(raw);
  if (!parsed.success) throw new TrainingDataError(name, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

function checkKeys(name: string, keys: string[], expected: readonly string[]) {
  const missing = expected.filter((k) => !keys.includes(k));
  const unknown = keys.filter((k) => !expected.includes(k));
  if (missing.length || unknown.length) {
    throw new TrainingDataError(name, `intents must match intents.ts (missing: ${missing.join(', ') || 'none'}; unknown: ${unknown.join(', ') || 'none'})`);
  }
}

/** Every training phrase, facts labelled `fact:<id>`, moves by their id. */
export function loadTrainingData(): TrainingExample[] {
  const facts = readFile('facts.json');
  const moves = readFile('moves.json');
  checkKeys('facts.json', Object.keys(facts.intents), FACT_IDS);
  checkKeys('moves.json', Object.keys(moves.intents), TRAINED_MOVE_IDS);
  const out: TrainingExample[] = [];
  for (const [id, phrases] of Object.entries(facts.intents)) {
    if (!isFactId(id)) continue;
    for (const text of phrases) out.push({ label: factLabel(id), text });
  }
  for (const [id, phrases] of Object.entries(moves.intents)) {
    if (!isTrainedMoveId(id)) continue;
    for (const text of phrases) out.push({ label: id, text });
  }
  return out;
}
