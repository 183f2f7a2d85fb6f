/**
 * Value encodings shared by the PostgreSQL stores: byte-wise sort keys, key hashes, eTags and
 * JSON for `jsonb` columns. Nothing here depends on the database's collation.
 */
import { createHash, randomBytes } from 'node:crypto';

/**
 * A sort key that orders exactly as JavaScript's `<` on strings: UTF-16 code units, big-endian.
 * `bytea` compares byte-wise on every engine, so ORDER BY on it ignores the database's
 * collation (which differs between servers, and which CockroachDB applies only to typed
 * `COLLATE` strings).
 */
export function sortKey(value: string): Buffer {
  return Buffer.from(value, 'utf16le').swap16();
}

/** SHA-256 of a state key: a fixed-size primary key whatever the key's length. */
export function keyHash(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** A fresh eTag: time-ordered prefix and 48 random bits, as the lowdb store makes them. */
export function newETag(): string {
  return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}

/**
 * JSON text for a `jsonb` parameter. PostgreSQL's jsonb cannot hold U+0000 (error 22P05), so
 * that one character is stored as U+FFFD in string values; every other value is kept as is.
 */
export function toJsonb(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\uFFFD') : v));
}
