/**
 * Accuracy figures for the recogniser on labelled phrases (held-out sets,
 * probe files): fact-request accuracy (exact set of facts, read-out flags) and
 * move recall/precision, per intent.
 */
import type { ScenarioClock } from '../dates.js';
import type { FactId, MoveId } from './intents.js';
import type { Recogniser } from './recogniser.js';
import type { WorkingDayFn } from './types.js';

/** One labelled phrase. */
export interface LabelledPhrase {
  text: string;
  /** Every fact asked for (exact set). Omitted = not judged on facts. */
  facts?: FactId[];
  /** Facts read out rather than asked for. */
  readOut?: FactId[];
  /** Moves that must be recognised (others may also be). Omitted = not judged on moves. */
  moves?: MoveId[];
}

/** Counts for one intent. */
export interface IntentFigures {
  /** Phrases labelled with it. */
  support: number;
  /** Of those, how many it was recognised in. */
  found: number;
  /** Phrases where it was recognised without the label. */
  extra: number;
}

/** A phrase the recogniser got wrong. */
export interface Miss {
  text: string;
  expected: string[];
  got: string[];
}

/** Fact-request figures. */
export interface FactFigures {
  /** Phrases judged. */
  total: number;
  /** Phrases whose fact set (and read-out flags) matched exactly. */
  correct: number;
  accuracy: number;
  perFact: Record<string, IntentFigures>;
  misses: Miss[];
}

/** Move figures. */
export interface MoveFigures {
  total: number;
  /** Phrases where every labelled move was recognised. */
  correct: number;
  accuracy: number;
  /** Share of recognised moves (over all judged phrases) that were labelled. */
  precision: number;
  perMove: Record<string, IntentFigures>;
  misses: Miss[];
}

interface Ctx {
  clock: ScenarioClock;
  calendar?: WorkingDayFn;
  organisationNames?: readonly string[];
}

function bump(m: Record<string, IntentFigures>, k: string, f: keyof IntentFigures) {
  m[k] ??= { support: 0, found: 0, extra: 0 };
  m[k][f]++;
}

/** Fact-request accuracy: the exact set of facts, with read-out flags where labelled. */
export function evaluateFacts(r: Recogniser, phrases: readonly LabelledPhrase[], ctx: Ctx): FactFigures {
  const perFact: Record<string, IntentFigures> = {};
  const misses: Miss[] = [];
  let total = 0;
  let correct = 0;
  for (const p of phrases) {
    if (!p.facts) continue;
    total++;
    const u = r.analyse(p.text, ctx);
    const got = u.facts.map((f) => (f.readOut ? `${f.fact}(read)` : f.fact)).sort();
    const expected = p.facts.map((f) => ((p.readOut ?? []).includes(f) ? `${f}(read)` : f)).sort();
    for (const f of p.facts) {
      bump(perFact, f, 'support');
      if (u.facts.some((x) => x.fact === f)) bump(perFact, f, 'found');
    }
    for (const f of u.facts) if (!p.facts.includes(f.fact)) bump(perFact, f.fact, 'extra');
    if (got.join() === expected.join()) correct++;
    else misses.push({ text: p.text, expected, got });
  }
  return { total, correct, accuracy: total ? correct / total : 1, perFact, misses };
}

/**
 * Move recall (every labelled move found) and precision. Precision is over the moves the set
 * labels somewhere: a move no phrase of the set is labelled with (a cue-only move such as
 * `ask_choice`, when the set predates it) is not judged.
 */
export function evaluateMoves(r: Recogniser, phrases: readonly LabelledPhrase[], ctx: Ctx): MoveFigures {
  const judged = new Set(phrases.flatMap((p) => p.moves ?? []));
  const perMove: Record<string, IntentFigures> = {};
  const misses: Miss[] = [];
  let total = 0;
  let correct = 0;
  let predicted = 0;
  let right = 0;
  for (const p of phrases) {
    if (!p.moves) continue;
    total++;
    const u = r.analyse(p.text, ctx);
    const got = u.intents.map((i) => i.intent).filter((m) => judged.has(m));
    for (const m of p.moves) {
      bump(perMove, m, 'support');
      if (got.includes(m)) bump(perMove, m, 'found');
    }
    for (const g of got) {
      predicted++;
      if (p.moves.includes(g)) right++;
      else bump(perMove, g, 'extra');
    }
    if (p.moves.every((m) => got.includes(m))) correct++;
    else misses.push({ text: p.text, expected: [...p.moves], got });
  }
  return { total, correct, accuracy: total ? correct / total : 1, precision: predicted ? right / predicted : 1, perMove, misses };
}

/** A printable per-intent table. */
export function formatFigures(title: string, figures: Record<string, IntentFigures>): string {
  const rows = Object.entries(figures).sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(([k, f]) => `  ${k.padEnd(20)} ${String(f.found).padStart(3)}/${String(f.support).padEnd(3)} recall ${(f.support ? (100 * f.found) / f.support : 100).toFixed(0).padStart(3)}%   extra ${f.extra}`);
  return [title, ...lines].join('\n');
}
