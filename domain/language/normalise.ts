/**
 * Normalisation for intent recognition: lower-case, entity masking, contractions
 * and text-speak expanded, typos corrected against a vocabulary (Damerau–Levenshtein
 * with Jaro–Winkler to break ties), Porter stems. Extraction of money, dates and
 * codes works on the original text, not on this.
 */
import {
  CORE_VOCABULARY, EXPANSIONS, NUMBER_ABBREVIATIONS, NUMBER_HEADS, PHRASE_FIXES, SHORT_KEYWORDS,
} from './lexicon.js';
import { editDistance, jaroWinkler, stemmer, stopwords } from './natural-lib.js';
import type { NormalisedView } from './types.js';

/** Entity masks, applied in order; each match becomes its placeholder token. */
const MASKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[a-z0-9._%+-]+\s*@\s*[a-z0-9-]+(?:\s*\.\s*[a-z0-9-]+)+/g, ' _email '],
  [/£\s?\d[\d,]*(?:\.\d{1,2})?k?|\b\d[\d,]*\.\d{2}\b|\b\d+p\b/g, ' _money '],
  [/\b\d{1,2}\s?(?::\d{2}\s?)?(?:am|pm)\b|\b\d{1,2}:\d{2}\b/g, ' _time '],
  [/\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g, ' _date '],
  [/\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b/g, ' _postcode '],
  [/(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/g, ' _phone '],
  [/\b[a-z]{2,4}-(?=[a-z0-9-]*\d)[a-z0-9]+(?:-[a-z0-9]+)*\b|\b(?:ac|so)\s?\d{4,}\b/g, ' _code '],
  [/\b\d{1,2}(?:st|nd|rd|th)\b/g, ' _ordinal '],
  [/\b\d+(?:\.\d+)?\s?%/g, ' _percent '],
  [/\b\d+\b/g, ' _num '],
  [/\p{Extended_Pictographic}/gu, ' _emoji '],
];

/** Common words that look like typos of domain words ("than" → "thank", "over" → "offer"): never corrected. */
const PROTECTED = new Set([
  ...stopwords, 'than', 'over', 'then', 'them', 'they', 'were', 'lane', 'road', 'will', 'well', 'week', 'work',
  'want', 'went', 'what', 'when', 'sent', 'understood', 'send', 'sort', 'cost', 'lost', 'last', 'late', 'date', 'lunch',
  'match', 'coffee', 'morning', 'haha', 'team', 'time', 'tell', 'told', 'more', 'most', 'less', 'left', 'mine',
  // calendar words ("bank holidays" was corrected to "back holidays", read as a back-order)
  'bank', 'banks', 'holiday', 'holidays', 'easter', 'christmas', 'boxing',
]);

const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/n't\b/g, ' not'],
  [/'ll\b/g, ' will'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/\bi'm\b/g, 'i am'],
  [/'d\b/g, ' would'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|that|it|there|here|who|where|how|he|she|when|which|name)'s\b/g, '$1 is'],
  [/'s\b/g, ''],
  [/'/g, ''],
];

/** Options for {@link Normaliser.normalise}. */
export interface NormaliseOptions {
  /** Correct typos against the vocabulary (default true). */
  correct?: boolean;
  /** Mask entities as `_money`, `_num`… (default true); off for cue rules that read numbers. */
  mask?: boolean;
}

/** Lower-case, mask, expand contractions; returns raw tokens (no expansion or correction). */
export function rawTokens(text: string, mask = true): string[] {
  let s = text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  if (mask) for (const [re, m] of MASKS) s = s.replace(re, m);
  else s = s.replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/(\d)\.(\d)/g, '$1_$2').replace(/%/g, ' percent ');
  for (const [re, rep] of CONTRACTIONS) s = s.replace(re, rep);
  for (const [re, rep] of PHRASE_FIXES) s = s.replace(re, rep);
  s = s.replace(/&/g, ' and ');
  return s.match(/_?[a-z0-9]+(?:[-_][a-z0-9]+)*/g) ?? [];
}

/** Expand text-speak and "no" → "number" after a head word. */
function expand(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && NUMBER_HEADS.has(prev) && NUMBER_ABBREVIATIONS.has(t)) {
      out.push('number');
      continue;
    }
    const e = EXPANSIONS[t];
    if (e !== undefined) out.push(...e.split(' '));
    else out.push(t);
  }
  return out;
}

/**
 * A normaliser bound to a vocabulary. Corrections are cached per token, so
 * repeated messages cost almost nothing.
 */
