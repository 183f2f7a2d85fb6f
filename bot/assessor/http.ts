/**
 * Small HTTP helpers shared by the API and the pages: security headers, JSON and download
 * answers, the request origin, and turning errors into answers (an {@link HttpError} is the
 * client's; anything else is logged and answered with a plain 500).
 */
import type { Request, Response } from 'restify';
import { CallNotFoundError } from '../../domain/calls.js';
import type { Logger } from '../logger.js';
import { HttpError } from './errors.js';

/** A restify handler in the async style restify 11 wants. */
export type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * Headers on every assessor answer: private data, never cached, never framed. The referrer
 * policy is `same-origin`, not `no-referrer`: with `no-referrer` browsers send `Origin: null`
 * on form posts, and the pages check the origin of their forms.
 */
export function privateHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}

/** A JSON answer. */
export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A file download (`Content-Disposition: attachment`). `filename` must be plain ASCII without quotes. */
export function sendDownload(res: Response, body: string, contentType: string, filename: string): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
  });
  res.end(body);
}

/** The status and JSON body for an error. */
export function errorAnswer(err: unknown): { status: number; body: { code: string; message: string; details?: unknown } } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } };
  }
  if (err instanceof CallNotFoundError) return { status: 404, body: { code: 'NotFound', message: `No call "${err.callId}"` } };
  return { status: 500, body: { code: 'InternalError', message: 'Something went wrong on the server; it has been logged.' } };
}

/** Logs what the client did not cause. */
export function logIfServerError(logger: Logger, req: Request, status: number, err: unknown): void {
  if (status >= 500) logger.error({ err, method: req.method, path: req.path() }, 'assessor request failed');
}

/** Is the request over HTTPS (directly, or as a proxy in front says)? */
export function isSecure(req: Request): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  return req.isSecure() || (typeof forwarded === 'string' && forwarded.split(',')[0].trim() === 'https');
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `https://host[:port]` of the request, for links and default xAPI ids; `http://localhost` for a strange Host. */
export function requestOrigin(req: Request): string {
  const host = req.headers.host;
  return `${isSecure(req) ? 'https' : 'http'}://${typeof host === 'string' && HOST.test(host) ? host.toLowerCase() : 'localhost'}`;
}

/** A file name date (`2025-03-04`) for downloads. */
export function fileDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}
