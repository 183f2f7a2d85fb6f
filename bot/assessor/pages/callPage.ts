/**
 * One call: its facts and outcome, the transcript as a chat, and each criterion with the
 * machine's mark, note, evidence and qualification references, the learner's disputes, the
 * assessors' marks so far and a form to record one. Choosing a criterion highlights its
 * evidence in the transcript (assessor.js); without script, evidence links jump to it.
 */
import { MARKS, type CallRecord, type Mark } from '../../../domain/calls.js';
import type { ScenarioInfo } from '../catalogue.js';
import type { CriterionView, Outcome } from '../marks.js';
import { formatDateTime, formatDuration, MARK_LABELS, markClass } from './format.js';
import { html, type SafeHtml } from './html.js';
import { layout, type Viewer } from './layout.js';
import { transcriptView } from './transcriptView.js';

/** A moderation form that was sent back with a problem. */
export interface FormProblem {
  criterion: string;
  message: string;
  mark?: string;
  reason?: string;
}

export interface CallPageData {
  viewer: Viewer;
  call: CallRecord;
  views: CriterionView[];
  scenario: ScenarioInfo;
  assessorOutcome?: Outcome;
  /** The criterion just moderated (a confirmation is shown). */
  moderated?: string;
  problem?: FormProblem;
}

function badge(label: string, mark: Mark | undefined): SafeHtml {
  return html`<span class="badge badge--${markClass(mark)}">${label}: ${mark ? MARK_LABELS[mark] : 'not marked'}</span>`;
}

function outcomeText(score: number | undefined | null, passed: boolean | undefined | null): string {
  if (score === undefined || score === null) return 'not marked';
  return `${score} / 100, ${passed ? 'passed' : 'not passed'}`;
}

function facts(d: CallPageData): SafeHtml {
  const c = d.call;
  const moderated = d.views.some((v) => v.moderation.length > 0);
  return html`<dl class="facts">
    <div><dt>Learner</dt><dd><a href="/assessor/learners/${encodeURIComponent(c.learner.id)}">${c.learner.name || c.learner.id}</a></dd></div>
    <div><dt>Scenario</dt><dd>${d.scenario.title} <span class="muted">(${c.scenario})</span></dd></div>
    <div><dt>Mode</dt><dd>${c.mode === 'assessment' ? 'Assessment' : 'Practice'}</dd></div>
    <div><dt>Status</dt><dd>${c.status}</dd></div>
    <div><dt>Started</dt><dd><time datetime="${c.startedAt}">${formatDateTime(c.startedAt)}</time></dd></div>
    <div><dt>Length</dt><dd>${formatDuration(c.startedAt, c.endedAt)}</dd></div>
    <div><dt>Machine mark</dt><dd id="machine-outcome">${outcomeText(c.score, c.passed)}</dd></div>
    ${moderated && d.assessorOutcome
      ? html`<div><dt>After moderation</dt><dd id="assessor-outcome">${outcomeText(d.assessorOutcome.score, d.assessorOutcome.passed)}</dd></div>`
      : ''}
    ${c.hints.length > 0 ? html`<div><dt>Hints used</dt><dd>${c.hints.length}</dd></div>` : ''}
  </dl>`;
}

function moderationForm(d: CallPageData, v: CriterionView): SafeHtml {
  const problem = d.problem?.criterion === v.id ? d.problem : undefined;
  const chosen = problem?.mark ?? v.effective;
  const errorId = `mod-error-${v.id}`;
  return html`<details class="moderate" ${problem ? html`open` : ''}>
    <summary>Moderate this mark</summary>
    <form method="post" action="/assessor/calls/${d.call.id}/moderation" class="stack" data-criterion="${v.id}">
      <input type="hidden" name="_csrf" value="${d.viewer.csrf}">
      <input type="hidden" name="criterion" value="${v.id}">
      ${problem ? html`<p class="error" role="alert" id="${errorId}">${problem.message}</p>` : ''}
      <label for="mark-${v.id}">Assessor's mark</label>
      <select id="mark-${v.id}" name="mark">
        ${MARKS.map((m) => html`<option value="${m}" ${m === chosen ? html`selected` : ''}>${MARK_LABELS[m]}</option>`)}
      </select>
      <label for="reason-${v.id}">Reason <span class="muted">(kept with the mark, shown to reviewers)</span></label>
      <textarea id="reason-${v.id}" name="reason" rows="3" maxlength="2000" required
        ${problem ? html`aria-invalid="true" aria-describedby="${errorId}"` : ''}>${problem?.reason ?? ''}</textarea>
      <button type="submit" class="primary">Record mark</button>
    </form>
  </details>`;
}

