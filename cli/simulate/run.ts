/**
 * Terminal practice: plays one call of a scenario through the real bot in this process —
 * the learner types, the customer, the desk and the coach answer — until the scorecard.
 * Input and output are arguments so the whole run can be driven by a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { LowdbCallStore } from '../../bot/storage/lowdbCallStore.js';
import { silentLogger } from '../../bot/logger.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { createBot } from '../../dialogs/index.js';
import { InProcessCall, type TerminalLearner } from './inProcessCall.js';
import { renderReplies } from './render.js';

/** What to play. */
export interface SimulateOptions {
  scenarios: readonly LoadedScenario[];
  scenarioId: string;
  seed: number;
  mode: 'practice' | 'assessment';
  learner: TerminalLearner;
  /** keep call records here (lowdb); default a temporary folder removed afterwards */
  dataDir?: string;
  /** write the call's transcript (contract §4) here at the end */
  transcriptFile?: string;
  colour: boolean;
}

/** Where the run reads lines and writes text. */
export interface SimulateIo {
  lines: AsyncIterable<string>;
  write: (text: string) => void;
}

/** What the run ended with. */
export interface SimulateResult {
  callId?: string;
  scorecard?: { score: number; passed: boolean };
}

const QUIT = new Set(['/quit', '/exit']);

/** Plays the call. */
export async function simulate(options: SimulateOptions, io: SimulateIo): Promise<SimulateResult> {
  const temp = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'order-call-simulate-'));
  const calls = await LowdbCallStore.open(options.dataDir ?? (temp as string));
  try {
    const bot = createBot({ storage: new MemoryStorage(), calls, scenarios: options.scenarios, logger: silentLogger(), seed: () => options.seed });
    const call = new InProcessCall(bot, options.learner);
    const print = (replies: Parameters<typeof renderReplies>[0]): boolean => {
      for (const line of renderReplies(replies, options.colour)) io.write(`${line}\n\n`);
      return replies.some((a) => (a.channelData as { scorecard?: unknown } | undefined)?.scorecard !== undefined || /^Scorecard ·/.test(a.text ?? ''));
    };
    io.write(`Seed ${options.seed} (replay this call with --seed ${options.seed}). Type /help for the commands, /end to finish, /quit to leave.\n\n`);
    const start = `/start ${options.scenarioId}${options.mode === 'assessment' ? ' assessment' : ''}`;
    let ended = print(await call.say(start));
    if (!ended) {
      for await (const raw of io.lines) {
        const line = raw.trim();
        if (!line) continue;
        if (QUIT.has(line.toLowerCase())) break;
        ended = print(await call.say(line));
        if (ended) break;
      }
    }
    if (!ended) print(await call.say('/end'));
    const { rows } = await calls.list({ learner: options.learner.id, sort: 'startedAt', order: 'desc', limit: 1 });
    const record = rows[0] ? await calls.get(rows[0].id) : undefined;
    if (record && options.transcriptFile) {
      writeFileSync(options.transcriptFile, `${JSON.stringify(record.transcript, null, 2)}\n`);
      io.write(`Transcript written to ${options.transcriptFile}\n`);
    }
    return {
      ...(record ? { callId: record.id } : {}),
      ...(record?.scorecard ? { scorecard: { score: record.scorecard.score, passed: record.scorecard.passed } } : {}),
    };
  } finally {
    await calls.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
