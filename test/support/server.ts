/**
 * The real HTTP server (`createServer`) on a random loopback port for a test, with whatever the
 * test opened for it (stores, temporary folders) released when it stops — also when listening
 * fails.
 */
import { createServer, type ServerOptions, type TrainerServer } from '../../bot/server.js';

/** A listening test server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  app: TrainerServer;
  /** Closes the server (turns in flight finish), then runs the release. */
  stop(): Promise<void>;
}

/**
 * Builds the server from `options` and listens on 127.0.0.1, port 0.
 * @param release what to close after the server (stores, temporary folders)
 */
export async function serveForTest(options: ServerOptions, release: () => Promise<void>): Promise<TestServer> {
  let app: TrainerServer;
  let url: string;
  try {
    app = createServer(options);
    url = await app.listen(0, '127.0.0.1');
  } catch (err) {
    await release();
    throw err;
  }
  return {
    url,
    app,
    async stop() {
      await app.close();
      await release();
    },
  };
}
