/**
 * The assessor tools' reading and writing of call records, over any {@link CallStore}:
 * filtered lists, whole calls, moderation, the disputes list and cohort statistics. HTTP
 * and HTML live elsewhere (api.ts, pages/).
 */
import {
  CallNotFoundError,
  type CallQuery,
  type CallRecord,
  type CallStore,
  type CallSummary,
  type ModerationEntry,
} from '../../domain/calls.js';
import type { Catalogue } from './catalogue.js';
import { BadRequestError, ConflictError, NotFoundError } from './errors.js';
import { criterionViews, outcomeOf, type CriterionView, type DisputeView } from './marks.js';
import type { ModerationBody } from './requests.js';
import { callRow, type CallRow } from './rows.js';
import type { AssessorIdentity } from './tokens.js';

/** The most calls one export or summary reads. */
export const MAX_CALLS_PER_REPORT = 50_000;
const PAGE = 5_000;
const READ_CONCURRENCY = 8;

/** A call with learner disputes, for the disputes list. */
export interface DisputedCall {
  call: CallRow;
  disputes: DisputeView[];
  /** How many are not yet answered by an assessor mark. */
  open: number;
  /** When the latest dispute was raised. */
  latestAt: string;
}

/** Marks on one criterion across a cohort (marks that count: moderated where moderated). */
export interface CriterionStats {
  id: string;
  title: string;
  references: readonly string[];
  /** Calls where the criterion applies (met, partly or missed). */
  applied: number;
  met: number;
  partly: number;
  missed: number;
  notApplicable: number;
  /** Calls where an assessor changed or confirmed this criterion's mark. */
  moderated: number;
  /** met ÷ applied, or null when it never applied. */
  metRate: number | null;
  /** (met + partly) ÷ applied, or null. */
  metOrPartlyRate: number | null;
}

/** Cohort view: every marked call matching the filters. */
export interface CohortStats {
  /** Calls matching the filters (any status). */
  calls: number;
  /** Of those, calls with a scorecard. */
  marked: number;
  /** Marked calls the machine passed. */
  passed: number;
  /** Marked calls passed on the marks that count (after moderation). */
  assessorPassed: number;
  /** Mean machine score of marked calls, or null. */
  averageScore: number | null;
  criteria: CriterionStats[];
}

/** Maps over items with at most `limit` promises at a time, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Reads and moderates call records for assessors. */
export class AssessorService {
  constructor(
    private readonly calls: CallStore,
    readonly catalogue: Catalogue,
    private readonly now: () => Date,
  ) {}

  /** One page of summary rows. */
  list(query: CallQuery) {
    return this.calls.list(query);
  }

  /** Every matching summary row (paged through the store, duplicates dropped), up to {@link MAX_CALLS_PER_REPORT}. */
  async allRows(query: CallQuery): Promise<CallSummary[]> {
    const seen = new Set<string>();
    const rows: CallSummary[] = [];
    for (let offset = 0; offset < MAX_CALLS_PER_REPORT; offset += PAGE) {
      const page = await this.calls.list({ ...query, limit: PAGE, offset });
      for (const row of page.rows) {
        if (!seen.has(row.id)) {
          seen.add(row.id);
          rows.push(row);
        }
      }
      if (offset + PAGE >= page.total) break;
    }
    return rows;
  }

  /** The whole records of the rows (those deleted meanwhile are left out), in the rows' order. */
  async records(rows: readonly CallSummary[]): Promise<CallRecord[]> {
    const found = await mapLimit(rows, READ_CONCURRENCY, (row) => this.calls.get(row.id));
    return found.filter((r): r is CallRecord => r !== undefined);
  }

  /** The call, or a 404. */
  async call(id: string): Promise<CallRecord> {
    const record = await this.calls.get(id);
    if (!record) throw new NotFoundError(`No call "${id}"`);
    return record;
  }

  /** The call's criteria as assessors see them. */
  views(call: CallRecord): CriterionView[] {
    return criterionViews(call, this.catalogue);
  }

