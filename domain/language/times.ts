/**
 * Times of day and time limits used in follow-ups: "by noon", "before 11",
 * "within the hour", "by 1pm", "this afternoon", "end of the day".
 */
import { sentenceAt } from './sentences.js';
import type { Sentence, TimeMention } from './types.js';

const TIME = /\b(?:within|in)\s+(?:the|an|one|the\s+next)\s+hour\b|\b(?:within|in)\s+(?:two|2|three|3|a\s+couple\s+of)\s+(?:working\s+)?hours\b|\b(?:by|before|after|at|around|from|until|till)\s+(?:\d{1,2}(?::\d{2})?\s*(?:am|pm|o'?clock)?|noon|midday|lunch(?:time)?|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|play|business)|close\s+of\s+business|cob|eod|ten|eleven|twelve|one|two|three|four|five)\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b(?:this|tomorrow|tmrw|friday|monday|tuesday|wednesday|thursday)\s+(?:morning|afternoon|evening|lunchtime)\b|\bfirst\s+thing\b|\bend\s+of\s+(?:the\s+)?day\b|\btoday\b|\btonight\b/gi;

/** Find time mentions. */
export function findTimes(text: string, sentences: readonly Sentence[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (const m of text.matchAll(TIME)) {
    // "at 3 working days" is not a time: need a time word or am/pm/o'clock or a clock format after by/before.
    if (/^(?:by|before|after|at|around|from|until|till)\s+\d{1,2}$/i.test(m[0]) && /^\s*(?:working|days?|weeks?|boxes|chairs|desks|items|%)/i.test(text.slice(m.index + m[0].length))) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, sentence: sentenceAt(sentences, m.index) });
  }
  return out;
}
