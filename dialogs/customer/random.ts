/**
 * A small seeded pseudo-random generator (mulberry32) whose whole position is one 32-bit
 * integer, so it can live in the customer's JSON state: the same seed and the same learner
 * lines always give the same customer lines, and a restored state carries on exactly.
 */

/** A 32-bit unsigned integer: the generator's position. */
export type RandomState = number;

/** The starting position for a seed (any finite number; fractions are dropped). */
export function seedState(seed: number): RandomState {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  // mix the seed so that neighbouring seeds start far apart
  let h = Math.trunc(seed) ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A generator reading and advancing a position that the caller stores. */
export class SeededRandom {
  constructor(private position: RandomState) {}

  /** The current position (store it to resume later). */
  get state(): RandomState {
    return this.position;
  }

  /** A number in [0, 1). */
  next(): number {
    this.position = (this.position + 0x6d2b79f5) >>> 0;
    let t = this.position;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}
