/**
 * The scorecard as the coach sends it at the end of a call: a readable message and an
 * Adaptive Card (each applicable criterion with its mark, the reason and a tip; the hints
 * used), with the marker's JSON (contract §5) unchanged in `channelData.scorecard`.
 */
import type { CallScorecard, HintEntry } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { CRITERIA } from '../../domain/scenario/vocabulary.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from '../desk/sheet.js';
import { criterionInfo } from '../marking/criteria.js';

const SYMBOL: Record<string, string> = { met: '✓', partly: '◐', missed: '✗' };
const COLOUR: Record<string, string> = { met: 'Good', partly: 'Warning', missed: 'Attention' };

interface Row {
  id: string;
  title: string;
  mark: string;
  note: string;
  tip?: string;
}

function rows(scorecard: CallScorecard): Row[] {
  const info = criterionInfo();
  const out: Row[] = [];
  for (const id of CRITERIA) {
    const r = scorecard.criteria[id];
    if (!r || r.mark === 'n/a') continue;
    out.push({ id, title: info[id].title, mark: r.mark, note: r.note, ...(r.mark !== 'met' ? { tip: info[id].tip } : {}) });
  }
  return out;
}

function passRule(loaded: LoadedScenario): string {
  const p = loaded.scenario.rubric.pass;
  const keys = p.keyCriteria.filter((k) => loaded.scenario.rubric.criteria.includes(k));
  const titles = keys.map((k) => criterionInfo()[k].title.toLowerCase());
  return `pass mark ${p.minScore}${titles.length ? `; none of ${titles.join(', ')} may be missed` : ''}`;
}

function hintLines(hints: readonly HintEntry[]): string[] {
  if (hints.length === 0) return ['Hints used: none.'];
  return [`Hints used: ${hints.length}.`, ...hints.map((h, i) => `  ${i + 1}. ${h.text}`)];
}

/** The scorecard message text. */
export function scorecardText(scorecard: CallScorecard, loaded: LoadedScenario, hints: readonly HintEntry[]): string {
  const lines = [
    `Scorecard · ${loaded.scenario.id}`,
    `Score ${scorecard.score} / 100 · ${scorecard.passed ? 'PASSED' : 'NOT PASSED'} (${passRule(loaded)})`,
    '',
  ];
  for (const r of rows(scorecard)) {
    lines.push(`${SYMBOL[r.mark] ?? '•'} ${r.title}: ${r.mark}${r.note ? ` — ${r.note}` : ''}`);
    if (r.tip) lines.push(`   Tip: ${r.tip}`);
  }
  lines.push('', ...hintLines(hints), '', 'Type /start to try another call, or /scenarios to see them all.');
  return lines.join('\n');
}

/** The scorecard card. */
export function scorecardCard(scorecard: CallScorecard, loaded: LoadedScenario, hints: readonly HintEntry[]): AdaptiveCard {
  const body: unknown[] = [
    { type: 'TextBlock', text: `Scorecard · ${loaded.scenario.title}`, weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'TextBlock',
      text: `Score ${scorecard.score} / 100 · ${scorecard.passed ? 'PASSED' : 'NOT PASSED'}`,
      color: scorecard.passed ? 'Good' : 'Attention',
      weight: 'Bolder',
      wrap: true,
    },
    { type: 'TextBlock', text: passRule(loaded), isSubtle: true, wrap: true, spacing: 'None' },
  ];
  for (const r of rows(scorecard)) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: `${SYMBOL[r.mark] ?? '•'} ${r.title}: ${r.mark}`, weight: 'Bolder', color: COLOUR[r.mark] ?? 'Default', wrap: true },
        ...(r.note ? [{ type: 'TextBlock', text: r.note, wrap: true, spacing: 'None' }] : []),
        ...(r.tip ? [{ type: 'TextBlock', text: `Tip: ${r.tip}`, wrap: true, isSubtle: true, spacing: 'Small' }] : []),
      ],
    });
  }
  body.push({ type: 'TextBlock', text: hintLines(hints).join('\n'), wrap: true, separator: true, isSubtle: true });
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body,
    actions: [{ type: 'Action.Submit', title: 'Choose another call', data: { command: '/scenarios' } }],
  };
}
