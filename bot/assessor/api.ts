/**
 * The assessor API (contract §7) under `/api/assessor/`, JSON, every request authenticated by
 * `Authorization: Bearer <token>` (or the pages' session cookie; a cookie-authenticated POST
 * must also send the session's CSRF token in `X-CSRF-Token`). Contract routes:
 *
 *   GET  /api/assessor/calls?learner=&scenario=&from=&to=&status=   (+ mode, passed, sort, order, limit, offset)
 *   GET  /api/assessor/calls/:id
 *   GET  /api/assessor/calls/:id/transcript                         (download)
 *   POST /api/assessor/calls/:id/moderation                         {criterion, mark, reason}
 *   GET  /api/assessor/calls.csv?…same filters
 *
 * Extensions: `GET /api/assessor/disputes`, `/cohort`, `/xapi` (same filters),
 * `/calls/:id/xapi`, `/learners`.
 */
import type { Request, Response, Server } from 'restify';
import { checkCsrf } from './session.js';
import type { AssessorContext } from './context.js';
import { HttpError } from './errors.js';
import { csvExport, transcriptExport, xapiExport } from './exports.js';
import { errorAnswer, fileDate, logIfServerError, privateHeaders, requestOrigin, sendDownload, sendJson, type Handler } from './http.js';
import {
  bodyObject,
  callFilterQuerySchema,
  callListQuerySchema,
  callParamsSchema,
  moderationBodySchema,
  noQuerySchema,
  parseRequest,
  queryObject,
  toCallQuery,
} from './requests.js';
import { callDetail, callRow } from './rows.js';
import type { AssessorIdentity } from './tokens.js';

type ApiHandler = (req: Request, res: Response, assessor: AssessorIdentity) => Promise<void>;

export const API_PREFIX = '/api/assessor';

/** Registers the API routes. */
export function registerAssessorApi(server: Server, ctx: AssessorContext): void {
  const { service, auth, logger } = ctx;

  /** Authenticates, then runs the handler; every failure becomes a JSON error and nothing else. */
  const api =
    (handler: ApiHandler, options: { unsafe?: boolean } = {}): Handler =>
    async (req, res) => {
      privateHeaders(res);
      try {
        const result = auth.authenticate(req);
        if (!result.ok) {
          if (result.reason === 'throttled') {
            logger.warn({ client: req.socket?.remoteAddress, path: req.path() }, 'assessor API: too many wrong tokens');
            throw new HttpError(429, 'TooManyRequests', 'Too many wrong tokens from this address: wait a minute and try again');
          }
          res.header('WWW-Authenticate', `Bearer realm="assessor"${result.reason === 'invalid' ? ', error="invalid_token"' : ''}`);
          throw new HttpError(401, 'Unauthorized', 'An assessor token is required: send Authorization: Bearer <token>');
        }
        if (options.unsafe && result.via === 'session' && !checkCsrf(result.session, req.headers['x-csrf-token'])) {
          throw new HttpError(403, 'Forbidden', 'Missing or wrong X-CSRF-Token for this session');
        }
        await handler(req, res, result.assessor);
      } catch (err) {
        const { status, body } = errorAnswer(err);
        logIfServerError(logger, req, status, err);
        if (!res.headersSent) sendJson(res, status, body);
        else res.end();
      }
    };

  const idOf = (req: Request): string => parseRequest(callParamsSchema, { ...req.params }, 'path').id;

  server.get(`${API_PREFIX}/calls`, api(async (req, res) => {
    const q = parseRequest(callListQuerySchema, queryObject(req), 'query');
    const page = await service.list(toCallQuery(q));
    sendJson(res, 200, page.rows.map(callRow), { 'X-Total-Count': String(page.total) });
  }));

  server.get(`${API_PREFIX}/calls.csv`, api(async (req, res) => {
    const q = parseRequest(callFilterQuerySchema, queryObject(req), 'query');
    const records = await service.records(await service.allRows(toCallQuery(q)));
    sendDownload(res, csvExport(records, service), 'text/csv; charset=utf-8; header=present', `calls-${fileDate(ctx.now())}.csv`);
  }));

  server.get(`${API_PREFIX}/calls/:id`, api(async (req, res) => {
    parseRequest(noQuerySchema, queryObject(req), 'query');
    const call = await service.call(idOf(req));
    sendJson(res, 200, callDetail(call, service.catalogue));
  }));

  server.get(`${API_PREFIX}/calls/:id/transcript`, api(async (req, res) => {
    parseRequest(noQuerySchema, queryObject(req), 'query');
    const call = await service.call(idOf(req));
    sendDownload(res, transcriptExport(call), 'application/json; charset=utf-8', `${call.id}.transcript`);
  }));

  server.post(
    `${API_PREFIX}/calls/:id/moderation`,
    api(
      async (req, res, assessor) => {
        parseRequest(noQuerySchema, queryObject(req), 'query');
        const id = idOf(req);
        const body = parseRequest(moderationBodySchema, bodyObject(req), 'body');
        const entry = await service.moderate(id, body, assessor);
        logger.info({ call: id, criterion: entry.criterion, mark: entry.mark, by: entry.by }, 'assessor moderated a mark');
        sendJson(res, 201, entry);
      },
      { unsafe: true },
    ),
  );

  server.get(`${API_PREFIX}/calls/:id/xapi`, api(async (req, res) => {
    parseRequest(noQuerySchema, queryObject(req), 'query');
    const call = await service.call(idOf(req));
    const statements = xapiExport([call], service, ctx.xapiBase ?? requestOrigin(req));
    sendDownload(res, JSON.stringify(statements, null, 2), 'application/json; charset=utf-8', `${call.id}.xapi.json`);
  }));

  server.get(`${API_PREFIX}/xapi`, api(async (req, res) => {
    const q = parseRequest(callFilterQuerySchema, queryObject(req), 'query');
    const records = await service.records(await service.allRows(toCallQuery(q)));
    const statements = xapiExport(records, service, ctx.xapiBase ?? requestOrigin(req));
    // Compact: a cohort's export can run to thousands of statements.
    sendDownload(res, JSON.stringify(statements), 'application/json; charset=utf-8', `statements-${fileDate(ctx.now())}.xapi.json`);
  }));

  server.get(`${API_PREFIX}/disputes`, api(async (req, res) => {
    const q = parseRequest(callFilterQuerySchema, queryObject(req), 'query');
    sendJson(res, 200, await service.disputes(toCallQuery(q)));
  }));

  server.get(`${API_PREFIX}/cohort`, api(async (req, res) => {
    const q = parseRequest(callFilterQuerySchema, queryObject(req), 'query');
    sendJson(res, 200, await service.cohort(toCallQuery(q)));
  }));

  server.get(`${API_PREFIX}/learners`, api(async (req, res) => {
    parseRequest(noQuerySchema, queryObject(req), 'query');
    sendJson(res, 200, await service.learners());
  }));
}
