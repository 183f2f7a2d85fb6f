/**
 * Static files of the Web Chat page: our own (bot/public/) and Microsoft's Web Chat bundle
 * from the installed `botframework-webchat` package — never a CDN. Each file is read once,
 * given a strong ETag and, when the browser accepts it, served gzip-compressed (compressed
 * once, on first request).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** The folder of our page's files. */
export const PUBLIC_DIR = fileURLToPath(new URL('../public/', import.meta.url));

/**
 * The installed Web Chat bundle. The package's `exports` map hides `dist/`, so the folder is
 * found from the package's main file instead.
 */
export function webChatBundlePath(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('botframework-webchat'));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'botframework-webchat') {
      return join(dir, 'dist', 'webchat.js');
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the botframework-webchat package folder');
    dir = parent;
  }
}

export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  gzipped?: Promise<Buffer>;
}

/** A named set of files, loaded lazily and kept in memory. */
export class AssetCache {
  readonly #assets = new Map<string, Promise<Asset>>();

  constructor(private readonly files: Record<string, { path: string; contentType: string }>) {}

  has(name: string): boolean {
    return Object.hasOwn(this.files, name);
  }

  get(name: string): Promise<Asset> {
    const file = this.files[name];
    if (!file) throw new Error(`No asset named ${name}`);
    let asset = this.#assets.get(name);
    if (!asset) {
      asset = readFile(file.path).then((body) => ({
        body,
        contentType: file.contentType,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      }));
      asset.catch(() => this.#assets.delete(name));
      this.#assets.set(name, asset);
    }
    return asset;
  }

  /** The gzip form of an asset, compressed once. */
  gzipped(asset: Asset): Promise<Buffer> {
    asset.gzipped ??= gzipAsync(asset.body, { level: 6 });
    return asset.gzipped;
  }
}
