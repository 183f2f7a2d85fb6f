/**
 * Learner scripts for the held-out set: the lines an adviser types in one practice call, played
 * through the real bot by `generate.ts` to produce a stored transcript.
 *
 * A script is a header of `# key: value` lines, then one learner line per line:
 * `scenario` (required), `seed` (the customer's seed, default 1), `learner` (the adviser's display
 * name), `scenarios` (the scenario folder, default `scenarios`). Blank lines and later `#` lines are
 * ignored.
 */

/** A parsed learner script. */
export interface LearnerScript {
  scenario: string;
  seed: number;
  learner: string;
  scenariosDir: string;
  lines: string[];
}

/** A script file that cannot be used, naming the file. */
export class ScriptError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ScriptError';
  }
}

const HEADER_KEYS = new Set(['scenario', 'seed', 'learner', 'scenarios']);

/** Reads a script's text; `file` names it in errors. */
export function parseScript(file: string, text: string): LearnerScript {
  const header = new Map<string, string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^#\s*(\w+):\s*(.+?)\s*$/.exec(raw);
    if (m && lines.length === 0) {
      if (!HEADER_KEYS.has(m[1])) throw new ScriptError(file, `unknown header "${m[1]}" (use ${[...HEADER_KEYS].join(', ')})`);
      header.set(m[1], m[2]);
    } else if (raw.trim() && !raw.startsWith('#')) {
      lines.push(raw.trim());
    }
  }
  const scenario = header.get('scenario');
  if (!scenario) throw new ScriptError(file, 'no "# scenario: <id>" header');
  const seedText = header.get('seed') ?? '1';
  if (!/^\d{1,10}$/.test(seedText)) throw new ScriptError(file, `seed must be a whole number, not "${seedText}"`);
  if (lines.length === 0) throw new ScriptError(file, 'no learner lines');
  return {
    scenario,
    seed: Number(seedText),
    learner: header.get('learner') ?? 'Learner',
    scenariosDir: header.get('scenarios') ?? 'scenarios',
    lines,
  };
}

/** The fields of a stored activity the author reads. */
export interface ReadableActivity {
  text?: string;
  from?: { role?: string };
  channelData?: { speaker?: string; scorecard?: unknown };
}

/**
 * One line per activity, numbered by its index in the transcript, as an author reads a call:
 * coach text shortened and any scorecard left out, so the call is labelled blind to the marker.
 */
export function describeCall(transcript: readonly ReadableActivity[]): string {
  return transcript
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.channelData?.scorecard === undefined)
    .map(({ a, i }) => {
      const who = a.from?.role === 'user' ? 'LEARNER' : (a.channelData?.speaker ?? 'bot');
      const text = who === 'coach' ? (a.text ?? '').slice(0, 120) : (a.text ?? '');
      return `${String(i).padStart(2)} [${who}] ${text.replace(/\n/g, '\n      ')}`;
    })
    .join('\n');
}
