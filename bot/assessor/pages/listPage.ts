/**
 * The calls list: filters (learner, scenario, dates, status, mode, pass/fail), open disputes
 * first, then the calls as a sortable table with flags for disputes and moderation, paged.
 */
import { CALL_MODES, CALL_STATUSES, type CallSummary, type CallSortKey } from '../../../domain/calls.js';
import type { ListPageQuery } from '../requests.js';
import type { DisputedCall } from '../service.js';
import { formatDateTime } from './format.js';
import { href, html, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';

/** Per call on the page: how many disputes are open and how many criteria were moderated. */
export interface RowFlags {
  openDisputes: number;
  disputes: number;
  moderated: number;
}

export interface ListPageData {
  viewer: Viewer;
  query: ListPageQuery;
  rows: CallSummary[];
  total: number;
  page: number;
  pageSize: number;
  flags: ReadonlyMap<string, RowFlags>;
  /** Calls with open disputes among all that match the filters. */
  disputed: DisputedCall[];
  learners: { id: string; name: string }[];
  scenarios: { id: string; title: string }[];
  scenarioTitle: (id: string) => string;
}

const STATUS_LABELS: Record<string, string> = { 'in-progress': 'In progress', ended: 'Ended', abandoned: 'Abandoned' };

/** The filters as query values (for links that keep them). */
export function filterValues(q: ListPageQuery): Record<string, string | undefined> {
  return {
    learner: q.learner,
    scenario: q.scenario,
    from: q.from,
    to: q.to,
    status: q.status,
    mode: q.mode,
    passed: q.passed === undefined ? undefined : String(q.passed),
    disputed: q.disputed === undefined ? undefined : String(q.disputed),
  };
}

function select(name: string, label: string, options: { value: string; label: string }[], current: string | undefined): SafeHtml {
  return html`<div class="field">
    <label for="f-${name}">${label}</label>
    <select id="f-${name}" name="${name}">
      <option value="">Any</option>
      ${options.map((o) => html`<option value="${o.value}" ${o.value === current ? html`selected` : ''}>${o.label}</option>`)}
    </select>
  </div>`;
}

function filters(d: ListPageData): SafeHtml {
  const q = d.query;
  return html`<form method="get" action="/assessor" class="filters panel" aria-labelledby="filters-title">
    <h2 id="filters-title" class="visually-hidden">Filter the calls</h2>
    ${select('learner', 'Learner', d.learners.map((l) => ({ value: l.id, label: l.name || l.id })), q.learner)}
    ${select('scenario', 'Scenario', d.scenarios.map((s) => ({ value: s.id, label: s.title })), q.scenario)}
    <div class="field">
      <label for="f-from">From</label>
      <input id="f-from" name="from" type="date" value="${q.from?.slice(0, 10) ?? ''}">
    </div>
    <div class="field">
      <label for="f-to">To</label>
      <input id="f-to" name="to" type="date" value="${q.to?.slice(0, 10) ?? ''}">
    </div>
    ${select('status', 'Status', CALL_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), q.status)}
    ${select('mode', 'Mode', CALL_MODES.map((m) => ({ value: m, label: m === 'assessment' ? 'Assessment' : 'Practice' })), q.mode)}
    ${select('passed', 'Result', [{ value: 'true', label: 'Passed' }, { value: 'false', label: 'Not passed' }], q.passed === undefined ? undefined : String(q.passed))}
    ${select('disputed', 'Disputes', [{ value: 'true', label: 'Open disputes' }, { value: 'false', label: 'No open disputes' }], q.disputed === undefined ? undefined : String(q.disputed))}
    <input type="hidden" name="sort" value="${q.sort ?? ''}">
    <input type="hidden" name="order" value="${q.order ?? ''}">
    <div class="field field--actions">
      <button type="submit" class="primary" id="apply-filters">Apply filters</button>
      <a href="/assessor" class="secondary">Clear</a>
    </div>
  </form>`;
}

function disputedSection(d: ListPageData): SafeHtml {
  const open = d.disputed.filter((c) => c.open > 0);
  if (open.length === 0) return html``;
  return html`<section class="panel disputes" aria-labelledby="disputes-title">
    <h2 id="disputes-title">Open disputes <span class="count">${open.length}</span></h2>
    <p class="help">Learners disagree with these marks. Open the call, check the evidence and record your mark on the criterion.</p>
    <ul class="dispute-list">
      ${open.map(
        (c) => html`<li>
          <a href="/assessor/calls/${c.call.id}">${c.call.learner.name || c.call.learner.id} — ${d.scenarioTitle(c.call.scenario)}</a>
          <span class="muted">${formatDateTime(c.call.startedAt)}</span>
          <ul>
            ${c.disputes
              .filter((x) => !x.resolved)
              .map((x) => html`<li><strong>${x.criterion}</strong>: “${x.reason}” <span class="muted">(${formatDateTime(x.at)})</span></li>`)}
          </ul>
        </li>`,
      )}
    </ul>
  </section>`;
}

function sortHeader(d: ListPageData, key: CallSortKey, label: string): SafeHtml {
  const current = (d.query.sort ?? 'startedAt') === key;
  const order = d.query.order ?? (key === 'startedAt' || key === 'endedAt' || key === 'score' ? 'desc' : 'asc');
  const nextOrder = current ? (order === 'asc' ? 'desc' : 'asc') : key === 'learner' || key === 'scenario' ? 'asc' : 'desc';
  const aria = current ? (order === 'asc' ? 'ascending' : 'descending') : undefined;
  return html`<th scope="col" ${aria ? html`aria-sort="${aria}"` : ''}>
    <a href="${href('/assessor', { ...filterValues(d.query), sort: key, order: nextOrder })}" class="sort-link">${label}${
      current ? html`<span aria-hidden="true">${order === 'asc' ? ' ▲' : ' ▼'}</span>` : ''
    }</a>
  </th>`;
}

function resultCell(row: CallSummary): SafeHtml {
  if (row.passed === undefined) return html`<span class="muted">—</span>`;
  return row.passed ? html`<span class="badge badge--met">Passed</span>` : html`<span class="badge badge--missed">Not passed</span>`;
}

function table(d: ListPageData): SafeHtml {
  if (d.rows.length === 0) return html`<p class="panel empty">No calls match these filters.</p>`;
  return html`<div class="table-wrap panel">
    <table class="calls" id="calls-table">
      <caption class="visually-hidden">Calls, ${d.total} in all</caption>
      <thead><tr>
        ${sortHeader(d, 'startedAt', 'Started')}
        ${sortHeader(d, 'learner', 'Learner')}
        ${sortHeader(d, 'scenario', 'Scenario')}
        <th scope="col">Mode</th>
        <th scope="col">Status</th>
        ${sortHeader(d, 'score', 'Score')}
        <th scope="col">Result</th>
        <th scope="col">Flags</th>
      </tr></thead>
      <tbody>
        ${d.rows.map((row) => {
          const f = d.flags.get(row.id);
          return html`<tr class="${f && f.openDisputes > 0 ? 'row--disputed' : ''}" data-call="${row.id}">
            <td><a href="/assessor/calls/${row.id}"><time datetime="${row.startedAt}">${formatDateTime(row.startedAt)}</time></a></td>
            <td><a href="/assessor/learners/${encodeURIComponent(row.learner.id)}" title="Portfolio of ${row.learner.name}">${row.learner.name || row.learner.id}</a></td>
            <td>${d.scenarioTitle(row.scenario)}</td>
            <td>${row.mode === 'assessment' ? 'Assessment' : 'Practice'}</td>
            <td>${STATUS_LABELS[row.status] ?? row.status}</td>
            <td class="num">${row.score ?? '—'}</td>
            <td>${resultCell(row)}</td>
            <td>
              ${f && f.openDisputes > 0 ? html`<span class="badge badge--dispute">Disputed (${f.openDisputes})</span>` : ''}
              ${f && f.disputes > 0 && f.openDisputes === 0 ? html`<span class="badge badge--neutral">Dispute answered</span>` : ''}
              ${f && f.moderated > 0 ? html`<span class="badge badge--moderated">Moderated (${f.moderated})</span>` : ''}
            </td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

function pager(d: ListPageData): SafeHtml {
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  if (pages <= 1) return html``;
  const link = (page: number) => href('/assessor', { ...filterValues(d.query), sort: d.query.sort, order: d.query.order, page });
  return html`<nav class="pager" aria-label="Pages">
    ${d.page > 1 ? html`<a href="${link(d.page - 1)}" rel="prev">Previous</a>` : ''}
    <span>Page ${d.page} of ${pages}</span>
    ${d.page < pages ? html`<a href="${link(d.page + 1)}" rel="next">Next</a>` : ''}
  </nav>`;
}

/** The whole list page. */
export function listPage(d: ListPageData): string {
  const exportQuery = { ...filterValues(d.query), sort: d.query.sort, order: d.query.order };
  return layout({
    title: 'Calls',
    viewer: d.viewer,
    active: 'calls',
    body: html`<div class="page-head">
        <h1>Calls <span class="count">${d.total}</span></h1>
        <ul class="actions" aria-label="Exports of these calls">
          <li><a href="${href('/api/assessor/calls.csv', exportQuery)}" id="export-csv" download>CSV</a></li>
          <li><a href="${href('/api/assessor/xapi', exportQuery)}" download>xAPI statements</a></li>
          <li><a href="${href('/assessor/cohort', filterValues(d.query))}">Cohort view</a></li>
        </ul>
      </div>
      ${filters(d)}
      ${disputedSection(d)}
      ${table(d)}
      ${pager(d)}`,
  });
}