function criterionItem(d: CallPageData, v: CriterionView): SafeHtml {
  const evidence = v.machine?.evidence ?? [];
  const latest = v.moderation.at(-1);
  const open = v.disputes.filter((x) => !x.resolved);
  return html`<li class="criterion criterion--${markClass(v.effective)} ${open.length > 0 ? 'criterion--disputed' : ''}" id="criterion-${v.id}" data-criterion="${v.id}">
    <div class="criterion__head">
      <h3 class="criterion__title">
        <button type="button" class="show-evidence" data-evidence="${evidence.map((e) => e.activity).join(' ')}" data-title="${v.title}"
          aria-pressed="false" aria-controls="transcript">${v.title}</button>
      </h3>
      <div class="criterion__marks">
        ${badge('Machine', v.machine?.mark)}
        ${latest ? badge('Assessor', latest.mark) : ''}
      </div>
    </div>
    <p class="refs"><span class="muted">${v.id}</span>${v.references.length > 0 ? html` · ${v.references.join('; ')}` : ''}</p>
    ${v.machine?.note ? html`<p class="note">${v.machine.note}</p>` : ''}
    ${evidence.length > 0
      ? html`<ul class="evidence" aria-label="Evidence">
          ${evidence.map((e) => html`<li><a href="#activity-${e.activity}">#${e.activity}</a> <q>${e.quote}</q></li>`)}
        </ul>`
      : v.machine && v.machine.mark !== 'n/a'
        ? html`<p class="muted small">No evidence quoted.</p>`
        : ''}
    ${v.disputes.map(
      (x) => html`<div class="dispute ${x.resolved ? 'dispute--resolved' : ''}">
        <strong>${x.resolved ? 'Dispute answered' : 'Learner disputes this mark'}:</strong> “${x.reason}”
        <span class="muted">— ${x.by === d.call.learner.id ? d.call.learner.name || x.by : x.by}, ${formatDateTime(x.at)}</span>
      </div>`,
    )}
    ${v.moderation.length > 0
      ? html`<ol class="history" aria-label="Assessor marks, oldest first">
          ${v.moderation.map(
            (m) => html`<li><span class="badge badge--${markClass(m.mark)}">${MARK_LABELS[m.mark]}</span> by ${m.by},
              <time datetime="${m.at}">${formatDateTime(m.at)}</time>: ${m.reason}</li>`,
          )}
        </ol>`
      : ''}
    ${d.moderated === v.id ? html`<p class="success" role="status">Your mark was recorded.</p>` : ''}
    ${d.call.scorecard ? moderationForm(d, v) : ''}
  </li>`;
}

/** The whole call page. */
export function callPage(d: CallPageData): string {
  const c = d.call;
  const who = c.learner.name || c.learner.id;
  return layout({
    title: `${who} — ${d.scenario.title}`,
    viewer: d.viewer,
    active: 'calls',
    body: html`<div class="page-head">
        <div>
          <p class="crumbs"><a href="/assessor">Calls</a> ›</p>
          <h1>${who} — ${d.scenario.title}</h1>
        </div>
        <ul class="actions" aria-label="Downloads and reports">
          <li><a href="/api/assessor/calls/${c.id}/transcript" download>Transcript (.transcript)</a></li>
          ${c.scorecard ? html`<li><a href="/api/assessor/calls/${c.id}/xapi" download>xAPI statements</a></li>` : ''}
          <li><a href="/assessor/calls/${c.id}/report">Evidence report</a></li>
        </ul>
      </div>
      ${facts(d)}
      ${d.problem && !d.views.some((v) => v.id === d.problem?.criterion) ? html`<p class="error panel" role="alert">${d.problem.message}</p>` : ''}
      <div class="call-layout">
        <section class="panel transcript-panel" aria-labelledby="transcript-title">
          <h2 id="transcript-title">Transcript</h2>
          ${c.transcript.length > 0 ? transcriptView(c.transcript, c.learner.name, d.views) : html`<p class="muted">No messages yet.</p>`}
        </section>
        <section class="panel criteria-panel" aria-labelledby="criteria-title">
          <h2 id="criteria-title">Marks</h2>
          ${c.scorecard
            ? html`<p class="help">Choose a criterion to highlight its evidence in the transcript.</p>`
            : html`<p class="muted">This call has no scorecard (${c.status}); there is nothing to moderate.</p>`}
          <ul class="criteria">
            ${d.views.filter((v) => v.machine || v.moderation.length > 0 || v.disputes.length > 0).map((v) => criterionItem(d, v))}
          </ul>
        </section>
      </div>`,
  });
}
