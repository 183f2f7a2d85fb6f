/** How the pages show dates, marks and rates (UK conventions; times in Europe/London). */
import type { Mark } from '../../../domain/calls.js';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** `4 Mar 2025, 10:15` (UK time). */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

/** `4 March 2025` (UK time). */
export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** `10:15:02` (UK time). */
export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : TIME.format(d);
}

/** `12 min 5 s` between two instants. */
export function formatDuration(from: string, to: string | undefined): string {
  if (!to) return '—';
  const s = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

/** Words for a mark. */
export const MARK_LABELS: Record<Mark, string> = { met: 'Met', partly: 'Partly met', missed: 'Missed', 'n/a': 'Not applicable' };

/** CSS modifier for a mark. */
export function markClass(mark: Mark | undefined): string {
  return mark === undefined ? 'none' : mark === 'n/a' ? 'na' : mark;
}

/** `73%`, or `—` for no value. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}
