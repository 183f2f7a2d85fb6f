/**
 * Sentence and clause splitting with character spans into the original text.
 */
import type { Sentence, Span } from './types.js';

const QUESTION_OPENERS = /^(?:(?:and|so|also|just|sorry|ok(?:ay)?|right|great|lovely|thanks?|thank you|yeah|yes|yep|hi|hello|hiya|hey|well|oh|um+|erm+|cool|sure|perfect|brilliant|fab|no worries)[,.!]?\s+)*(?:who|whos|who's|what|whats|what's|wat|wot|when|where|which|why|how|is|are|am|was|were|do|does|did|can|could|may|might|would|will|shall|should|have|has|had|r|cn|cld|wud)\b/i;

/** "What I can offer is…", "How we'll do it is…": a wh-clause as the subject of a statement. */
const PSEUDO_CLEFT = /^(?:what|where|when|why|how)\s+(?:i|we|they|you|he|she)\b.*\s(?:is|was|are|will be)\s/i;
/** Conditional openings: "Should you need…", "If you…", "Once it's…". */
const CONDITIONAL = /^(?:(?:should|had|were) you|if|once|whenever|as soon as|when you)\b/i;

/**
 * Split `text` into sentences: at ".", "!" or "?" followed by white space (so
 * "£965.52" and "d.price@x.example" stay whole), and at line breaks.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) {
      const t = text.slice(a, b);
      out.push({ index: out.length, text: t, start: a, end: b, isQuestion: isQuestionText(t) });
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(start, i);
      start = i + 1;
    } else if (c === '.' || c === '!' || c === '?') {
      let j = i;
      while (j + 1 < text.length && /[.!?]/.test(text[j + 1])) j++;
      const next = text[j + 1];
      // Split only before white space (keeps decimals and emails whole), and not
      // after an abbreviation such as "Mr." or "e.g.".
      if (next === undefined || /\s/.test(next)) {
        const prevWord = /(\b\w+)$/.exec(text.slice(start, i))?.[1] ?? '';
        if (!(c === '.' && /^(?:mr|mrs|ms|dr|st|no|e\.g|i\.e|approx|ref)$/i.test(prevWord))) {
          push(start, j + 1);
          start = j + 1;
        }
      }
      i = j;
    }
  }
  push(start, text.length);
  return out;
}

/** True when the sentence reads as a question. */
export function isQuestionText(t: string): boolean {
  if (/\?\s*$/.test(t)) return true;
  const x = t.trim();
  // "Should you need to…", "If you…" open a condition; "What I can offer is…" is a statement.
  if (CONDITIONAL.test(x) || PSEUDO_CLEFT.test(x)) return false;
  return QUESTION_OPENERS.test(x);
}

/**
 * Split a sentence into clauses for multi-intent classification: at commas,
 * semicolons, dashes, colons and at "and"/"but"/"so" before a new subject or question word.
 * Spans are relative to the original text (the sentence's offsets added).
 */
export function splitClauses(sentence: Sentence): Span[] {
  const spans: Span[] = [];
  const re = /\s*(?:(?<!\d)[,:](?!\d)|;|\s[-–—]\s)\s*|\s+(?:and|but|so|then|also|plus)\s+(?=(?:i|i'm|i'll|you|you'll|we|we'll|we've|they|it|it's|could|can|may|what|what's|when|where|which|how|is|are|do|did|would|shall|will|have|there|thanks?|sorry)\b)/gi;
  let last = 0;
  const t = sentence.text;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    if (m.index > last) spans.push({ start: sentence.start + last, end: sentence.start + m.index });
    last = m.index + m[0].length;
  }
  if (last < t.length) spans.push({ start: sentence.start + last, end: sentence.start + t.length });
  return spans.filter((s) => s.end > s.start);
}

/**
 * The clause of `sentence` (see {@link splitClauses}) that holds `span`: the one it starts
 * in, stretched over any later clause it runs into ("Thursday, 9 April").
 */
export function clauseOf(sentence: Sentence, span: Span): Span {
  const clauses = splitClauses(sentence);
  const first = clauses.find((c) => span.start < c.end && span.start >= c.start - 2) ?? { start: sentence.start, end: sentence.end };
  let end = first.end;
  for (const c of clauses) if (c.start >= first.end && c.start < span.end) end = Math.max(end, c.end);
  return { start: Math.min(first.start, span.start), end: Math.max(end, span.end) };
}

/** Index of the sentence containing character `pos`. */
export function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  for (const s of sentences) if (pos >= s.start && pos < s.end) return s.index;
  // Between sentences: the next one, else the last.
  const next = sentences.find((s) => s.start > pos);
  return next ? next.index : Math.max(0, sentences.length - 1);
}
