/** The cohort view: how a group of calls did on each criterion (marks that count, after moderation). */
import { CALL_MODES } from '../../../domain/calls.js';
import type { CallFilterQuery } from '../requests.js';
import type { CohortStats } from '../service.js';
import { criteriaChart } from './chart.js';
import { percent } from './format.js';
import { href, html } from './html.js';
import { layout, type Viewer } from './layout.js';
import { filterValues } from './listPage.js';

export interface CohortPageData {
  viewer: Viewer;
  query: CallFilterQuery;
  stats: CohortStats;
  learners: { id: string; name: string }[];
  scenarios: { id: string; title: string }[];
}

/** The whole cohort page. */
export function cohortPage(d: CohortPageData): string {
  const q = d.query;
  const s = d.stats;
  const opt = (value: string, label: string, current: string | undefined) => html`<option value="${value}" ${value === current ? html`selected` : ''}>${label}</option>`;
  return layout({
    title: 'Cohort',
    viewer: d.viewer,
    active: 'cohort',
    body: html`<div class="page-head">
        <h1>Cohort</h1>
        <ul class="actions" aria-label="Exports">
          <li><a href="${href('/api/assessor/cohort', filterValues(q))}">Figures (JSON)</a></li>
          <li><a href="${href('/api/assessor/calls.csv', filterValues(q))}" download>CSV</a></li>
        </ul>
      </div>
      <form method="get" action="/assessor/cohort" class="filters panel" aria-label="Choose the cohort">
        <div class="field"><label for="c-learner">Learner</label><select id="c-learner" name="learner"><option value="">All learners</option>
          ${d.learners.map((l) => opt(l.id, l.name || l.id, q.learner))}</select></div>
        <div class="field"><label for="c-scenario">Scenario</label><select id="c-scenario" name="scenario"><option value="">All scenarios</option>
          ${d.scenarios.map((x) => opt(x.id, x.title, q.scenario))}</select></div>
        <div class="field"><label for="c-mode">Mode</label><select id="c-mode" name="mode"><option value="">Any</option>
          ${CALL_MODES.map((m) => opt(m, m === 'assessment' ? 'Assessment' : 'Practice', q.mode))}</select></div>
        <div class="field"><label for="c-from">From</label><input id="c-from" name="from" type="date" value="${q.from?.slice(0, 10) ?? ''}"></div>
        <div class="field"><label for="c-to">To</label><input id="c-to" name="to" type="date" value="${q.to?.slice(0, 10) ?? ''}"></div>
        <div class="field field--actions"><button type="submit" class="primary">Show</button> <a href="/assessor/cohort" class="secondary">Clear</a></div>
      </form>
      <dl class="facts">
        <div><dt>Calls</dt><dd>${s.calls}</dd></div>
        <div><dt>Marked</dt><dd>${s.marked}</dd></div>
        <div><dt>Passed (machine)</dt><dd>${s.passed} ${s.marked > 0 ? html`<span class="muted">(${percent(s.passed / s.marked)})</span>` : ''}</dd></div>
        <div><dt>Passed after moderation</dt><dd id="cohort-assessor-passed">${s.assessorPassed}</dd></div>
        <div><dt>Average score</dt><dd>${s.averageScore ?? '—'}</dd></div>
      </dl>
      ${s.marked === 0
        ? html`<p class="panel empty">No marked calls match.</p>`
        : html`<section class="panel" aria-labelledby="chart-heading">
            <h2 id="chart-heading">Met rate per criterion</h2>
            ${criteriaChart(s.criteria)}
          </section>
          <section class="panel table-wrap" aria-labelledby="table-heading">
            <h2 id="table-heading">Figures</h2>
            <table class="cohort-table">
              <thead><tr><th scope="col">Criterion</th><th scope="col">References</th><th scope="col" class="num">Applied</th>
                <th scope="col" class="num">Met</th><th scope="col" class="num">Partly</th><th scope="col" class="num">Missed</th>
                <th scope="col" class="num">Met rate</th><th scope="col" class="num">Moderated</th></tr></thead>
              <tbody>
                ${s.criteria.map(
                  (c) => html`<tr data-criterion="${c.id}"><th scope="row">${c.title}</th><td>${c.references.join('; ')}</td>
                    <td class="num">${c.applied}</td><td class="num">${c.met}</td><td class="num">${c.partly}</td><td class="num">${c.missed}</td>
                    <td class="num">${percent(c.metRate)}</td><td class="num">${c.moderated}</td></tr>`,
                )}
              </tbody>
            </table>
          </section>`}`,
  });
}
