/** What the trainer remembers about a learner across conversations (botbuilder `UserState`). */

/** The learner's last finished call, for the welcome-back line. */
export interface LearnerMemory {
  lastCall?: { scenario: string; mode: string; endedAt: string; score?: number; passed?: boolean };
}

/** "Your last call: place-ergo-chairs (practice), score 83, passed." */
export function lastCallLine(memory: LearnerMemory | undefined): string | undefined {
  const c = memory?.lastCall;
  if (!c) return undefined;
  const result = c.score === undefined ? 'not marked' : `score ${c.score}, ${c.passed ? 'passed' : 'not passed'}`;
  return `Your last call: ${c.scenario} (${c.mode}), ${result}.`;
}
