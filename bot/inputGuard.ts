/**
 * Adapter middleware for what a learner can type: every incoming `text` is made well-formed
 * (a lone UTF-16 surrogate becomes U+FFFD, NUL and other control characters except tab and
 * newlines are dropped), so transcripts are valid Unicode for every reader of the contract;
 * a message longer than {@link MAX_MESSAGE_CHARS} gets a polite answer from the coach and is
 * not passed on (nobody "hears" it, nothing is recorded, the call's state is untouched).
 * Direction marks, zero-width characters and other formatting are kept as typed.
 */
import type { Middleware, TurnContext } from 'botbuilder';

/** Longest message passed to the bot, in characters (the local Direct Line takes the same). */
export const MAX_MESSAGE_CHARS = 10_000;

// Lone surrogates, and C0/C1 controls other than \t \n \r.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** `text` with lone surrogates replaced by U+FFFD and control characters (but tab, CR, LF) removed. */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '');
}

/** What the coach says to a message over the limit. */
export function tooLongText(length: number): string {
  return (
    `That message is too long for the call (${length.toLocaleString('en-GB')} characters; the most is ` +
    `${MAX_MESSAGE_CHARS.toLocaleString('en-GB')}). Nobody heard it: please send it again in shorter parts.`
  );
}

/** The middleware. */
export function inputGuard(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const activity = context.activity;
      if (typeof activity.text === 'string') {
        if (activity.text.length > MAX_MESSAGE_CHARS) {
          await context.sendActivity({ type: 'message', text: tooLongText(activity.text.length), textFormat: 'plain', channelData: { speaker: 'coach' } });
          return;
        }
        activity.text = cleanText(activity.text);
      }
      await next();
    },
  };
}
