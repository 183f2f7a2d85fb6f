/**
 * The printable evidence report of a call, and a learner's portfolio (the reports of all
 * their marked calls): scenario, date, outcome, and per applicable criterion its qualification
 * references, the machine's and the assessor's marks, the evidence quoted from the transcript
 * and the moderation. Laid out for A4 by the print stylesheet, with sign-off lines.
 */
import type { CallRecord } from '../../../domain/calls.js';
import type { ScenarioInfo } from '../catalogue.js';
import type { CriterionView, Outcome } from '../marks.js';
import { formatDate, formatDateTime, formatDuration, formatTime, MARK_LABELS, markClass } from './format.js';
import { html, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { roleLabel } from './transcriptView.js';

/** One call's report. */
export interface ReportData {
  call: CallRecord;
  views: CriterionView[];
  scenario: ScenarioInfo;
  assessorOutcome?: Outcome;
}

const outcome = (score: number | undefined | null, passed: boolean | undefined | null): string =>
  score === undefined || score === null ? 'not marked' : `${score} / 100 — ${passed ? 'passed' : 'not passed'}`;

/** The qualification references a call evidences (its applicable criteria's and the scenario's), sorted. */
export function referencesCovered(views: readonly CriterionView[], scenario: ScenarioInfo): string[] {
  const refs = new Set<string>(scenario.qualification);
  for (const v of views) if (v.effective && v.effective !== 'n/a') for (const r of v.references) refs.add(r);
  return [...refs].sort();
}

function criterionRow(r: ReportData, v: CriterionView): SafeHtml {
  const latest = v.moderation.at(-1);
  return html`<tr class="report-criterion" data-criterion="${v.id}">
    <th scope="row">${v.title}<div class="refs">${v.references.join('; ')}</div></th>
    <td>
      <span class="badge badge--${markClass(v.effective)}">${v.effective ? MARK_LABELS[v.effective] : '—'}</span>
      ${latest
        ? html`<div class="small">Machine: ${v.machine ? MARK_LABELS[v.machine.mark] : '—'}.<br>
            Assessor: ${MARK_LABELS[latest.mark]} (${latest.by}, ${formatDateTime(latest.at)}): ${latest.reason}</div>`
        : ''}
    </td>
    <td>
      ${v.machine?.note ? html`<p class="note">${v.machine.note}</p>` : ''}
      ${(v.machine?.evidence ?? []).map((e) => {
        const a = r.call.transcript[e.activity];
        return html`<blockquote class="quote"><p>${e.quote}</p>
          <footer>${a ? roleLabel(a, r.call.learner.name) : 'Message'} · #${e.activity}${a?.timestamp ? html` · ${formatTime(a.timestamp)}` : ''}</footer></blockquote>`;
      })}
      ${v.disputes.map((d) => html`<p class="small">Learner’s dispute (${formatDateTime(d.at)}): “${d.reason}”${d.resolved ? ' — answered' : ' — open'}</p>`)}
    </td>
  </tr>`;
}

/** One report as a section (used alone and in the portfolio). */
export function reportSection(r: ReportData): SafeHtml {
  const c = r.call;
  const applicable = r.views.filter((v) => v.effective !== undefined && v.effective !== 'n/a');
  const notApplied = r.views.filter((v) => v.effective === 'n/a');
  const moderated = r.views.some((v) => v.moderation.length > 0);
  return html`<section class="report" aria-labelledby="report-${c.id}">
    <h2 id="report-${c.id}">${r.scenario.title}</h2>
    <dl class="facts">
      <div><dt>Learner</dt><dd>${c.learner.name || c.learner.id}</dd></div>
      <div><dt>Date</dt><dd><time datetime="${c.startedAt}">${formatDateTime(c.startedAt)}</time> (${formatDuration(c.startedAt, c.endedAt)})</dd></div>
      <div><dt>Scenario</dt><dd>${c.scenario}</dd></div>
      <div><dt>Mode</dt><dd>${c.mode === 'assessment' ? 'Assessment' : 'Practice'}</dd></div>
      <div><dt>Machine mark</dt><dd>${outcome(c.score, c.passed)}</dd></div>
      ${moderated && r.assessorOutcome ? html`<div><dt>After moderation</dt><dd>${outcome(r.assessorOutcome.score, r.assessorOutcome.passed)}</dd></div>` : ''}
      <div><dt>Call id</dt><dd><code>${c.id}</code></dd></div>
    </dl>
    <p class="refs-covered"><strong>Qualification references evidenced:</strong> ${referencesCovered(r.views, r.scenario).join('; ') || '—'}</p>
    ${applicable.length === 0
      ? html`<p class="muted">This call has no marks.</p>`
      : html`<table class="report-table">
          <thead><tr><th scope="col">Criterion and references</th><th scope="col">Mark</th><th scope="col">Evidence</th></tr></thead>
          <tbody>${applicable.map((v) => criterionRow(r, v))}</tbody>
        </table>`}
    ${notApplied.length > 0 ? html`<p class="small muted">Not applicable in this scenario: ${notApplied.map((v) => v.title).join(', ')}.</p>` : ''}
    <div class="sign-off">
      <div>Assessor signature <span class="line"></span> Date <span class="line short"></span></div>
      <div>Learner signature <span class="line"></span> Date <span class="line short"></span></div>
    </div>
  </section>`;
}

function printBar(back: string): SafeHtml {
  return html`<div class="print-bar no-print">
    <a href="${back}">Back</a>
    <button type="button" class="primary" data-action="print">Print or save as PDF</button>
  </div>`;
}

/** The printable report of one call. */
export function reportPage(viewer: Viewer, r: ReportData, generatedAt: Date): string {
  return layout({
    title: `Evidence report — ${r.call.learner.name || r.call.learner.id}`,
    viewer,
    printable: true,
    body: html`${printBar(`/assessor/calls/${r.call.id}`)}
      <article class="report-doc">
        <header class="report-head">
          <h1>Evidence record: order call</h1>
          <p class="muted">Generated ${formatDateTime(generatedAt.toISOString())} by ${viewer.name}, Order Call Trainer.</p>
        </header>
        ${reportSection(r)}
      </article>`,
  });
}

/** A learner's portfolio: a summary, then the report of each marked call. */
export function portfolioPage(viewer: Viewer, learner: { id: string; name: string }, reports: readonly ReportData[], generatedAt: Date): string {
  const name = learner.name || learner.id;
  return layout({
    title: `Portfolio — ${name}`,
    viewer,
    printable: true,
    body: html`${printBar(`/assessor?learner=${encodeURIComponent(learner.id)}`)}
      <article class="report-doc">
        <header class="report-head">
          <h1>Portfolio: ${name}</h1>
          <p class="muted">${reports.length} marked ${reports.length === 1 ? 'call' : 'calls'}. Generated ${formatDate(generatedAt.toISOString())} by ${viewer.name}.</p>
        </header>
        ${reports.length === 0
          ? html`<p>No marked calls yet.</p>`
          : html`<table class="report-table summary">
              <thead><tr><th scope="col">Date</th><th scope="col">Scenario</th><th scope="col">Mode</th><th scope="col">Machine</th><th scope="col">After moderation</th></tr></thead>
              <tbody>${reports.map(
                (r) => html`<tr><td>${formatDate(r.call.startedAt)}</td><td><a href="#report-${r.call.id}">${r.scenario.title}</a></td>
                  <td>${r.call.mode}</td><td>${outcome(r.call.score, r.call.passed)}</td>
                  <td>${r.assessorOutcome ? outcome(r.assessorOutcome.score, r.assessorOutcome.passed) : '—'}</td></tr>`,
              )}</tbody>
            </table>
            ${reports.map((r) => reportSection(r))}`}
      </article>`,
  });
}
