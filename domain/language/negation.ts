/**
 * NegEx-style negation and hedge cues (Chapman et al. 2001): trigger words
 * with a short forward scope that stops at the end of the clause. Pseudo-triggers
 * ("no problem", "no later than") are skipped.
 */
import type { Cue, Sentence, Span } from './types.js';

const NEGATION = /\b(?:not|no|never|none|nothing|nobody|cannot|without|neither|nor|unable to|no longer|\w+n[’']t|cant|wont|dont|isnt|arent|didnt|doesnt|havent|hasnt|wasnt|werent|couldnt|wouldnt|shouldnt|aint)\b/gi;

const PSEUDO_NEGATION = /^(?:no (?:problem|probs|worries|bother|doubt|later than|more than|extra (?:charge|cost)|charge|cost)|not (?:a problem|at all|only|later than|more than|bad)|(?:can|could)n[’']?t (?:wait|thank)|don[’']?t (?:worry|hesitate)|without (?:a doubt|any (?:extra|additional) (?:charge|cost)))\b/i;

const HEDGE = /\b(?:probably|possibly|maybe|perhaps|hopefully|might|should (?:be|arrive|get|come|reach|have|turn)|i (?:think|believe|guess|reckon|imagine|expect|hope)|i'?d (?:think|imagine|expect|say)|not (?:sure|certain)|around|roughly|approximately|approx|about(?= £| \d| the (?:\d|middle|end|start))|usually|normally|typically|generally|likely|sometime|or so|fingers crossed|in theory|touch wood|ish|give or take|could be|may be|may (?:arrive|come|take|be)|if all goes well|all being well|with any luck)\b/gi;

/** Words ending a negation scope early. */
const SCOPE_BREAK = /\b(?:but|however|although|though|instead|so|because|which|whereas|except|apart from)\b|[,;:.!?]|\s[-–—]\s/i;

const SCOPE_WORDS = 6;

function scopeAfter(text: string, from: number, limit: number): number {
  const rest = text.slice(from, limit);
  const br = SCOPE_BREAK.exec(rest);
  const end = br ? from + br.index : limit;
  // Up to SCOPE_WORDS words.
  const words = /\S+/g;
  let count = 0;
  let last = from;
  const slice = text.slice(from, end);
  for (let m = words.exec(slice); m && count < SCOPE_WORDS; m = words.exec(slice)) {
    last = from + m.index + m[0].length;
    count++;
  }
  return Math.max(from, last);
}

function clauseStart(text: string, sentenceStart: number, pos: number): number {
  const before = text.slice(sentenceStart, pos);
  const m = /.*(?:[,;:]|\s[-–—]\s|\bbut\b|\bso\b)/is.exec(before);
  return m ? sentenceStart + m.index + m[0].length : sentenceStart;
}

/** Find negation and hedge cues, sentence by sentence. */
export function findCues(text: string, sentences: readonly Sentence[]): Cue[] {
  const cues: Cue[] = [];
  for (const s of sentences) {
    const st = s.text;
    for (const m of st.matchAll(NEGATION)) {
      const at = s.start + m.index;
      if (PSEUDO_NEGATION.test(text.slice(at, s.end))) continue;
      // "Oh no, I'm sorry to hear that": an interjection, not a negation
      if (/^no\b/i.test(m[0]) && /\b(?:oh|uh-?oh)[\s,]*$/i.test(text.slice(s.start, at))) continue;
      const end = at + m[0].length;
      cues.push({ kind: 'negation', trigger: m[0], start: at, end, sentence: s.index, scope: { start: end, end: scopeAfter(text, end, s.end) } });
    }
    for (const m of st.matchAll(HEDGE)) {
      const at = s.start + m.index;
      const end = at + m[0].length;
      // A hedge colours its clause on both sides ("Friday, probably" / "probably Friday").
      const cs = clauseStart(text, s.start, at);
      const ce = scopeAfter(text, end, s.end);
      cues.push({ kind: 'hedge', trigger: m[0], start: at, end, sentence: s.index, scope: { start: cs, end: Math.max(ce, end) } });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** True when `span` lies inside the scope of a cue of `kind`. */
export function inScope(cues: readonly Cue[], span: Span, kind: Cue['kind']): boolean {
  return cues.some((c) => c.kind === kind && span.start >= c.scope.start && span.start < c.scope.end);
}
