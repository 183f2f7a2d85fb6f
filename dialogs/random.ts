/**
 * A small seeded pseudo-random sequence (mulberry32) whose position is plain data, so it can
 * be stored in conversation state and resumed after a restart: the same seed and the same
 * number of draws always give the same next number.
 */

/** A position in a seeded sequence. */
export interface SeededSequence {
  seed: number;
  draws: number;
}

function mulberry32(a: number): number {
  let t = (a + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The next number in [0, 1) of the sequence; advances `seq.draws`. */
export function nextRandom(seq: SeededSequence): number {
  const x = mulberry32((seq.seed ^ Math.imul(seq.draws + 1, 0x9e3779b1)) | 0);
  seq.draws += 1;
  return x;
}

/** A whole number in [min, max], inclusive; advances the sequence. */
export function nextInt(seq: SeededSequence, min: number, max: number): number {
  return min + Math.floor(nextRandom(seq) * (max - min + 1));
}

/** A fresh seed for a call: a non-negative 31-bit integer. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}
