/**
 * Readiness checks behind `GET /healthz`: each names a dependency the bot needs to serve
 * (storage reachable, scenarios loaded, …) and rejects, with the reason, when it cannot.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReadinessCheck {
  name: string;
  /** Resolves (optionally with a short detail) when ready; rejects otherwise. */
  check(): Promise<string | void>;
}

export interface HealthReport {
  ok: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

/** Runs every check (each bounded by `timeoutMs`) and reports. */
export async function runChecks(checks: readonly ReadinessCheck[], timeoutMs = 2000): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const detail = await Promise.race([c.check(), timeout]);
        return [c.name, { ok: true, ...(detail ? { detail } : {}) }] as const;
      } catch (err) {
        return [c.name, { ok: false, detail: err instanceof Error ? err.message : String(err) }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ok: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
}

/**
 * Ready when the scenarios folder holds at least one scenario file (YAML). The call-flow
 * code may replace this with its loader's own check once scenarios are parsed at start-up.
 */
export function scenarioFilesCheck(dir: string): ReadinessCheck {
  return {
    name: 'scenarios',
    async check() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      const count = entries.filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name)).length;
      if (count === 0) throw new Error(`no scenario files in ${join(dir)}`);
      return `${count} files`;
    },
  };
}
