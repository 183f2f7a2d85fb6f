/**
 * The cohort chart as server-rendered SVG: one stacked bar per criterion (met, partly,
 * missed, as shares of the calls where it applied), labelled with the met rate and the
 * number of calls. Colours come from the stylesheet; the same figures are in a table.
 */
import type { CriterionStats } from '../service.js';
import { percent } from './format.js';
import { html, type SafeHtml } from './html.js';

const ROW = 30;
const LABEL = 230;
const BAR = 380;
const TAIL = 130;
const TOP = 34;

/** A horizontal stacked bar chart of marks per criterion. */
export function criteriaChart(criteria: readonly CriterionStats[]): SafeHtml {
  const height = TOP + criteria.length * ROW + 8;
  const width = LABEL + BAR + TAIL;
  const rows = criteria.map((c, i) => {
    const y = TOP + i * ROW;
    if (c.applied === 0) {
      return html`<g class="chart-row" data-criterion="${c.id}">
        <text x="${LABEL - 10}" y="${y + 15}" class="chart-label" text-anchor="end">${c.title}</text>
        <rect x="${LABEL}" y="${y + 4}" width="${BAR}" height="${ROW - 10}" class="bar-none"></rect>
        <text x="${LABEL + BAR + 8}" y="${y + 15}" class="chart-value">not applied</text>
      </g>`;
    }
    const w = (n: number): number => Math.round((n / c.applied) * BAR * 10) / 10;
    const met = w(c.met);
    const partly = w(c.partly);
    return html`<g class="chart-row" data-criterion="${c.id}">
      <text x="${LABEL - 10}" y="${y + 15}" class="chart-label" text-anchor="end">${c.title}</text>
      <rect x="${LABEL}" y="${y + 4}" width="${met}" height="${ROW - 10}" class="bar-met"><title>${c.title}: ${c.met} met</title></rect>
      <rect x="${LABEL + met}" y="${y + 4}" width="${partly}" height="${ROW - 10}" class="bar-partly"><title>${c.title}: ${c.partly} partly</title></rect>
      <rect x="${LABEL + met + partly}" y="${y + 4}" width="${Math.max(0, BAR - met - partly)}" height="${ROW - 10}" class="bar-missed"><title>${c.title}: ${c.missed} missed</title></rect>
      <text x="${LABEL + BAR + 8}" y="${y + 15}" class="chart-value">${percent(c.metRate)} met (${c.applied})</text>
    </g>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMinYMin meet">
    <title id="chart-title">Marks per criterion</title>
    <desc id="chart-desc">For each criterion, the share of calls where it applied that were met, partly met and missed. The table below gives the figures.</desc>
    <g class="chart-legend" aria-hidden="true">
      <rect x="${LABEL}" y="6" width="12" height="12" class="bar-met"></rect><text x="${LABEL + 16}" y="16">Met</text>
      <rect x="${LABEL + 60}" y="6" width="12" height="12" class="bar-partly"></rect><text x="${LABEL + 76}" y="16">Partly</text>
      <rect x="${LABEL + 130}" y="6" width="12" height="12" class="bar-missed"></rect><text x="${LABEL + 146}" y="16">Missed</text>
    </g>
    ${rows}
  </svg>`;
}
