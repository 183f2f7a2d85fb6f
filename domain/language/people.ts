/**
 * People and organisations: the adviser's own introduction (own name, company)
 * and person names the adviser says ("Mr Bell", "am I speaking to Priya Shah?").
 * Cheap patterns, no tagger.
 */
import { sentenceAt } from './sentences.js';
import type { Introduction, NameMention, Sentence } from './types.js';

const NOT_NAMES = new Set([
  'here', 'just', 'about', 'calling', 'ringing', 'the', 'a', 'an', 'afraid', 'sorry', 'so', 'really', 'happy',
  'going', 'glad', 'not', 'still', 'also', 'looking', 'checking', 'sure', 'fine', 'good', 'great', 'now', 'back',
  'through', 'speaking', 'with', 'from', 'at', 'on', 'in', 'your', 'you', 'me', 'my', 'our', 'this', 'that',
  'it', 'is', 'order', 'harbour', 'very', 'pleased', 'delighted', 'unable', 'able', 'having', 'trying', 'well',
  'thanks', 'thank', 'hi', 'hello', 'morning', 'afternoon', 'evening', 'ok', 'okay', 'right', 'yes', 'no',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'all', 'done', 'booked', 'placed', 'ready', 'aware', 'customer', 'order',
  // states and places a thing can be in ("it's sat at a depot", "it's stuck at the warehouse")
  'sat', 'sitting', 'stuck', 'held', 'stored', 'parked', 'waiting', 'due', 'late', 'delayed', 'out', 'there', 'been',
  'only', 'currently', 'now', 'today', 'tomorrow', 'coming', 'arriving', 'leaving', 'being', 'over', 'under', 'ours', 'yours',
]);

const NAME = String.raw`([A-Za-z][a-z'’-]+)`;

/** Patterns giving the adviser's own name (group 1). */
const OWN_NAME: readonly RegExp[] = [
  new RegExp(String.raw`\bmy\s+name(?:'s|’s|\s+is|s)\s+${NAME}`, 'i'),
  new RegExp(String.raw`\b(?:this\s+is|it'?s|it’s|it\s+is)\s+${NAME}(?=\s+(?:from|at|here|calling|speaking|ringing)\b)`, 'i'),
  new RegExp(String.raw`\b(?:[Tt]his\s+is|[Ii]t'?s|[Ii]t’s|[Ii]t\s+is)\s+([A-Z][a-z'’-]+)(?=\s*[,.!]|\s*$)`),
  new RegExp(String.raw`\b([A-Z][a-z'’-]+)\s+(?:speaking|here)\b`),
  new RegExp(String.raw`\b(?:you(?:'re|’re|\s+are)\s+(?:through\s+to|speaking\s+(?:to|with)|talking\s+to)|you've\s+reached)\s+${NAME}\b`, 'i'),
  new RegExp(String.raw`\bI(?:'m|’m|\s+am)\s+([A-Z][a-z'’-]+)\b`),
];

/** Phrases that introduce the company ("calling from X", "thanks for calling X"). */
const COMPANY_LEAD = /\b(?:calling\s+from|ringing\s+from|phoning\s+from|from|at|through\s+to|thanks?\s+(?:you\s+)?for\s+calling|welcome\s+to|you've\s+reached|this\s+is)\s+((?:[A-Z][\w'’]*|&|and)(?:\s+(?:[A-Z][\w'’]*|&|and|of))*)/g;

const squash = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/\bn\b/g, 'and').replace(/[^a-z0-9]+/g, ' ').trim();

/** Where an organisation's name occurs in `text` (its first two significant words are enough). */
function findOrganisation(text: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const words = squash(name).split(' ').filter((w) => !['and', 'the', 'of', 'ltd', 'llp', 'limited'].includes(w));
    if (!words.length) continue;
    const key = words.slice(0, 2);
    const re = new RegExp(String.raw`\b${key[0]}\b(?:\s*(?:&|and|n|\+)?\s*)${key[1] ? String.raw`${key[1]}\b` : ''}(?:[\s\w&]*?\b(?:${words.slice(2).join('|') || '(?!)'})\b)*`, 'i');
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return undefined;
}

/**
 * The adviser's introduction: own name and company, when present.
 * @param organisationNames names to look for (fuzzy: "harbour n pike" matches "Harbour & Pike").
 */
export function findIntroduction(text: string, organisationNames: readonly string[] = []): Introduction | undefined {
  let company = findOrganisation(text, organisationNames);
  if (!company) {
    for (const m of text.matchAll(COMPANY_LEAD)) {
      const cand = m[1].replace(/\s+(?:and|&|of)$/i, '').trim();
      if (/\s/.test(cand) && /(?:&|\band\b|Ltd|Supplies|Office|Limited|Group|Services|Company|Co\b)/.test(cand)) {
        company = cand;
        break;
      }
    }
  }
  let name: string | undefined;
  for (const re of OWN_NAME) {
    const m = re.exec(text);
    if (!m) continue;
    const cand = m[1];
    if (NOT_NAMES.has(cand.toLowerCase())) continue;
    if (company && squash(company).split(' ')[0] === cand.toLowerCase()) continue;
    name = cand[0].toUpperCase() + cand.slice(1);
    break;
  }
  if (!name && !company) return undefined;
  return { ...(name ? { name } : {}), ...(company ? { company } : {}) };
}

/** Person names after a title or a "speaking to / is this" frame. */
const TITLE = String.raw`(?:[Mm]rs?|[Mm]s|[Mm]iss|[Dd]r)\.?\s+`;
const PERSON = new RegExp(String.raw`\b(?:${TITLE}([A-Z][a-z'’-]+)|(?:[Ii]s\s+(?:this|that|it)|[Aa]m\s+I\s+(?:speaking|talking)\s+(?:to|with)|(?:[Ss]peak|[Ss]peaking|[Tt]alk|[Tt]alking)\s+(?:to|with))\s+((?:${TITLE})?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?))`, 'g');

/** Person names mentioned ("Mr Bell", "Priya Shah" in "am I speaking to Priya Shah?"). */
export function findNames(text: string, sentences: readonly Sentence[]): NameMention[] {
  const out: NameMention[] = [];
  for (const m of text.matchAll(PERSON)) {
    const g = m[1] ? m[0] : m[2];
    if (!g) continue;
    const first = g.replace(/^(?:mr|mrs|ms|miss|dr)\.?\s+/i, '').split(/\s+/)[0];
    if (NOT_NAMES.has(first.toLowerCase())) continue;
    // "you're speaking to Mia" is the adviser's own name.
    if (/\byou(?:'re|’re| are|'ve|’ve)\s+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const start = m.index + m[0].indexOf(g);
    out.push({ text: g, start, end: start + g.length, sentence: sentenceAt(sentences, start) });
  }
  return out;
}
