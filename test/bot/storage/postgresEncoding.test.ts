/**
 * The PostgreSQL back-end's pure parts (no server needed): byte-wise sort keys order as
 * JavaScript does, and time bounds select exactly what the shared string comparison selects.
 */
import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { sortKey, toJsonb } from '../../../bot/storage/postgres/encoding.js';
import { InvalidTimeBoundError } from '../../../bot/storage/postgres/errors.js';
import { boundInstant } from '../../../bot/storage/postgres/timeBounds.js';

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('sortKey', () => {
  it('orders any two strings as JavaScript’s < does (UTF-16 code units)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(sign(Buffer.compare(sortKey(a), sortKey(b)))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the cases where UTF-8 byte order and JavaScript disagree in JavaScript’s order', () => {
    const astral = '😀'; // U+1F600: UTF-16 D83D…, below U+FF5E in JavaScript, above it in UTF-8
    const high = '～'; // U+FF5E
    expect(astral < high).toBe(true);
    expect(Buffer.compare(sortKey(astral), sortKey(high))).toBe(-1);
  });
});

describe('boundInstant', () => {
  const instant = fc
    .date({ min: new Date('2024-12-30T00:00:00Z'), max: new Date('2025-01-03T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString());
  /** Bounds in the shapes where the string comparison means what it says. */
  const bound = fc.oneof(
    instant.map((s) => s.slice(0, 10)),
    instant.map((s) => s.slice(0, 13)),
    instant.map((s) => s.slice(0, 16)),
    instant.map((s) => s.slice(0, 19)),
    instant,
  );

  it('from: selects exactly the instants at or after the bound as ISO strings compare', () => {
    fc.assert(
      fc.property(instant, bound, (s, b) => {
        expect(new Date(s) >= boundInstant(b, 'from')).toBe(s >= b);
      }),
      { numRuns: 3000 },
    );
  });

  it('to: selects exactly the instants whose ISO prefix is at or before the bound', () => {
    fc.assert(
      fc.property(instant, bound, (s, b) => {
        expect(new Date(s) <= boundInstant(b, 'to')).toBe(s.slice(0, b.length) <= b);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the common shapes', () => {
    expect(boundInstant('2025-03-04', 'from').toISOString()).toBe('2025-03-04T00:00:00.000Z');
    expect(boundInstant('2025-03-04', 'to').toISOString()).toBe('2025-03-04T23:59:59.999Z');
    expect(boundInstant('2025-03-04T08:00', 'to').toISOString()).toBe('2025-03-04T08:00:59.999Z');
    expect(boundInstant('2025-03-04T2', 'to').toISOString()).toBe('2025-03-04T23:59:59.999Z');
    expect(boundInstant('2025-03-04T08:00:00Z', 'to').toISOString()).toBe('2025-03-04T08:00:00.999Z');
    expect(boundInstant('2025-03-04T08:30:15.250Z', 'from').toISOString()).toBe('2025-03-04T08:30:15.250Z');
  });

  it('refuses bounds that are not real dates or times, naming the field', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-03-04T25', '2025-03-04T08:61', 'yesterday']) {
      expect(() => boundInstant(bad, 'from', 'from')).toThrow(InvalidTimeBoundError);
    }
    expect(() => boundInstant('2025-02-30', 'to', 'to')).toThrow(/^to "2025-02-30"/);
  });
});

describe('toJsonb', () => {
  it('writes JSON that jsonb accepts: U+0000 in strings becomes U+FFFD, nothing else changes', () => {
    expect(JSON.parse(toJsonb({ a: 'x\u0000y', b: [1, 'ok', { c: '\u0000' }], d: null }))).toEqual({
      a: 'x\uFFFDy',
      b: [1, 'ok', { c: '\uFFFD' }],
      d: null,
    });
    expect(toJsonb({ q: 'say "\\u0000"' })).toBe(JSON.stringify({ q: 'say "\\u0000"' }));
  });
});
