/**
 * The real entry point (`bot/index.ts`, what `npm start` runs) with Bot Framework
 * credentials and `ToBotFromChannelOpenIdMetadataUrl` from the environment: it checks tokens
 * against the configured keys, and nothing it writes (stdout logs, stderr) holds the app
 * password or a token.
 */
import { describe, it, expect } from '@jest/globals';
import { spawn } from 'node:child_process';
import { makeTempDir } from '../bot/storage/tempDir.js';
import { channelClaims, makeSigningKey, signJwt, startOpenIdServer } from './helpers/openIdServer.js';
import { postActivity, repliesOf, type Posted } from './helpers/authHarness.js';

const APP_ID = 'c1d2e3f4-0000-4000-8000-00000000abcd';
const PASSWORD = 'pw-Kd7~start.test.secret~9031';
const SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

describe('npm start with MicrosoftAppId', () => {
  it('accepts a valid token, refuses a forged one, and logs neither the password nor a token', async () => {
    const key = makeSigningKey('start-key');
    const keys = await startOpenIdServer([key]);
    const tmp = await makeTempDir('oct-auth-start-');
    const good = signJwt(channelClaims(APP_ID, SERVICE_URL), key);
    const forged = signJwt(channelClaims(APP_ID, SERVICE_URL), { kid: key.kid, privateKey: makeSigningKey('other').privateKey });
    const answers: Record<string, Posted> = {};
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'test',
          PORT: '0',
          DATA_DIR: tmp.dir,
          LOG_LEVEL: 'debug',
          MicrosoftAppId: APP_ID,
          MicrosoftAppPassword: PASSWORD,
          MicrosoftAppType: 'MultiTenant',
          ToBotFromChannelOpenIdMetadataUrl: keys.metadataUrl,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      let pending = '';
      const activity = (text: string) => ({
        type: 'message',
        id: `1:${text.length}`,
        channelId: 'msteams',
        serviceUrl: SERVICE_URL,
        deliveryMode: 'expectReplies',
        from: { id: '29:learner', name: 'Sam', aadObjectId: 'aad-learner-1' },
        recipient: { id: `28:${APP_ID}`, name: 'Order Call Trainer' },
        conversation: { id: 'a:start-test', conversationType: 'personal', tenantId: 'tenant-1' },
        channelData: { tenant: { id: 'tenant-1' } },
        text,
      });
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.on('data', (d) => {
        stdout += d;
        pending += d;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          if (entry.url && entry.msg?.includes('listening')) {
            void (async () => {
              answers.good = await postActivity(entry.url!, activity('/help'), good);
              answers.forged = await postActivity(entry.url!, activity('/help'), forged);
              answers.none = await postActivity(entry.url!, activity('/help'));
            })().finally(() => child.kill('SIGTERM'));
          }
        }
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearTimeout(timer);

      expect(code).toBe(0);
      expect(answers.good.status).toBe(200);
      expect(repliesOf(answers.good).length).toBeGreaterThan(0);
      expect(answers.forged.status).toBe(401);
      expect(answers.none.status).toBe(401);
      expect(stdout).toContain('Bot Framework request refused');
      expect(stdout).toContain('Bot Framework tokens required');
      const written = stdout + stderr;
      expect(written).not.toContain(PASSWORD);
      for (const token of [good, forged]) {
        expect(written).not.toContain(token);
        expect(written).not.toContain(token.split('.')[2]);
      }
    } finally {
      await keys.close();
      await tmp.remove();
    }
  });
});
