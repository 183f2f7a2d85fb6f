/**
 * Deterministic identifiers for xAPI: name-based UUIDs (version 5, RFC 9562 §5.5) and ISO
 * 8601 durations.
 */
import { createHash } from 'node:crypto';

/** The namespace of the trainer's statement and registration ids (a fixed random UUID). */
export const TRAINER_UUID_NAMESPACE = '8f1c3a52-6d0e-4b57-9a43-2f6e1d7c9b08';

/** The version-5 UUID of `name` in `namespace`: the same inputs always give the same id. */
export function uuidV5(name: string, namespace: string = TRAINER_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An ISO 8601 duration (`PT1H2M3.5S`) for a span in milliseconds; negative spans give `PT0S`. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms)) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 1000) / 1000;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
  return `PT${parts}`;
}
