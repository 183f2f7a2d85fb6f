/**
 * Agreement between the marker and human labels, exactly as the official metric
 * (`shared/eval/agreement.py`, marking-guide.md "Agreement") computes it: exact agreement
 * and quadratic-weighted Cohen's kappa over missed < partly < met (`n/a` from the marker
 * on an applicable criterion counts as missed for kappa and as a disagreement for exact),
 * per criterion and overall, and pass/fail agreement per transcript.
 */
import { CRITERIA, type MarkOrNa } from './criteria.js';

/** Ordinal of a mark: missed 0, partly 1, met 2; `n/a` 0. */
export const ORDER: Record<MarkOrNa, number> = { missed: 0, partly: 1, met: 2, 'n/a': 0 };

/** Quadratic-weighted Cohen's kappa over three ordered classes (1 when expected disagreement is 0; NaN for no pairs). */
export function qwk(pairs: readonly [number, number][]): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const k = 3;
  const O = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const [a, b] of pairs) O[a][b] += 1;
  const ra = O.map((row) => row.reduce((x, y) => x + y, 0));
  const rb = [0, 1, 2].map((j) => O.reduce((x, row) => x + row[j], 0));
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      num += w * O[i][j];
      den += (w * ra[i] * rb[j]) / n;
    }
  }
  return den === 0 ? 1 : 1 - num / den;
}

/** Python's `round()` (half to even), used by agreement.py for the human pass mark. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (Math.abs(d - 0.5) < 1e-9) return f % 2 === 0 ? f : f + 1;
  return Math.round(x);
}

/** The labels file of an evaluation folder (contract §6). */
export type Labels = Record<string, { scenario: string; labels: Record<string, 'met' | 'partly' | 'missed'>; notes?: Record<string, string> }>;

/** What the marker gave for one transcript (a score line, or undefined when it produced none). */
export interface MarkedLine {
  criteria?: Record<string, { mark: MarkOrNa }>;
  passed?: boolean;
}

/** Per-criterion and overall agreement figures. */
export interface AgreementReport {
  perCriterion: { criterion: string; n: number; exact: number; qwk: number; confusion: number[][] }[];
  exact: number;
  qwk: number;
  total: number;
  passAgree: number;
  passN: number;
  missing: string[];
  marked: number;
  transcripts: number;
}

/** Compute agreement exactly as agreement.py does. `got` is keyed by file base name. */
export function agreement(labels: Labels, got: ReadonlyMap<string, MarkedLine>): AgreementReport {
  const per = new Map<string, [number, MarkOrNa | undefined][]>();
  const all: [number, number][] = [];
  let exact = 0;
  let total = 0;
  let passAgree = 0;
  let passN = 0;
  const missing: string[] = [];
  for (const f of Object.keys(labels).sort()) {
    const entry = labels[f];
    const o = got.get(f);
    const push = (c: string, v: [number, MarkOrNa | undefined]): void => {
      per.set(c, [...(per.get(c) ?? []), v]);
    };
    if (!o || !o.criteria) {
      missing.push(f);
      for (const [c, m] of Object.entries(entry.labels)) {
        push(c, [ORDER[m], undefined]);
        total++;
      }
      continue;
    }
    let pts = 0;
    let mx = 0;
    let keyMissed = false;
    for (const [c, m] of Object.entries(entry.labels)) {
      const tm: MarkOrNa = o.criteria[c]?.mark ?? 'n/a';
      push(c, [ORDER[m], tm]);
      all.push([ORDER[m], ORDER[tm] ?? 0]);
      total++;
      if (tm === m) exact++;
      pts += ORDER[m];
      mx += 2;
      if ((c === 'verify_identity' || c === 'state_price' || c === 'state_delivery') && m === 'missed') keyMissed = true;
    }
    const humanPass = roundHalfEven((pts / mx) * 100) >= 70 && !keyMissed;
    if (o.passed !== undefined) {
      passN++;
      if (Boolean(o.passed) === humanPass) passAgree++;
    }
  }
  const perCriterion = [...per.keys()].sort().map((c) => {
    const ps = per.get(c)!;
    const n = ps.length;
    const e = ps.filter(([h, t]) => t !== undefined && t !== 'n/a' && ORDER[t] === h).length;
    const pairs = ps.filter(([, t]) => t !== undefined).map(([h, t]) => [h, ORDER[t!] ?? 0] as [number, number]);
    const confusion = [0, 1, 2].map(() => [0, 0, 0]);
    for (const [h, t] of pairs) confusion[h][t]++;
    return { criterion: c, n, exact: n ? e / n : 0, qwk: qwk(pairs), confusion };
  });
  return {
    perCriterion,
    exact: total ? exact / total : 0,
    qwk: qwk(all),
    total,
    passAgree,
    passN,
    missing,
    marked: Object.keys(labels).length - missing.length,
    transcripts: Object.keys(labels).length,
  };
}

/** Criteria in the guide's order (for reports). */
export const CRITERION_ORDER: readonly string[] = CRITERIA;