  /**
   * Records an assessor's mark on a marked call; the machine's mark is kept.
   * @throws NotFoundError, ConflictError when the call has no scorecard, BadRequestError
   *   when the scorecard has no such criterion
   */
  async moderate(id: string, body: ModerationBody, assessor: AssessorIdentity): Promise<ModerationEntry> {
    const call = await this.call(id);
    if (!call.scorecard) {
      throw new ConflictError(`Call "${id}" is ${call.status} and has no scorecard yet: only marked calls can be moderated`);
    }
    if (!Object.hasOwn(call.scorecard.criteria, body.criterion)) {
      throw new BadRequestError(`Bad body: criterion "${body.criterion}" is not on this call's scorecard`);
    }
    const entry: ModerationEntry = { criterion: body.criterion, mark: body.mark, reason: body.reason, by: assessor.name, at: this.now().toISOString() };
    try {
      await this.calls.addModeration(id, entry);
    } catch (err) {
      if (err instanceof CallNotFoundError) throw new NotFoundError(`No call "${id}"`);
      throw err;
    }
    return entry;
  }

  /** Calls with disputes among the matching ones: those with open disputes first, then the most recent. */
  async disputes(query: CallQuery): Promise<DisputedCall[]> {
    const records = await this.records(await this.allRows(query));
    const out: DisputedCall[] = [];
    for (const call of records) {
      if (call.disputes.length === 0) continue;
      const disputes = this.views(call)
        .flatMap((v) => v.disputes)
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      out.push({ call: callRow(call), disputes, open: disputes.filter((d) => !d.resolved).length, latestAt: disputes[0].at });
    }
    return out.sort((a, b) => Number(b.open > 0) - Number(a.open > 0) || (a.latestAt < b.latestAt ? 1 : a.latestAt > b.latestAt ? -1 : 0));
  }

  /** Marks per criterion over the matching calls. */
  async cohort(query: CallQuery): Promise<CohortStats> {
    const rows = await this.allRows(query);
    const records = (await this.records(rows.filter((r) => r.status === 'ended'))).filter((r) => r.scorecard);
    const stats = new Map<string, CriterionStats>();
    let passed = 0;
    let assessorPassed = 0;
    let scoreSum = 0;
    for (const call of records) {
      const views = this.views(call);
      if (call.scorecard?.passed) passed += 1;
      scoreSum += call.scorecard?.score ?? 0;
      if (outcomeOf(views, this.catalogue.scenario(call.scenario).pass)?.passed) assessorPassed += 1;
      for (const v of views) {
        let s = stats.get(v.id);
        if (!s) {
          s = { id: v.id, title: v.title, references: v.references, applied: 0, met: 0, partly: 0, missed: 0, notApplicable: 0, moderated: 0, metRate: null, metOrPartlyRate: null };
          stats.set(v.id, s);
        }
        if (v.effective === 'n/a') s.notApplicable += 1;
        else if (v.effective !== undefined) {
          s.applied += 1;
          s[v.effective] += 1;
        }
        if (v.moderation.length > 0) s.moderated += 1;
      }
    }
    const criteria = this.catalogue.criterionIds(stats.keys()).map((id) => {
      const s = stats.get(id) ?? { id, ...this.catalogue.criterion(id), applied: 0, met: 0, partly: 0, missed: 0, notApplicable: 0, moderated: 0, metRate: null, metOrPartlyRate: null };
      if (s.applied > 0) {
        s.metRate = s.met / s.applied;
        s.metOrPartlyRate = (s.met + s.partly) / s.applied;
      }
      return s;
    });
    return {
      calls: rows.length,
      marked: records.length,
      passed,
      assessorPassed,
      averageScore: records.length > 0 ? Math.round((scoreSum / records.length) * 10) / 10 : null,
      criteria,
    };
  }

  /** Every learner with a call, by name. */
  async learners(): Promise<{ id: string; name: string }[]> {
    const byId = new Map<string, string>();
    for (const row of await this.allRows({ sort: 'startedAt', order: 'asc' })) byId.set(row.learner.id, row.learner.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.id < b.id ? -1 : 1));
  }

  /** Scenario ids that have calls, plus the loaded scenarios, by title. */
  async scenarioOptions(): Promise<{ id: string; title: string }[]> {
    const ids = new Set(this.catalogue.scenarios().map((s) => s.id));
    for (const row of await this.allRows({})) ids.add(row.scenario);
    return [...ids].map((id) => ({ id, title: this.catalogue.scenario(id).title })).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  }
}
