/**
 * The SQL for `CallStore.list`: filters become indexed predicates, the sort becomes an
 * ORDER BY that matches `compareCallSummaries` (domain/calls.ts) exactly — missing values
 * last in either direction, ties by id ascending, strings compared as JavaScript does (via
 * the byte-wise `*_key` columns, whatever the database's collation).
 */
import type { CallQuery, CallSortKey } from '../../../domain/calls.js';
import { SUMMARY_COLUMNS } from './callRows.js';
import { boundInstant } from './timeBounds.js';

/** Column to order by for each sort key, and whether it can be NULL. */
const SORT_COLUMNS: Record<CallSortKey, { column: string; nullable: boolean }> = {
  startedAt: { column: 'started_at', nullable: false },
  endedAt: { column: 'ended_at', nullable: true },
  score: { column: 'score', nullable: true },
  learner: { column: 'learner_key', nullable: false },
  scenario: { column: 'scenario_key', nullable: false },
};

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** WHERE clause (possibly empty) and its parameters for the query's filters. */
export function whereClause(q: CallQuery): SqlQuery {
  const values: unknown[] = [];
  const conditions: string[] = [];
  const param = (value: unknown, cast: string): string => {
    values.push(value);
    return `$${values.length}::${cast}`;
  };
  if (q.learner !== undefined) conditions.push(`learner_id = ${param(q.learner, 'TEXT')}`);
  if (q.scenario !== undefined) conditions.push(`scenario = ${param(q.scenario, 'TEXT')}`);
  if (q.status !== undefined) conditions.push(`status = ${param(q.status, 'TEXT')}`);
  if (q.mode !== undefined) conditions.push(`mode = ${param(q.mode, 'TEXT')}`);
  if (q.passed !== undefined) conditions.push(`passed = ${param(q.passed, 'BOOLEAN')}`);
  if (q.disputed !== undefined) conditions.push(q.disputed ? 'open_disputes > 0' : 'open_disputes = 0');
  if (q.from !== undefined) conditions.push(`started_at >= ${param(boundInstant(q.from, 'from').toISOString(), 'TIMESTAMPTZ')}`);
  if (q.to !== undefined) conditions.push(`started_at <= ${param(boundInstant(q.to, 'to').toISOString(), 'TIMESTAMPTZ')}`);
  return { text: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', values };
}

/** ORDER BY for the query's sort. */
export function orderClause(q: CallQuery): string {
  const { column, nullable } = SORT_COLUMNS[q.sort ?? 'startedAt'];
  const dir = (q.order ?? 'desc') === 'asc' ? 'ASC' : 'DESC';
  // (x IS NULL) puts missing values last whatever the direction, on every engine.
  return `ORDER BY ${nullable ? `(${column} IS NULL), ` : ''}${column} ${dir}, id_key ASC`;
}

/** One page of summary rows. */
export function pageQuery(q: CallQuery): SqlQuery {
  const where = whereClause(q);
  const values = [...where.values];
  let paging = '';
  if (q.limit !== undefined) {
    values.push(q.limit);
    paging += ` LIMIT $${values.length}::INT`;
  }
  if (q.offset !== undefined && q.offset > 0) {
    values.push(q.offset);
    paging += ` OFFSET $${values.length}::INT`;
  }
  return {
    text: `SELECT ${SUMMARY_COLUMNS} FROM calls ${where.text} ${orderClause(q)}${paging}`,
    values,
  };
}

/**
 * The number of matches. Counted apart from the page (rather than `count(*) OVER ()` on it)
 * so the page can stop after `limit` rows read in index order.
 */
export function countQuery(q: CallQuery): SqlQuery {
  const where = whereClause(q);
  return { text: `SELECT count(*) AS total FROM calls ${where.text}`, values: where.values };
}