export class Normaliser {
  private readonly vocab: Set<string>;
  private readonly byFirst = new Map<string, string[]>();
  private readonly freq: Map<string, number>;
  private readonly cache = new Map<string, string>();
  /** Porter stems by token (stemming is the costliest step, and tokens repeat). */
  private readonly stems = new Map<string, string>();
  /** Recent whole results by options and text (a message's clauses, sentences and whole are normalised in turn). */
  private readonly views = new Map<string, NormalisedView>();

  /** @param words every word of the training data (with repeats: frequency matters). */
  constructor(words: Iterable<string>) {
    const freq = new Map<string, number>();
    for (const w of words) freq.set(w, (freq.get(w) ?? 0) + 1);
    for (const w of CORE_VOCABULARY) freq.set(w, (freq.get(w) ?? 0) + 2);
    this.freq = freq;
    // A word seen once may itself be a deliberate typo in the training data: only
    // words seen twice (or core words) are targets for correction.
    this.vocab = new Set([...freq].filter(([w, n]) => n >= 2 && !w.startsWith('_')).map(([w]) => w));
    for (const w of this.vocab) {
      const k = w[0];
      const list = this.byFirst.get(k) ?? [];
      list.push(w);
      this.byFirst.set(k, list);
    }
    // A rare word one edit from a much commoner one is a typo kept in the data ("ordr" beside "order").
    const core = new Set(CORE_VOCABULARY);
    for (const list of this.byFirst.values()) {
      for (const w of list) {
        if (w.length < 4 || core.has(w)) continue;
        const n = freq.get(w) ?? 0;
        const commoner = list.some((v) => v !== w && Math.abs(v.length - w.length) <= 1 && (freq.get(v) ?? 0) >= 3 * n && editDistance(v, w) === 1 && !v.startsWith(w) && !w.startsWith(v));
        if (commoner) this.vocab.delete(w);
      }
    }
    for (const [k, list] of this.byFirst) this.byFirst.set(k, list.filter((w) => this.vocab.has(w)));
  }

  /** Whether `word` is in the correction vocabulary. */
  knows(word: string): boolean {
    return this.vocab.has(word);
  }

  /** The corrected form of one token (itself when known or no close word exists). */
  correct(token: string): string {
    if (this.vocab.has(token) || PROTECTED.has(token) || token.startsWith('_') || /\d/.test(token) || token.length < 3) return token;
    const hit = this.cache.get(token);
    if (hit !== undefined) return hit;
    const best = this.closest(token);
    this.cache.set(token, best);
    return best;
  }

  private closest(token: string): string {
    if (token.length === 3) {
      for (const k of SHORT_KEYWORDS) if (k[0] === token[0] && editDistance(token, k) === 1) return k;
      return token;
    }
    const maxDist = token.length <= 7 ? 1 : 2;
    // Four-letter tokens are corrected only to core domain words.
    const core = token.length === 4 ? new Set(CORE_VOCABULARY) : undefined;
    // Same first letter, or the first two letters swapped.
    const pool = [...(this.byFirst.get(token[0]) ?? []), ...(this.byFirst.get(token[1]) ?? [])];
    let best = token;
    let bestKey = [Infinity, 0, 0];
    for (const w of pool) {
      if (Math.abs(w.length - token.length) > maxDist || w.length < 3 || (core && !core.has(w))) continue;
      const d = editDistance(token, w);
      if (d > maxDist) continue;
      const key = [d, -jaroWinkler(token, w), -(this.freq.get(w) ?? 0)];
      if (key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
        best = w;
        bestKey = key;
      }
    }
    return best;
  }

  private stem(token: string): string {
    if (token.startsWith('_')) return token;
    let s = this.stems.get(token);
    if (s === undefined) {
      s = stemmer.stem(token);
      if (this.stems.size < 50_000) this.stems.set(token, s);
    }
    return s;
  }

  /** Normalise `text` for intent recognition (results are shared: do not mutate them). */
  normalise(text: string, options: NormaliseOptions = {}): NormalisedView {
    const key = `${options.mask === false ? 0 : 1}${options.correct === false ? 0 : 1}${text}`;
    const hit = this.views.get(key);
    if (hit) return hit;
    const view = this.compute(text, options);
    if (this.views.size >= 2000) this.views.delete(this.views.keys().next().value as string);
    this.views.set(key, view);
    return view;
  }

  private compute(text: string, options: NormaliseOptions): NormalisedView {
    const expanded = expand(rawTokens(text, options.mask !== false));
    const corrections: { from: string; to: string }[] = [];
    const tokens = options.correct === false
      ? expanded
      : expand(expanded.map((t) => {
        const c = this.correct(t);
        if (c !== t) corrections.push({ from: t, to: c });
        return c;
      }));
    const stems = tokens.map((t) => this.stem(t));
    return { text: tokens.join(' '), tokens, stems, corrections };
  }
}
