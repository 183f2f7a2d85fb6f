/**
 * `computeTruths`: every figure a call in this scenario can be judged against — prices
 * with their VAT basis, dates with their role, the credit position, stock, offers that
 * do and do not apply, the problem, the escalation, follow-up limits and required terms —
 * computed by the order world from the scenario's data and clock. Nothing here is read
 * from an answer typed into the scenario: change a quantity or the clock and the truths
 * follow. Typical wrong figures are listed too, for the marker and the simulator.
 */
import { compareDates, type LocalDate } from '../dates.js';
import { calendarFor, makeCalendar } from '../world/calendar.js';
import type { Organisation } from './organisation.js';
import type { Scenario } from './schema.js';
import { DEFAULT_KEY_CRITERIA, DEFAULT_PASS_SCORE } from './vocabulary.js';
import { TruthsBuilder, truthContext, type TruthContext } from './truths/builder.js';
import { existingOrderTruths } from './truths/existing.js';
import { placeTruths } from './truths/place.js';
import { termsTruth } from './truths/terms.js';
import type { DateFigure, EscalationTruth, OptionId, Truths } from './truths/types.js';

export type * from './truths/types.js';
export { termStatement } from './truths/terms.js';

function escalations(ctx: TruthContext, b: TruthsBuilder): EscalationTruth[] {
  const computed: EscalationTruth[] = [];
  for (const p of b.problems) {
    if (p.kind === 'out-of-stock') {
      const team = ctx.org.outOfStock.referTo;
      if (!computed.some((e) => e.team === team)) {
        computed.push({ team, teamName: ctx.org.teams[team].name, reason: `stock query: ${p.summary}`, source: 'computed' });
      }
    }
  }
  const late = b.lateness;
  if (late?.escalate) {
    const team = late.team;
    computed.push({
      team,
      teamName: ctx.org.teams[team].name,
      reason: `${late.workingDaysLate} working days late`,
      source: 'computed',
      goodwill: { amount: late.goodwill, needsApproval: late.goodwillNeedsApproval, approver: ctx.org.teams[team].name },
      workingDaysLate: late.workingDaysLate,
    });
  }
  const wanted = ctx.scenario.rubric.escalate;
  if (!wanted) return computed;
  const match = computed.find((e) => e.team === wanted.team);
  return [match ? { ...match, source: 'rubric' } : { team: wanted.team, teamName: ctx.org.teams[wanted.team].name, reason: 'as the scenario requires', source: 'rubric' }];
}

/** Compute the truths of a scenario set in `organisation`. */
export function computeTruths(loaded: { scenario: Scenario; organisation: Organisation }): Truths {
  const { scenario, organisation } = loaded;
  const ctx = truthContext(scenario, organisation);
  const b = new TruthsBuilder();
  let main: OptionId = 'order';
  if (scenario.wants.items?.length) main = placeTruths(ctx, b);
  const order = scenario.orders.find((o) => o.number === scenario.wants.order);
  if (order) {
    const m = existingOrderTruths(ctx, b, order);
    if (!scenario.wants.items?.length) main = m;
  }

  // the customer's needed-by date against each option
  const nb = scenario.wants.neededBy;
  let neededBy: Truths['neededBy'];
  if (nb) {
    const metBy: OptionId[] = [];
    const missedBy: OptionId[] = [];
    for (const o of b.options) {
      const dates = o.deliveries.filter((d) => d.role !== 'promised-delivery').map((d) => d.date);
      if (dates.length === 0) continue;
      const last = dates.sort()[dates.length - 1];
      o.meetsNeededBy = compareDates(last, nb.date) <= 0;
      (o.meetsNeededBy ? metBy : missedBy).push(o.id);
    }
    neededBy = { date: nb.date, kind: nb.kind, metBy, missedBy };
  }

  if (scenario.kind.purpose === 'place' && scenario.customer.type === 'business') {
    b.followUp.confirmationEmailWithinHours ??= organisation.changes.confirmationEmailWithinHours;
    b.followUp.confirmationEmailTo ??= scenario.account?.email ?? scenario.customer.identity.email;
  }
  if (scenario.rubric.followUp) b.followUp.note = scenario.rubric.followUp;

  const cal = calendarFor(organisation);
  return {
    scenarioId: scenario.id,
    organisationId: organisation.id,
    clock: scenario.clock,
    direction: scenario.kind.direction,
    purpose: scenario.kind.purpose,
    customerType: scenario.customer.type,
    calendar: { workingWeekdays: [...cal.rules.workingWeekdays], bankHolidays: [...cal.rules.bankHolidays] },
    mainOption: main,
    options: b.options,
    prices: { correct: b.correctPrices, wrong: b.wrongPrices },
    dates: { correct: b.correctDates, wrong: b.wrongDates },
    ...(b.credit ? { credit: b.credit } : {}),
    stock: b.stock,
    offers: { apply: b.offersApply, doNotApply: b.offersDoNotApply },
    problems: b.problems,
    escalation: escalations(ctx, b),
    followUp: b.followUp,
    terms: termsTruth(ctx, scenario.rubric.terms, b.return),
    ...(neededBy ? { neededBy } : {}),
    ...(b.amendment ? { amendment: b.amendment } : {}),
    ...(b.return ? { return: b.return } : {}),
    ...(b.lateness ? { lateness: b.lateness } : {}),
    rubric: {
      criteria: [...scenario.rubric.criteria],
      weights: { ...(scenario.rubric.weights ?? {}) },
      minScore: scenario.rubric.pass.minScore ?? DEFAULT_PASS_SCORE,
      keyCriteria: [...(scenario.rubric.pass.keyCriteria ?? DEFAULT_KEY_CRITERIA)],
    },
    notes: b.notes,
  };
}

/** Correct price figures of one option (and optionally one kind), for the marker and the desk. */
export function pricesFor(truths: Truths, option: OptionId, what?: string): Truths['prices']['correct'] {
  return truths.prices.correct.filter((f) => f.option === option && (what === undefined || f.what === what));
}

/** Correct dates of one role. */
export function datesFor(truths: Truths, role: string): Truths['dates']['correct'] {
  return truths.dates.correct.filter((d) => d.role === role);
}

/**
 * True when `date` is right for `figure`: the same date, or — for a figure that allows any
 * working day from it (a collection) — a working day on or after it.
 */
export function dateMatches(truths: Truths, figure: DateFigure, date: LocalDate): boolean {
  if (date === figure.date) return true;
  if (!figure.anyWorkingDayFrom) return false;
  return compareDates(date, figure.date) > 0 && makeCalendar(truths.calendar).isWorkingDay(date);
}

/** True when a delivery on `date` would miss the customer's needed-by date (false when they gave none). */
export function missesNeededBy(truths: Truths, date: LocalDate): boolean {
  return truths.neededBy !== undefined && compareDates(date, truths.neededBy.date) > 0;
}
