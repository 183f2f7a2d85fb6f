/**
 * What the assessor API and pages accept: zod schemas for every query, path and body, and
 * the one place their problems become a 400 with a readable message. Empty query values
 * (`?learner=&scenario=`, as a filter form sends them) mean "no filter".
 */
import type { Request } from 'restify';
import { z } from 'zod';
import { CALL_MODES, CALL_SORT_KEYS, CALL_STATUSES, MARKS, callIdSchema, type CallQuery } from '../../domain/calls.js';
import { CRITERIA } from '../../domain/scenario/vocabulary.js';
import { BadRequestError } from './errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** A real calendar date `YYYY-MM-DD`, or an ISO instant in UTC ending in `Z`. */
const dateOrInstant = z.string().refine(
  (s) => {
    const d = DATE.exec(s);
    if (d) {
      const date = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
    }
    return INSTANT.test(s) && !Number.isNaN(Date.parse(s));
  },
  { message: 'must be a date (YYYY-MM-DD) or a UTC instant (YYYY-MM-DDTHH:MM:SSZ)' },
);

const whole = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { message: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(z.number().min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` }));

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: `must be one of ${values.join(', ')}` });

/** Filters shared by the list, CSV, cohort, disputes and xAPI requests. */
const filterShape = {
  learner: z.string().max(200, { message: 'is at most 200 characters' }).optional(),
  scenario: z.string().max(100, { message: 'is at most 100 characters' }).optional(),
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  status: oneOf(CALL_STATUSES).optional(),
  mode: oneOf(CALL_MODES).optional(),
  passed: oneOf(['true', 'false'] as const)
    .transform((v) => v === 'true')
    .optional(),
  /** `true`: calls with a dispute no assessor has answered; `false`: calls without one. */
  disputed: oneOf(['true', 'false'] as const)
    .transform((v) => v === 'true')
    .optional(),
};

const sortShape = {
  sort: oneOf(CALL_SORT_KEYS).optional(),
  order: oneOf(['asc', 'desc'] as const).optional(),
};

const fromNotAfterTo = (q: { from?: string; to?: string }, ctx: z.RefinementCtx): void => {
  if (q.from !== undefined && q.to !== undefined && q.from.slice(0, 10) > q.to.slice(0, 10)) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `is after "to" (${q.to})` });
  }
};

/** `GET /api/assessor/calls`: the contract's filters plus sorting and paging. */
export const callListQuerySchema = z
  .object({ ...filterShape, ...sortShape, limit: whole(1, 10_000).optional(), offset: whole(0, 999_999).optional() })
  .strict()
  .superRefine(fromNotAfterTo);

/** Exports and summaries over every matching call (CSV, xAPI, cohort, disputes). */
export const callFilterQuerySchema = z
  .object({ ...filterShape, ...sortShape })
  .strict()
  .superRefine(fromNotAfterTo);

/** The list page: the filters, sorting and a 1-based page number. */
export const listPageQuerySchema = z
  .object({ ...filterShape, ...sortShape, page: whole(1, 100_000).optional() })
  .strict()
  .superRefine(fromNotAfterTo);

/** The call page: `moderated` names the criterion just moderated (to confirm it). */
export const callPageQuerySchema = z.object({ moderated: oneOf(CRITERIA).optional() }).strict();

/** A page or request with no query at all. */
export const noQuerySchema = z.object({}).strict();

/** `:id` in a path. */
export const callParamsSchema = z.object({ id: callIdSchema }).strict();

/** `:learner` in a path (a learner id; used only as a filter, never as a path). */
export const learnerParamsSchema = z
  .object({ learner: z.string().min(1).max(200).regex(/^[^\p{Cc}]+$/u, { message: 'must not contain control characters' }) })
  .strict();

/** `POST /api/assessor/calls/:id/moderation`. */
export const moderationBodySchema = z
  .object({
    criterion: oneOf(CRITERIA),
    mark: oneOf(MARKS),
    reason: z
      .string({ message: 'is required' })
      .trim()
      .min(1, { message: 'is required: say why the mark is changed' })
      .max(2000, { message: 'is at most 2000 characters' }),
  })
  .strict();
export type ModerationBody = z.infer<typeof moderationBodySchema>;

/** The moderation form of the call page: the same fields and its CSRF token. */
export const moderationFormSchema = moderationBodySchema.extend({ _csrf: z.string().max(200) }).strict();

/** The sign-in form. */
export const signInFormSchema = z
  .object({
    token: z.string().max(1000).trim().min(1, { message: 'is required' }),
    next: z.string().max(2000).optional(),
  })
  .strict();

/** The sign-out form. */
export const signOutFormSchema = z.object({ _csrf: z.string().max(200) }).strict();

export type CallFilterQuery = z.infer<typeof callFilterQuerySchema>;
export type CallListQuery = z.infer<typeof callListQuerySchema>;
export type ListPageQuery = z.infer<typeof listPageQuerySchema>;

/** The query string as an object; blank values are dropped, a repeated key is a 400. */
export function queryObject(req: Request): Record<string, string> {
  const url = new URL(req.url ?? '/', 'http://assessor.invalid');
  const out: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(out, key)) throw new BadRequestError(`Bad query: give "${key}" only once`);
    if (value !== '') out[key] = value;
  }
  return out;
}

/** The request body as an object (JSON or a form), or a 400. */
export function bodyObject(req: Request): Record<string, unknown> {
  let body: unknown = req.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      body = JSON.parse(body.toString());
    } catch {
      throw new BadRequestError('Bad body: send JSON (Content-Type: application/json) or a form');
    }
  }
  if (body === undefined || body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new BadRequestError('Bad body: expected a JSON object');
  return body as Record<string, unknown>;
}

/** Readable text for zod issues: `sort must be one of …; unknown parameter "x"`. */
export function describeIssues(error: z.ZodError, noun: string): string {
  return error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `unknown ${noun} "${k}"`).join('; ');
      const path = issue.path.map(String).join('.');
      return path ? `${path} ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** Parses with the schema, or throws a {@link BadRequestError} saying what was wrong. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, where: 'query' | 'path' | 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const noun = where === 'query' ? 'parameter' : where === 'body' ? 'field' : 'path part';
  throw new BadRequestError(`Bad ${where}: ${describeIssues(result.error, noun)}`, {
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}

/** The store query for parsed filters (and sorting/paging when given). */
export function toCallQuery(q: CallFilterQuery & { limit?: number; offset?: number }): CallQuery {
  const out: CallQuery = {};
  for (const key of ['learner', 'scenario', 'from', 'to', 'status', 'mode', 'passed', 'disputed', 'sort', 'order', 'limit', 'offset'] as const) {
    if (q[key] !== undefined) (out as Record<string, unknown>)[key] = q[key];
  }
  return out;
}
