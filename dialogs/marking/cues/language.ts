/**
 * Professional-language cues (marking guide: professional_language and its ruling that
 * plain informal words — "yeah", "ok", "cheers" — are not lapses):
 * lapses are text-speak, emojis, over-familiar address and mild blame; rudeness, sarcasm
 * and blaming the customer are serious.
 */

/** One lapse each: text-speak and slang. */
export const TEXT_SPEAK =
  /(?<![\w'])(?:np|no probs?|nps|gonna|wanna|gotta|dunno|u|ur|thx|thnx|ty|tbh|btw|lol|omg|pls|plz|cos|coz|cuz|nah|ya|yer|innit|k|kk|brb|imo|idk|ffs|lmk|w\/e|m8|gr8|l8r|soz|wot|wat)(?![\w'])/gi;

/** One lapse each: over-familiar address. */
export const OVER_FAMILIAR =
  /(?<![\w'])(?:mate|hun|hunny|babe|sweetheart|sweetie|darling|pet|buddy|pal|chief|boss|dude|bruv|fella)(?![\w'])|(?<=(?:,|\bthanks|\bcheers|\bta|\bok|\bokay|\bthere you go|\bright|\bno worries)\s*)love(?=\s*[.!?,]|\s*$)/gi;

/** One lapse each: mild blame of colleagues, the carrier, the system. */
export const MILD_BLAME =
  /\b(?:couriers? (?:are|is) (?:a )?(?:nightmare|useless|hopeless|rubbish)|(?:the )?(?:warehouse|carrier|courier|system|they)(?:'ve| have)? (?:messed|screwed|cocked) (?:it )?up|(?:warehouse|carrier|courier)(?:'s| is) (?:useless|hopeless|rubbish)|not my (?:fault|department)|blame (?:the|them)|(?:probably|all|it'?s|it is|that'?s) their fault|typical (?:courier|carrier|warehouse)|(?<!\b(?:i|we) )\b(?!i\b|we\b)[a-z]+ (?:have|has) (?:messed|screwed|cocked) (?:it |things )?up|(?:they|them|that lot)(?:'re| are) (?:useless|hopeless|rubbish|a nightmare|a joke|clueless))\b/gi;

/** Serious: blaming the customer. */
export const BLAME_CUSTOMER =
  /\b(?:should(?:'ve| have) (?:measured|checked|read|thought|ordered|looked|asked)|you should(?:'ve| have) been (?:in|there|home|around|available)|your (?:own )?fault|you should have (?:measured|checked|read|ordered|looked|asked|told|called)|you didn't (?:read|check|measure)|that'?s on you|if you'd (?:read|checked|measured)|you (?:got|gave) (?:it|that|the) wrong)\b/gi;

/** Serious: rudeness, sarcasm, curtness. */
export const RUDE_OR_SARCASTIC =
  /\b(?:like i said|as i (?:already )?said|i (?:already|just) told you|calm down|not my problem|get a grip|listen to me|are you (?:deaf|serious)|magic up|do you want (?:me to|a medal)|i don't have all day|deal with it|that'?s your problem|i can't help that)\b|,\s*shall i\?|\bsure,? i'?ll just\b[^.!?]*\?/gi;

const EMOJI = /\p{Extended_Pictographic}|(?<!\w)[:;]-?[)(DPp](?!\w)/gu;

/** A lapse found in a message. */
export interface LanguageIssue {
  kind: 'text-speak' | 'over-familiar' | 'emoji' | 'mild-blame' | 'blames-customer' | 'rude';
  match: string;
}

const issuesOf = new Map<string, LanguageIssue[]>();

/** Lapses and serious faults in one learner message (original text; do not mutate the result). */
export function languageIssues(text: string): LanguageIssue[] {
  let found = issuesOf.get(text);
  if (!found) {
    found = computeIssues(text);
    if (issuesOf.size >= 5000) issuesOf.clear();
    issuesOf.set(text, found);
  }
  return found;
}

function computeIssues(text: string): LanguageIssue[] {
  const t = text.replace(/[\u2018\u2019]/g, "'");
  const out: LanguageIssue[] = [];
  const add = (kind: LanguageIssue['kind'], re: RegExp): void => {
    re.lastIndex = 0;
    for (const m of t.matchAll(re)) out.push({ kind, match: m[0] });
  };
  add('text-speak', TEXT_SPEAK);
  add('over-familiar', OVER_FAMILIAR);
  add('emoji', EMOJI);
  // one blaming remark is one lapse, however many words of it match ("X have messed up again, they're useless")
  MILD_BLAME.lastIndex = 0;
  const blamed = new Set<number>();
  for (const m of t.matchAll(MILD_BLAME)) {
    const sentence = t.slice(0, m.index).split(/[.!?]+\s/).length;
    if (!blamed.has(sentence)) out.push({ kind: 'mild-blame', match: m[0] });
    blamed.add(sentence);
  }
  add('blames-customer', BLAME_CUSTOMER);
  add('rude', RUDE_OR_SARCASTIC);
  // "U" as the letter in a code or a capital "K" in "K1" are not text-speak
  return out.filter((i) => !(i.kind === 'text-speak' && /^[A-Z]$/.test(i.match) && i.match !== 'U'));
}
