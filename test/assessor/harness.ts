/**
 * The real server (createServer) on a random port with the assessor routes registered over a
 * real lowdb CallStore in a temporary DATA_DIR.
 */
import { LowdbCallStore } from '../../bot/storage/index.js';
import { silentLogger } from '../../bot/logger.js';
import { registerAssessorRoutes, type AssessorDeps } from '../../bot/assessor/index.js';
import type { CallStore } from '../../domain/calls.js';
import { makeTempDir } from '../bot/storage/tempDir.js';
import { serveForTest } from '../support/server.js';
import { CRITERION_INFO } from './fixtures.js';

export interface AssessorServer {
  url: string;
  calls: CallStore;
  stop(): Promise<void>;
}

/** Starts a server; `seed` runs on the store before the server listens. Criterion titles default to the fixtures'. */
export async function startAssessorServer(
  options: Partial<Omit<AssessorDeps, 'calls' | 'logger'>> & { seed?: (calls: CallStore) => Promise<unknown> } = {},
): Promise<AssessorServer> {
  const tmp = await makeTempDir('oct-assessor-');
  const calls = await LowdbCallStore.open(tmp.dir);
  await options.seed?.(calls);
  const { seed: _seed, ...rest } = options;
  const { url, stop } = await serveForTest(
    {
      bot: { run: async () => undefined },
      microsoftApp: {},
      logger: silentLogger(),
      directLineLocal: false,
      routes: [(server) => registerAssessorRoutes(server, { tokens: [], criteria: CRITERION_INFO, ...rest, calls, logger: silentLogger() })],
    },
    async () => {
      await calls.close();
      await tmp.remove();
    },
  );
  return { url, calls, stop };
}

/** A minimal RFC 4180 reader (independent of the code under test): rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
