/**
 * Professional-language signals: text-speak, emoji, over-familiar address,
 * blame and sarcasm, shouting; insults, blaming the caller and blaming others kept apart.
 * Lists live in `lexicon.ts`.
 */
import { ADDRESS_ONLY, BLAME_PATTERNS, CALLER_BLAME_PATTERNS, INSULT_PATTERNS, OTHER_BLAME_PATTERNS, OVER_FAMILIAR, TEXT_SPEAK } from './lexicon.js';
import type { StyleSignals } from './types.js';

const EMOJI = /\p{Extended_Pictographic}|(?<!\w)[:;]-?[)(DP](?!\w)|<3/gu;

/** Style signals of one message. */
export function styleSignals(text: string): StyleSignals {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const words = lower.match(/[a-z0-9']+/g) ?? [];
  const textSpeak = words.filter((w) => TEXT_SPEAK.has(w));
  // "ill", "ur" etc. without apostrophes are caught above; "i" in lower case alone is not a lapse.
  const overFamiliar: string[] = [];
  for (const m of lower.matchAll(/[a-z0-9]+/g)) {
    const w = m[0];
    if (!OVER_FAMILIAR.has(w)) continue;
    if (ADDRESS_ONLY.has(w)) {
      // Only as a form of address: next to punctuation or the end ("no worries, mate", "order number mate?").
      const after = lower.slice(m.index + w.length, m.index + w.length + 2);
      const before = lower.slice(Math.max(0, m.index - 2), m.index);
      if (!/^(?:\s*[,.!?]|\s*$)/.test(after) && !/[,]\s?$/.test(before)) continue;
      if (/\b(?:i'?d|would|you'?ll|we|they|i) $/.test(lower.slice(Math.max(0, m.index - 8), m.index))) continue;
    }
    overFamiliar.push(w);
  }
  const found = (patterns: readonly RegExp[]) =>
    patterns.flatMap((re) => {
      const m = re.exec(text);
      return m ? [m[0]] : [];
    });
  const blame = found(BLAME_PATTERNS);
  const emoji = [...text.matchAll(EMOJI)].map((m) => m[0]);
  const letters = (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).join('');
  const caps = (letters.match(/[A-Z]/g) ?? []).length;
  return {
    textSpeak,
    emoji,
    overFamiliar,
    blame,
    insults: found(INSULT_PATTERNS),
    blameCaller: found(CALLER_BLAME_PATTERNS),
    blameOthers: found(OTHER_BLAME_PATTERNS),
    capsRatio: letters.length ? caps / letters.length : 0,
    exclamationRuns: (text.match(/!{2,}/g) ?? []).length,
  };
}

/** True when the message has a professional-language lapse. */
export function hasLapse(s: StyleSignals): boolean {
  return s.textSpeak.length > 0 || s.emoji.length > 0 || s.overFamiliar.length > 0 || s.exclamationRuns > 0 || s.capsRatio > 0.6;
}
