import { describe, expect, it } from '@jest/globals';
import { agreement, qwk, roundHalfEven } from '../../dialogs/marking/agreement.js';

describe('agreement (as shared/eval/agreement.py)', () => {
  it('quadratic-weighted kappa: 1 for perfect agreement, 0 for chance, negative for reversal', () => {
    expect(qwk([[0, 0], [1, 1], [2, 2]])).toBeCloseTo(1);
    expect(qwk([[0, 2], [2, 0]])).toBeCloseTo(-1);
    expect(qwk([[1, 1], [1, 1]])).toBe(1); // no expected disagreement
    // O = [[1,1,0],[0,1,0],[0,0,1]], rows (2,1,1), columns (1,2,1), n 4: num 0.25, den 5/4 → 0.8
    expect(qwk([[0, 0], [0, 1], [1, 1], [2, 2]])).toBeCloseTo(0.8, 10);
  });

  it('rounds the human pass mark like Python (half to even)', () => {
    expect(roundHalfEven(69.5)).toBe(70);
    expect(roundHalfEven(70.5)).toBe(70);
    expect(roundHalfEven(68.4)).toBe(68);
  });

  it('counts n/a on an applicable criterion as a disagreement and a missing transcript as wrong', () => {
    const labels = {
      'a.transcript': { scenario: 's', labels: { opening: 'met' as const, escalate: 'missed' as const } },
      'b.transcript': { scenario: 's', labels: { opening: 'partly' as const } },
    };
    const got = new Map([['a.transcript', { criteria: { opening: { mark: 'met' as const }, escalate: { mark: 'n/a' as const } }, passed: false }]]);
    const r = agreement(labels, got);
    expect(r.total).toBe(3);
    expect(r.exact).toBeCloseTo(1 / 3);
    expect(r.missing).toEqual(['b.transcript']);
    expect(r.perCriterion.find((c) => c.criterion === 'escalate')?.exact).toBe(0);
    expect(r.passN).toBe(1);
    expect(r.passAgree).toBe(1); // human: 2 of 4 points = 50 → fail, as the marker said
  });
});
