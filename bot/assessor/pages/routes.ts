/**
 * The assessor pages under `/assessor`: sign-in (a token in exchange for a session cookie),
 * the calls list, a call with moderation, the cohort view, evidence reports and portfolios,
 * and their two static files. A page asked for without a session redirects to sign-in; a
 * form posted with a session must carry its CSRF token and come from this site.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { CallRecord } from '../../../domain/calls.js';
import { AssetCache } from '../../webchat/assets.js';
import type { AssessorContext } from '../context.js';
import { BadRequestError, HttpError } from '../errors.js';
import { errorAnswer, isSecure, logIfServerError, privateHeaders, requestOrigin, type Handler } from '../http.js';
import { outcomeOf } from '../marks.js';
import {
  bodyObject,
  callPageQuerySchema,
  callParamsSchema,
  callFilterQuerySchema,
  learnerParamsSchema,
  listPageQuerySchema,
  moderationFormSchema,
  noQuerySchema,
  parseRequest,
  queryObject,
  signInFormSchema,
  signOutFormSchema,
  toCallQuery,
  describeIssues,
} from '../requests.js';
import { checkCsrf, csrfTokenFor, issueSession, sessionCookie } from '../session.js';
import { callPage, type FormProblem } from './callPage.js';
import { cohortPage } from './cohortPage.js';
import { ASSESSOR_CSP, errorBody, layout, type Viewer } from './layout.js';
import { listPage, type RowFlags } from './listPage.js';
import { portfolioPage, reportPage, type ReportData } from './reportPage.js';
import { signInPage } from './signIn.js';

const PAGE_SIZE = 50;
const STATIC_DIR = fileURLToPath(new URL('../../public/assessor/', import.meta.url));

type PageHandler = (req: Request, res: Response, viewer: Viewer) => Promise<void>;

/** Sends a page with the pages' security headers. */
export function sendHtml(res: Response, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': ASSESSOR_CSP,
    ...headers,
  });
  res.end(body);
}

function redirect(res: Response, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(303, { Location: location, 'Content-Length': 0, ...headers });
  res.end();
}

