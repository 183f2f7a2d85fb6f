/**
 * The marker against the labelled development set (../shared/eval/dev from the repository
 * root), measured as the official metric does. Fails below the bars; skips, saying so,
 * when the folder is not there.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluateFolder, isEvalFolder } from '../../dialogs/marking/evaluate.js';

const FOLDER = '../shared/eval/dev';
const present = isEvalFolder(FOLDER);
if (!present) console.warn(`eval-dev: ${FOLDER} is absent; skipping the agreement bars`);

(present ? describe : describe.skip)('agreement with the labelled dev set', () => {
  const ev = present ? evaluateFolder(FOLDER, 'scenarios') : undefined;
  const show = (): string => ev!.disagreements.map((d) => `${d.file} ${d.criterion}: label ${d.label}, marker ${d.mark} — ${d.note}`).join('\n');

  it('marks every transcript', () => {
    expect(ev!.errors).toEqual([]);
    expect(ev!.report.missing).toEqual([]);
  });

  it('reaches overall QWK ≥ 0.85 and exact agreement ≥ 85%', () => {
    expect({ qwk: ev!.report.qwk >= 0.85, exact: ev!.report.exact >= 0.85, disagreements: ev!.report.exact >= 0.85 ? '' : show() }).toEqual({ qwk: true, exact: true, disagreements: '' });
  });

  it('reaches ≥ 75% exact agreement on every criterion', () => {
    const low = ev!.report.perCriterion.filter((c) => c.exact < 0.75).map((c) => `${c.criterion} ${(c.exact * 100).toFixed(1)}%`);
    expect(low).toEqual([]);
  });

  it('agrees on pass/fail for ≥ 90% of transcripts', () => {
    expect(ev!.report.passAgree / ev!.report.passN).toBeGreaterThanOrEqual(0.9);
  });
});
