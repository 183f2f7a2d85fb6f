/** Helpers that turn a matched cue into evidence: the sentence it is in, shortened. */
import type { LearnerMessage, CustomerLine, DeskAction } from '../call/call-view.js';
import type { MessageAnalysis } from '../analysis/types.js';
import { normalise, shorten } from '../text/normalise.js';
import type { Evidence } from './types.js';

/** The sentence of a message that matches `re` (on the normal form), or undefined. */
export function sentenceMatching(m: LearnerMessage<MessageAnalysis>, re: RegExp): string | undefined {
  return m.analysis.sentences.find((s) => re.test(normalise(s.text)))?.text;
}

/** Evidence from a learner message: the sentence matching `re`, else the whole message. */
export function fromMessage(m: LearnerMessage<MessageAnalysis>, re?: RegExp): Evidence {
  const s = re ? sentenceMatching(m, re) : undefined;
  return { activity: m.index, quote: shorten(s ?? m.text) };
}

/** Evidence quoting a given piece of a message. */
export function quoteOf(index: number, text: string): Evidence {
  return { activity: index, quote: shorten(text) };
}

/** Evidence from a desk command (its own text). */
export function fromDesk(d: DeskAction): Evidence {
  return { activity: d.index, quote: shorten(d.text) };
}

/** Evidence from a customer line. */
export function fromCustomer(c: CustomerLine): Evidence {
  return { activity: c.index, quote: shorten(c.text) };
}

/** `"…"` for notes. */
export function q(s: string, max = 90): string {
  return `"${shorten(s, max)}"`;
}
