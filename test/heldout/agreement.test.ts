/**
 * The agreement measure against hand-worked cases, and — where the shared evaluation script is
 * present — against `agreement.py` itself on a synthetic set.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelledPass, measureAgreement, quadraticWeightedKappa, type LabelledTranscript, type PassRule, type TrainerResult } from './agreement.js';

const RULE: PassRule = { minScore: 70, keyCriteria: ['verify_identity', 'state_price', 'state_delivery'] };

describe('quadraticWeightedKappa', () => {
  it('is 1 for perfect agreement and -1 for the two extremes swapped', () => {
    expect(quadraticWeightedKappa([[2, 2], [1, 1], [0, 0]])).toBe(1);
    expect(quadraticWeightedKappa([[2, 0], [0, 2]])).toBe(-1);
  });

  it('weights a one-step disagreement by a quarter (hand-worked: 1 − 0.25 / 1.25 = 0.8)', () => {
    expect(quadraticWeightedKappa([[2, 2], [2, 1], [1, 1], [0, 0]])).toBeCloseTo(0.8, 12);
  });

  it('is 1 when every pair is the same mark (no disagreement possible) and NaN with no pairs', () => {
    expect(quadraticWeightedKappa([[2, 2], [2, 2]])).toBe(1);
    expect(quadraticWeightedKappa([])).toBeNaN();
  });
});

describe('labelledPass', () => {
  it('passes at 70 with no key criterion missed', () => {
    // 7 met + 3 missed of 10 criteria = 14/20 = 70
    const labels = { opening: 'met', verify_identity: 'met', check_stock: 'met', check_credit: 'met', state_price: 'met', state_delivery: 'met', explain_terms: 'met', advise_offers: 'missed', confirm_details: 'missed', close_call: 'missed' } as const;
    expect(labelledPass(labels, RULE)).toBe(true);
    expect(labelledPass({ ...labels, explain_terms: 'partly' }, RULE)).toBe(false);
  });

  it('fails any score when a key criterion is missed, and honours weights', () => {
    expect(labelledPass({ opening: 'met', close_call: 'met', state_price: 'missed', explain_terms: 'met' }, RULE)).toBe(false);
    expect(labelledPass({ opening: 'met', close_call: 'missed' }, { ...RULE, weights: { opening: 3 } })).toBe(true);
  });
});

const LABELS: Record<string, LabelledTranscript> = {
  'a.transcript': { scenario: 's', labels: { opening: 'met', verify_identity: 'partly', state_price: 'missed', close_call: 'met' } },
  'b.transcript': { scenario: 's', labels: { opening: 'partly', verify_identity: 'met', state_price: 'met', close_call: 'missed' } },
  'c.transcript': { scenario: 's', labels: { opening: 'met', verify_identity: 'met', state_price: 'met', close_call: 'met' } },
  'd.transcript': { scenario: 's', labels: { opening: 'missed', verify_identity: 'missed', state_price: 'partly', close_call: 'partly' } },
};
const RESULTS = new Map<string, TrainerResult>([
  ['a.transcript', { criteria: { opening: { mark: 'met' }, verify_identity: { mark: 'met', note: 'three identifiers' }, state_price: { mark: 'missed' }, close_call: { mark: 'met' } }, passed: false }],
  ['b.transcript', { criteria: { opening: { mark: 'partly' }, verify_identity: { mark: 'met' }, state_price: { mark: 'partly' }, close_call: { mark: 'n/a' } }, passed: true }],
  ['c.transcript', { criteria: { opening: { mark: 'met' }, verify_identity: { mark: 'met' }, state_price: { mark: 'met' }, close_call: { mark: 'met' } }, passed: true }],
]);

describe('measureAgreement', () => {
  const r = measureAgreement(LABELS, RESULTS, () => RULE);

  it('counts n/a and unmarked transcripts as disagreements, and lists each with the trainer note', () => {
    expect(r.overall.n).toBe(16);
    // agree: a 3, b 2, c 4, d 0 (unmarked)
    expect(r.overall.exact).toBeCloseTo(9 / 16, 12);
    expect(r.unmarked).toEqual(['d.transcript']);
    expect(r.disagreements).toContainEqual({ file: 'a.transcript', criterion: 'verify_identity', label: 'partly', trainer: 'met', note: 'three identifiers' });
    expect(r.disagreements).toContainEqual({ file: 'b.transcript', criterion: 'close_call', label: 'missed', trainer: 'n/a', note: '' });
    expect(r.disagreements.filter((d) => d.file === 'd.transcript').map((d) => d.trainer)).toEqual(['unmarked', 'unmarked', 'unmarked', 'unmarked']);
  });

  it('gives per-criterion figures and pass/fail agreement over the marked transcripts', () => {
    expect(r.perCriterion.opening).toMatchObject({ n: 4, exact: 0.75 });
    expect(r.perCriterion.close_call?.exact).toBeCloseTo(2 / 4, 12);
    // labels: a fails (state_price missed), b 5/8 = 63 fails, c passes → trainer agrees on a and c
    expect(r.passFail).toEqual({ agree: 2, n: 3, disagree: ['b.transcript'] });
  });

  const script = '/work/shared/eval/agreement.py';
  const python = existsSync(script) ? it : it.skip;
  python('matches agreement.py on the same labels and marks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'heldout-agreement-'));
    try {
      writeFileSync(join(dir, 'labels.json'), JSON.stringify(LABELS));
      const lines = [...RESULTS].map(([file, res]) => JSON.stringify({ file: `x/${file}`, criteria: res.criteria, passed: res.passed }));
      writeFileSync(join(dir, 'scores.jsonl'), `${lines.join('\n')}\n`);
      let out: string;
      try {
        out = execFileSync('python3', [script, join(dir, 'labels.json'), join(dir, 'scores.jsonl')], { encoding: 'utf8' });
      } catch (e) {
        out = (e as { stdout: string }).stdout; // exits 1 because a transcript is unmarked
      }
      const overall = /overall: exact ([\d.]+)% qwk ([-\d.]+) over (\d+) marks/.exec(out);
      expect(overall).not.toBeNull();
      expect(Number(overall?.[1])).toBeCloseTo(r.overall.exact * 100, 1);
      expect(Number(overall?.[2])).toBeCloseTo(r.overall.qwk, 3);
      expect(Number(overall?.[3])).toBe(r.overall.n);
      expect(out).toContain(`pass/fail agreement: ${r.passFail.agree}/${r.passFail.n}\n`);
      const opening = /^opening\s+(\d+)\s+([\d.]+)%\s+([-\d.]+)$/m.exec(out);
      expect(Number(opening?.[2])).toBeCloseTo((r.perCriterion.opening?.exact ?? 0) * 100, 1);
      expect(Number(opening?.[3])).toBeCloseTo(r.perCriterion.opening?.qwk ?? 0, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
