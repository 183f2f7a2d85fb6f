/**
 * Cues of an opening: a greeting, the adviser's own name, the company's name.
 * Written from the marking guide's "greets the customer and gives both their own name
 * and the company"; the company's names come from the organisation file.
 */
import { escapeRegExp, normalise } from '../text/normalise.js';

const GREETING =
  /^(?:hello|hi|hiya|hey|morning|afternoon|evening|good (?:morning|afternoon|evening|day)|now then|ey up|how do)\b|\b(?:hello|hi|hiya|hey there|good (?:morning|afternoon|evening|day)|thank(?:s| you) for (?:calling|ringing|holding|your call|phoning)|welcome to)\b/;

/** True when the text greets the customer. */
export function hasGreeting(text: string): boolean {
  return GREETING.test(normalise(text));
}

const NOT_A_NAME = new Set([
  'the', 'a', 'an', 'sorry', 'afraid', 'happy', 'glad', 'here', 'calling', 'speaking', 'just', 'really', 'so', 'very',
  'going', 'gonna', 'looking', 'ringing', 'phoning', 'through', 'with', 'from', 'at', 'on', 'in', 'to', 'your', 'you',
  'not', 'now', 'about', 'sure', 'fine', 'well', 'good', 'great', 'ok', 'okay', 'pleased', 'delighted', 'able', 'unable',
  'that', 'this', 'it', 'me', 'us', 'we', 'our', 'my', 'customer', 'order', 'ringing', 'back', "you're", 'youre',
  'who', 'am', 'are', 'is', 'was', 'be', 'been', 'currently', 'generally', 'roughly', 'strictly', 'still', 'also', 'all',
  'yes', 'yeah', 'no', 'right', 'certainly', 'please', 'thanks', 'cheers', 'sir', 'madam', 'there', 'everyone', 'today',
]);

const INTRO_PATTERNS: RegExp[] = [
  /\bmy name(?:'s| is)\s+([a-z][a-z'-]+)/gi,
  /\b(?:this is|it's|its|it is)\s+([a-z][a-z'-]+)(?:\s+(?:here|speaking|calling|from|at)\b|[,.!]|$)/gi,
  /\b([a-z][a-z'-]+)\s+speaking\b/gi,
  /(?:^|[,.!]\s*|\b(?:morning|afternoon|evening|hello|hi|hiya)\s*,?\s*)([A-Z][a-z'-]+)\s+here\b/g,
  /\byou(?:'re| are)\s+(?:speaking|talking)\s+(?:to|with)\s+([a-z][a-z'-]+)/gi,
  /\byou(?:'re| are)\s+through\s+to\s+([a-z][a-z'-]+)/gi,
  /\byou(?:'ve| have)\s+(?:reached|got)\s+([A-Z][a-z'-]+)\s+(?:at|from|in)\b/g,
  /\b(?:[Ii]'m|[Ii] am)\s+([A-Z][a-z'-]+)\b/g,
  // "Ngozi is speaking"
  /\b([A-Z][a-z'-]+)\s+is\s+speaking\b/g,
  // "Good afternoon, Greg at Harbour & Pike": a name, then where they work
  /(?:^|[,.!]\s*|\b(?:morning|afternoon|evening|hello|hi|hiya)\s*,?\s*)([A-Z][a-z'-]+)\s+(?:at|from)\s+(?:the\s+)?[A-Z]/g,
  // "Good morning, Harbour and Pike, Tomasz.": a name standing on its own after a comma
  /,\s*([A-Z][a-z'-]+)\s*(?:[.!]|,\s*(?:how|what)\b|$)/g,
];

/**
 * The adviser's own name in an introduction ("Kieran speaking", "my name's Hannah",
 * "you're through to Connor at …", "Greg at Harbour & Pike", "…, Harbour and Pike, Tomasz."),
 * or undefined. `companyWords` (and the caller's own names, passed with them) are never
 * taken for the adviser's name.
 */
export function ownName(text: string, companyWords: readonly string[] = []): string | undefined {
  // accents folded: "Siân speaking" is read as "Sian speaking"
  const t = text.replace(/[\u2018\u2019]/g, "'").normalize('NFD').replace(/\p{M}/gu, '');
  const company = new Set(companyWords.map((w) => w.toLowerCase()));
  for (const re of INTRO_PATTERNS) {
    re.lastIndex = 0;
    for (const m of t.matchAll(re)) {
      const name = m[1];
      const low = name.toLowerCase();
      if (NOT_A_NAME.has(low) || company.has(low)) continue;
      // "Hi Priya, … it's Dev" — a greeting word is never a name
      if (/^(?:hello|hi|hiya|morning|afternoon|evening|thanks|thank)$/.test(low)) continue;
      return name;
    }
  }
  return undefined;
}

/** A pattern for the company's names: "Harbour & Pike" also heard as "Harbour and Pike". */
export function companyPattern(names: readonly string[]): RegExp {
  const alts = names
    .map((n) => n.replace(/\b(?:ltd|limited|plc|llp)\.?$/i, '').trim())
    .filter(Boolean)
    .map((n) =>
      normalise(n)
        .split(/\s+/)
        .map((w) => (w === '&' || w === 'and' ? "(?:&|and|'n'|n)" : escapeRegExp(w)))
        .join('\\s*'),
    );
  return new RegExp(`\\b(?:${alts.join('|')})\\b`, 'i');
}

/** Distinctive words of the company's names (never taken for the adviser's own name). */
export function companyWords(names: readonly string[]): string[] {
  return [...new Set(names.flatMap((n) => normalise(n).split(/[^a-z]+/).filter((w) => w.length > 2)))];
}
