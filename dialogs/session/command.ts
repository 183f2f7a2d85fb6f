/**
 * Reading the learner's message: a slash command (`/quote CH-ERG-200 6` → name `quote`,
 * args `CH-ERG-200 6`) or speech to the customer. Command names are case-insensitive.
 */

/** A slash command as typed. */
export interface SlashCommand {
  /** lower case, without the slash */
  name: string;
  args: string;
}

/** The command in `text`, or undefined when it is speech. */
export function parseCommand(text: string): SlashCommand | undefined {
  const t = text.trim();
  if (!t.startsWith('/')) return undefined;
  const m = /^\/+(\S*)\s*([\s\S]*)$/.exec(t);
  return { name: (m?.[1] ?? '').toLowerCase(), args: (m?.[2] ?? '').trim() };
}

/** The call modes a learner may ask for. */
export const MODES = ['practice', 'assessment'] as const;

/** `/start <id> [practice|assessment]` arguments, or the problem with them. */
export function parseStartArgs(args: string): { id: string; mode: (typeof MODES)[number] } | { problem: string } {
  const t = args.split(/\s+/).filter(Boolean);
  if (t.length === 0) return { problem: 'Which scenario? Use /start <scenario-id>, for example one from the list below.' };
  if (t.length > 2) return { problem: 'Use /start <scenario-id> [practice|assessment].' };
  const mode = (t[1] ?? 'practice').toLowerCase();
  if (!(MODES as readonly string[]).includes(mode)) return { problem: `"${t[1]}" is not a mode: use practice or assessment.` };
  return { id: t[0], mode: mode as (typeof MODES)[number] };
}