/** Only our own pages are places to go back to after signing in. */
export function safeNext(next: string | undefined): string {
  return next && /^\/assessor(?:[/?#][^\s\\]*)?$/.test(next) && !/\/\.{1,2}(?:[/?#]|$)/.test(next) ? next : '/assessor';
}

/** Does a form post come from this site (when the browser says where it comes from)? */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === requestOrigin(req);
}

/** Registers the pages. */
export function registerAssessorPages(server: Server, ctx: AssessorContext): void {
  const { service, auth, logger } = ctx;

  const fail = (req: Request, res: Response, err: unknown, viewer?: Viewer): void => {
    const { status, body } = errorAnswer(err);
    logIfServerError(logger, req, status, err);
    if (res.headersSent) {
      res.end();
      return;
    }
    sendHtml(res, status, layout({ title: status === 404 ? 'Not found' : 'Problem', viewer, body: errorBody(status, body.message) }));
  };

  /** A signed-in page. */
  const page =
    (handler: PageHandler, options: { form?: boolean } = {}): Handler =>
    async (req, res) => {
      privateHeaders(res);
      let viewer: Viewer | undefined;
      try {
        const result = auth.authenticate(req);
        if (!result.ok) {
          if (result.reason === 'throttled') throw new HttpError(429, 'TooManyRequests', 'Too many wrong tokens from this address: wait a minute and try again.');
          if (req.method === 'GET' && result.reason === 'missing') {
            redirect(res, `/assessor/sign-in?next=${encodeURIComponent(safeNext(req.url))}`);
            return;
          }
          throw new HttpError(401, 'Unauthorized', 'Sign in with your assessor token to see this page.');
        }
        viewer = { name: result.assessor.name, tokenId: result.assessor.tokenId, csrf: result.via === 'session' ? csrfTokenFor(result.session) : '', session: result.via === 'session' };
        if (options.form && result.via === 'session') {
          const body = bodyObject(req);
          if (!sameOrigin(req) || !checkCsrf(result.session, body._csrf)) {
            throw new HttpError(403, 'Forbidden', 'This form has expired or did not come from this site: go back, reload the page and try again.');
          }
        }
        await handler(req, res, viewer);
      } catch (err) {
        fail(req, res, err, viewer);
      }
    };

  // Sign-in and sign-out.
  server.get('/assessor/sign-in', async (req: Request, res: Response) => {
    privateHeaders(res);
    try {
      const q = queryObject(req);
      const next = safeNext(q.next);
      const result = auth.authenticate(req);
      if (result.ok && result.via === 'session') {
        redirect(res, next);
        return;
      }
      sendHtml(res, 200, signInPage(next));
    } catch (err) {
      fail(req, res, err);
    }
  });

  server.post('/assessor/sign-in', async (req: Request, res: Response) => {
    privateHeaders(res);
    try {
      if (!sameOrigin(req)) throw new HttpError(403, 'Forbidden', 'Sign in from this site’s own sign-in page.');
      if (auth.throttled(req)) {
        sendHtml(res, 429, signInPage('/assessor', 'Too many wrong tokens from this address. Wait a minute, then try again.'));
        return;
      }
      const raw = bodyObject(req);
      const parsed = signInFormSchema.safeParse(raw);
      const next = safeNext(typeof raw.next === 'string' ? raw.next : undefined);
      const credential = parsed.success ? auth.registry.match(parsed.data.token) : undefined;
      if (!credential) {
        auth.recordFailure(req);
        logger.info({ client: req.socket?.remoteAddress }, 'assessor sign-in refused');
        sendHtml(res, 401, signInPage(next, parsed.success ? 'That token is not recognised.' : `Token ${describeIssues(parsed.error, 'field')}.`));
        return;
      }
      const value = issueSession(credential, ctx.now().getTime(), ctx.sessionTtlMs);
      logger.info({ assessor: credential.name }, 'assessor signed in');
      redirect(res, next, { 'Set-Cookie': sessionCookie(value, { secure: isSecure(req), maxAgeSeconds: ctx.sessionTtlMs / 1000 }) });
    } catch (err) {
      fail(req, res, err);
    }
  });

  server.post(
    '/assessor/sign-out',
    page(
      async (req, res) => {
        parseRequest(signOutFormSchema, bodyObject(req), 'body');
        redirect(res, '/assessor/sign-in', { 'Set-Cookie': sessionCookie('', { secure: isSecure(req), maxAgeSeconds: 0 }) });
      },
      { form: true },
    ),
  );

  // The calls list.
  const list: PageHandler = async (req, res, viewer) => {
    const q = parseRequest(listPageQuerySchema, queryObject(req), 'query');
    const pageNo = q.page ?? 1;
    const query = toCallQuery(q);
    const [pageRows, disputed, learners, scenarios] = await Promise.all([
      service.list({ ...query, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
      // only calls with an open dispute are read (the store counts them), not every call
      q.disputed === false ? [] : service.disputes({ ...toCallQuery({ ...q, sort: undefined, order: undefined }), disputed: true }),
      service.learners(),
      service.scenarioOptions(),
    ]);
    const flags = new Map<string, RowFlags>();
    for (const call of await service.records(pageRows.rows)) {
      const views = service.views(call);
      flags.set(call.id, {
        disputes: call.disputes.length,
        openDisputes: views.reduce((n, v) => n + v.disputes.filter((d) => !d.resolved).length, 0),
        moderated: views.filter((v) => v.moderation.length > 0).length,
      });
    }
    sendHtml(
      res,
      200,
      listPage({
        viewer,
        query: q,
        rows: pageRows.rows,
        total: pageRows.total,
        page: pageNo,
        pageSize: PAGE_SIZE,
        flags,
        disputed,
        learners,
        scenarios,
        scenarioTitle: (id) => service.catalogue.scenario(id).title,
      }),
    );
  };
  server.get('/assessor', page(list));
  server.get('/assessor/', page(async (_req, res) => redirect(res, '/assessor')));

  // One call.
  const renderCall = (viewer: Viewer, call: CallRecord, extra: { moderated?: string; problem?: FormProblem } = {}): string => {
    const views = service.views(call);
    const scenario = service.catalogue.scenario(call.scenario);
    const assessorOutcome = outcomeOf(views, scenario.pass);
    return callPage({ viewer, call, views, scenario, ...(assessorOutcome ? { assessorOutcome } : {}), ...extra });
  };

  server.get(
    '/assessor/calls/:id',
    page(async (req, res, viewer) => {
      const { id } = parseRequest(callParamsSchema, { ...req.params }, 'path');
      const q = parseRequest(callPageQuerySchema, queryObject(req), 'query');
      const call = await service.call(id);
      sendHtml(res, 200, renderCall(viewer, call, q.moderated ? { moderated: q.moderated } : {}));
    }),
  );

  server.post(
    '/assessor/calls/:id/moderation',
    page(
      async (req, res, viewer) => {
        const { id } = parseRequest(callParamsSchema, { ...req.params }, 'path');
        const raw = bodyObject(req);
        let body;
        try {
          body = parseRequest(moderationFormSchema, raw, 'body');
          const entry = await service.moderate(id, body, { name: viewer.name, tokenId: viewer.tokenId });
          logger.info({ call: id, criterion: entry.criterion, mark: entry.mark, by: entry.by }, 'assessor moderated a mark');
        } catch (err) {
          if (!(err instanceof BadRequestError)) throw err;
          const call = await service.call(id);
          const problem: FormProblem = {
            criterion: typeof raw.criterion === 'string' ? raw.criterion : '',
            message: err.message.replace(/^Bad body: /, 'Please check the form: '),
            ...(typeof raw.mark === 'string' ? { mark: raw.mark } : {}),
            ...(typeof raw.reason === 'string' ? { reason: raw.reason } : {}),
          };
          sendHtml(res, 400, renderCall(viewer, call, { problem }));
          return;
        }
        redirect(res, `/assessor/calls/${id}?moderated=${body.criterion}#criterion-${body.criterion}`);
      },
      { form: true },
    ),
  );

  // Reports.
  const reportOf = (call: CallRecord): ReportData => {
    const views = service.views(call);
    const scenario = service.catalogue.scenario(call.scenario);
    const assessorOutcome = outcomeOf(views, scenario.pass);
    return { call, views, scenario, ...(assessorOutcome ? { assessorOutcome } : {}) };
  };

  server.get(
    '/assessor/calls/:id/report',
    page(async (req, res, viewer) => {
      const { id } = parseRequest(callParamsSchema, { ...req.params }, 'path');
      parseRequest(noQuerySchema, queryObject(req), 'query');
      sendHtml(res, 200, reportPage(viewer, reportOf(await service.call(id)), ctx.now()));
    }),
  );

  server.get(
    '/assessor/learners/:learner',
    page(async (req, res, viewer) => {
      const { learner } = parseRequest(learnerParamsSchema, { ...req.params }, 'path');
      parseRequest(noQuerySchema, queryObject(req), 'query');
      const rows = await service.allRows({ learner, sort: 'startedAt', order: 'asc' });
      const records = (await service.records(rows)).filter((c) => c.scorecard);
      const name = rows.at(-1)?.learner.name ?? '';
      if (rows.length === 0) throw new HttpError(404, 'NotFound', `No calls for learner "${learner}".`);
      sendHtml(res, 200, portfolioPage(viewer, { id: learner, name }, records.map(reportOf), ctx.now()));
    }),
  );

  // The cohort view.
  server.get(
    '/assessor/cohort',
    page(async (req, res, viewer) => {
      const q = parseRequest(callFilterQuerySchema, queryObject(req), 'query');
      const [stats, learners, scenarios] = await Promise.all([service.cohort(toCallQuery(q)), service.learners(), service.scenarioOptions()]);
      sendHtml(res, 200, cohortPage({ viewer, query: q, stats, learners, scenarios }));
    }),
  );

  // Static files (no data in them, so no sign-in needed).
  const assets = new AssetCache({
    'assessor.css': { path: join(STATIC_DIR, 'assessor.css'), contentType: 'text/css; charset=utf-8' },
    'assessor.js': { path: join(STATIC_DIR, 'assessor.js'), contentType: 'application/javascript; charset=utf-8' },
  });
  server.get('/assessor/static/:file', async (req: Request, res: Response) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const name = String(req.params.file);
    if (!assets.has(name)) {
      res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ code: 'NotFound', message: `${req.path()} does not exist` }));
      return;
    }
    try {
      const asset = await assets.get(name);
      res.writeHead(200, {
        'Content-Type': asset.contentType,
        'Content-Length': asset.body.length,
        'Cache-Control': 'no-cache',
        ETag: asset.etag,
      });
      res.end(asset.body);
    } catch (err) {
      fail(req, res, err);
    }
  });
}
