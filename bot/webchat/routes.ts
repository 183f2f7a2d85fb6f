/**
 * The learner's Web Chat page: `GET /` and `GET /static/<file>`. The page runs Web Chat
 * against the local Direct Line (bot/directline/). A strict Content-Security-Policy lets the
 * page load only our own files; Web Chat needs `blob:` workers and inline styles.
 */
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { AssetCache, PUBLIC_DIR, webChatBundlePath, type Asset } from './assets.js';

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const JS = 'application/javascript; charset=utf-8';

/** Registers the page and its files. */
export function registerWebChatPage(server: Server, logger: Logger): void {
  const assets = new AssetCache({
    'index.html': { path: join(PUBLIC_DIR, 'index.html'), contentType: 'text/html; charset=utf-8' },
    'app.js': { path: join(PUBLIC_DIR, 'app.js'), contentType: JS },
    'app.css': { path: join(PUBLIC_DIR, 'app.css'), contentType: 'text/css; charset=utf-8' },
    'webchat.js': { path: webChatBundlePath(), contentType: JS },
  });

  const serve = async (req: Request, res: Response, name: string, headers: Record<string, string> = {}): Promise<void> => {
    let asset: Asset;
    try {
      asset = await assets.get(name);
    } catch (err) {
      logger.error({ err, asset: name }, 'cannot read a page file');
      res.send(500, { code: 'InternalError', message: 'The page is not available' });
      return;
    }
    res.header('Cache-Control', 'no-cache');
    res.header('ETag', asset.etag);
    res.header('X-Content-Type-Options', 'nosniff');
    for (const [k, v] of Object.entries(headers)) res.header(k, v);
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? await assets.gzipped(asset) : asset.body;
    res.writeHead(200, {
      'Content-Type': asset.contentType,
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const pageHeaders = { 'Content-Security-Policy': PAGE_CSP, 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY' };
  const page = async (req: Request, res: Response): Promise<void> => serve(req, res, 'index.html', pageHeaders);
  const file = async (req: Request, res: Response): Promise<void> => {
    const name = String(req.params.file);
    if (!assets.has(name) || name === 'index.html') {
      res.send(404, { code: 'ResourceNotFound', message: `${req.path()} does not exist` });
      return;
    }
    await serve(req, res, name);
  };
  server.get('/', page);
  server.head('/', page);
  server.get('/static/:file', file);
  server.head('/static/:file', file);
}
