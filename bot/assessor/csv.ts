/**
 * The calls CSV (contract §7): RFC 4180 (CRLF line ends, fields with commas, quotes or line
 * breaks quoted, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs read
 * names correctly. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, tab or carriage return) is prefixed with `'` (OWASP, "CSV Injection").
 */
import type { CallRecord } from '../../domain/calls.js';
import type { Catalogue } from './catalogue.js';
import { criterionViews, openDisputes, outcomeOf } from './marks.js';

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell value: text is guarded and quoted as needed; numbers and booleans are written as they are. */
export type CsvValue = string | number | boolean | null | undefined;

/** One CSV field. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** The byte-order mark that starts the file. */
export const CSV_BOM = '\uFEFF';

/**
 * The calls CSV: id, learner, scenario, dates, machine score and pass, one column per
 * criterion (the assessor's mark where there is one, else the machine's), then the outcome
 * on those marks, which criteria were moderated and how many disputes are open.
 */
export function callsCsv(calls: readonly CallRecord[], catalogue: Catalogue): string {
  const criteria = catalogue.criterionIds(calls.flatMap((c) => Object.keys(c.scorecard?.criteria ?? {})));
  const header = [
    'id',
    'learner_id',
    'learner_name',
    'scenario',
    'mode',
    'status',
    'started_at',
    'ended_at',
    'score',
    'passed',
    ...criteria,
    'assessor_score',
    'assessor_passed',
    'moderated_criteria',
    'open_disputes',
  ];
  let out = CSV_BOM + csvLine(header);
  for (const call of calls) {
    const views = criterionViews(call, catalogue);
    const byId = new Map(views.map((v) => [v.id, v]));
    const outcome = outcomeOf(views, catalogue.scenario(call.scenario).pass);
    out += csvLine([
      call.id,
      call.learner.id,
      call.learner.name,
      call.scenario,
      call.mode,
      call.status,
      call.startedAt,
      call.endedAt,
      call.score,
      call.passed,
      ...criteria.map((id) => byId.get(id)?.effective),
      outcome?.score,
      outcome?.passed,
      views
        .filter((v) => v.moderation.length > 0)
        .map((v) => v.id)
        .join(' '),
      call.disputes.length > 0 ? openDisputes(views).length : 0,
    ]);
  }
  return out;
}
