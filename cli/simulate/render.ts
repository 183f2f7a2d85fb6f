/** Printing the call in a terminal: one block per message, coloured by speaker. */
import type { Activity } from 'botbuilder';

const COLOURS = { customer: '\u001b[36m', desk: '\u001b[33m', coach: '\u001b[35m', you: '\u001b[32m' } as const;
const RESET = '\u001b[0m';
const LABELS = { customer: 'Customer', desk: 'Desk', coach: 'Coach', you: 'You' } as const;

/** Who a bot message is from, by its `channelData.speaker`. */
export function speakerOf(a: Partial<Activity>): 'customer' | 'desk' | 'coach' {
  const s = (a.channelData as { speaker?: string } | undefined)?.speaker;
  return s === 'customer' || s === 'desk' ? s : 'coach';
}

/** A message as terminal text: "Customer: …", continuation lines indented. */
export function renderMessage(who: keyof typeof LABELS, text: string, colour: boolean): string {
  const label = `${LABELS[who]}:`;
  const body = text.split('\n').join(`\n${' '.repeat(label.length + 1)}`);
  return colour ? `${COLOURS[who]}${label}${RESET} ${body}` : `${label} ${body}`;
}

/** The bot's message activities rendered in order (typing and other activities are skipped). */
export function renderReplies(replies: readonly Partial<Activity>[], colour: boolean): string[] {
  return replies.filter((a) => a.type === 'message' && a.text).map((a) => renderMessage(speakerOf(a), a.text as string, colour));
}
