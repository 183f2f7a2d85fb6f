import { describe, expect, it } from '@jest/globals';
import { CRITERIA } from '../../dialogs/marking/criteria.js';
import { buildScorecard, scoreOf, scorecardSchema } from '../../dialogs/marking/scorecard.js';
import type { CheckResult } from '../../dialogs/marking/checkers/types.js';

const r = (mark: CheckResult['mark']): CheckResult => ({ mark, evidence: [], note: mark });
const rubric = (applies: (typeof CRITERIA)[number][], weights = {}) => ({ applies, weights, minScore: 70, keyCriteria: ['verify_identity', 'state_price', 'state_delivery'] as const });

describe('scorecard', () => {
  it('scores met 2, partly 1, missed 0 over the criteria that apply, rounded half up', () => {
    expect(scoreOf({ opening: 'met', close_call: 'partly' }, {}).score).toBe(75);
    expect(scoreOf({ opening: 'met', close_call: 'partly', escalate: 'missed', state_price: 'met' }, {}).score).toBe(63); // 62.5 → 63
    expect(scoreOf({}, {}).score).toBe(0);
  });

  it('applies per-scenario weights', () => {
    expect(scoreOf({ opening: 'met', state_price: 'missed' }, { state_price: 3 }).score).toBe(25);
  });

  it('passes at 70 or more with no key criterion missed', () => {
    const ok = buildScorecard('s', rubric(['opening', 'state_price', 'close_call']), { opening: r('met'), state_price: r('partly'), close_call: r('met') });
    expect(ok.score).toBe(83);
    expect(ok.passed).toBe(true);
    const keyMissed = buildScorecard('s', rubric(['opening', 'state_price', 'close_call', 'escalate', 'explain_terms']), {
      opening: r('met'),
      state_price: r('missed'),
      close_call: r('met'),
      escalate: r('met'),
      explain_terms: r('met'),
    });
    expect(keyMissed.score).toBe(80);
    expect(keyMissed.passed).toBe(false);
  });

  it('lists all fifteen criteria, n/a where the scenario does not apply them, with references and tips', () => {
    const card = buildScorecard('s', rubric(['opening']), { opening: r('partly'), escalate: r('met') });
    expect(Object.keys(card.criteria)).toEqual([...CRITERIA]);
    expect(card.criteria.escalate.mark).toBe('n/a');
    expect(card.criteria.opening.references.length).toBeGreaterThan(0);
    expect(card.criteria.opening.tip).toBeTruthy();
    expect(scorecardSchema.safeParse(card).success).toBe(true);
  });
});
