/**
 * Cue matching for the behaviour rules: regular expressions over normalised text, with
 * NegEx-style negation (a trigger word shortly before the cue, within the same clause) and
 * hedging. High precision first: a cue that is negated does not count.
 */

/** A cue found in a text: where it starts and what matched. */
export interface CueHit {
  index: number;
  match: string;
}

/** Every match of `re` (made global) in `text`. */
export function findAll(text: string, re: RegExp): CueHit[] {
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  const out: CueHit[] = [];
  for (const m of text.matchAll(g)) out.push({ index: m.index ?? 0, match: m[0] });
  return out;
}

/** True when any of the patterns matches. */
export function anyMatch(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}

const NEGATION =
  /\b(?:not|no|never|nothing|none|cannot|can't|cant|won't|wont|isn't|isnt|aren't|arent|don't|dont|doesn't|doesnt|didn't|didnt|haven't|havent|hasn't|hasnt|wasn't|wasnt|shouldn't|wouldn't|couldn't|without|unable)\b/g;
const SCOPE_BREAK = /[.;!?]|,\s*(?:but|so|and)\b|\b(?:but|however|although|though)\b/g;

/**
 * True when the cue at `index` is negated: a negation word within `window` words before it
 * and no clause break ("but", a full stop…) in between.
 */
export function isNegatedAt(text: string, index: number, window = 5): boolean {
  // reassurances are not negations of what follows ("don't worry, they'll approve it")
  const before = text.slice(0, index).replace(/\b(?:don'?t worry|do not worry|no worries|no problem|not a problem|no trouble|not to worry)\b/g, (m) => ' '.repeat(m.length));
  let scopeStart = 0;
  for (const m of before.matchAll(SCOPE_BREAK)) scopeStart = (m.index ?? 0) + m[0].length;
  const scope = before.slice(scopeStart);
  const words = scope.trim().split(/\s+/).filter(Boolean);
  const tail = words.slice(-window).join(' ');
  NEGATION.lastIndex = 0;
  return NEGATION.test(tail);
}

/** Matches of `re` that are not negated. */
export function affirmed(text: string, re: RegExp, window = 5): CueHit[] {
  return findAll(text, re).filter((h) => !isNegatedAt(text, h.index, window));
}

/** Words that leave a statement open ("probably", "should be around then"). */
export const HEDGE =
  /\b(?:probably|(?<!no )probs?|possibly|maybe|perhaps|hopefully|might|may be|could be|around then|roughly|approximately|about|i think|i guess|i reckon|i'd say|not sure|(?:can't|cannot|can not|won't|will not|couldn't|not able to) (?:promise|guarantee)|no promises|usually|normally|generally|ish)\b/;
