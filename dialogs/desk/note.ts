/** `/note <text>`: records a note or follow-up action on the account. */
import { DESK_USAGE } from './args.js';
import { DeskUsageError } from './errors.js';
import { noteTarget } from './lookup.js';
import type { DeskContext, DeskReply } from './types.js';

/** Saves the note. */
export function noteCommand(ctx: DeskContext, args: string): DeskReply {
  const text = args.trim();
  if (!text) throw new DeskUsageError('note', 'Write the note after /note.', DESK_USAGE.note);
  ctx.state.notes.push(text);
  return { text: `Note saved on ${noteTarget(ctx)}: ${text}`, events: [{ kind: 'note' }] };
}
