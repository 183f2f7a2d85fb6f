/**
 * Evaluate the marker on a labelled folder (contract §6): mark every transcript, compute
 * agreement as the official metric does, and list each disagreement with the checker's
 * note and evidence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { agreement, type AgreementReport, type Labels, type MarkedLine } from './agreement.js';
import type { MarkOrNa } from './criteria.js';
import type { Scorecard } from './scorecard.js';
import { BatchMarker } from './transcript-file.js';

/** One (transcript, criterion) pair where the marker and the label differ. */
export interface Disagreement {
  file: string;
  criterion: string;
  label: string;
  mark: MarkOrNa;
  note: string;
  evidence: { activity: number; quote: string }[];
  labelNote?: string;
}

/** The result of evaluating a folder. */
export interface Evaluation {
  folder: string;
  report: AgreementReport;
  disagreements: Disagreement[];
  errors: { file: string; error: string }[];
  cards: Map<string, Scorecard>;
  /** milliseconds spent marking (after scenarios were loaded) */
  markingMs: number;
}

/** True when `folder` holds a labels.json. */
export function isEvalFolder(folder: string): boolean {
  return existsSync(join(folder, 'labels.json'));
}

/** Mark every transcript in `folder` and compare with its labels. */
export function evaluateFolder(folder: string, scenariosDir: string): Evaluation {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Labels;
  const marker = new BatchMarker(scenariosDir);
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.transcript'))
    .sort();
  const got = new Map<string, MarkedLine>();
  const cards = new Map<string, Scorecard>();
  const errors: { file: string; error: string }[] = [];
  // prepare the scenarios first so the timing is marking only
  for (const id of new Set(Object.values(labels).map((l) => l.scenario))) {
    try {
      marker.scenario(id);
    } catch {
      /* reported per file below */
    }
  }
  const t0 = performance.now();
  for (const f of files) {
    try {
      const card = marker.markFile(join(folder, f));
      got.set(basename(f), card);
      cards.set(basename(f), card);
    } catch (e) {
      errors.push({ file: f, error: (e as Error).message });
    }
  }
  const markingMs = performance.now() - t0;
  const report = agreement(labels, got);
  const disagreements: Disagreement[] = [];
  for (const f of Object.keys(labels).sort()) {
    const card = cards.get(f);
    if (!card) continue;
    for (const [c, m] of Object.entries(labels[f].labels)) {
      const r = card.criteria[c as keyof Scorecard['criteria']];
      if (r?.mark !== m) {
        disagreements.push({
          file: f,
          criterion: c,
          label: m,
          mark: r?.mark ?? 'n/a',
          note: r?.note ?? '',
          evidence: r?.evidence ?? [],
          ...(labels[f].notes?.[c] ? { labelNote: labels[f].notes![c] } : {}),
        });
      }
    }
  }
  return { folder, report, disagreements, errors, cards, markingMs };
}
