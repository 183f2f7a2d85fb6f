/**
 * Word lists for normalisation and professional-language signals. Data, not
 * logic: extend freely.
 */

/**
 * Text-speak spellings of plain words, safe to expand in any running text (the marker's
 * normal form uses them too): "I'll call u on Monday" reads as "I'll call you on Monday".
 */
export const TEXT_SPEAK_SPELLINGS: Readonly<Record<string, string>> = {
  u: 'you', ya: 'you', yu: 'you', ur: 'your', yr: 'your', r: 'are',
  pls: 'please', plz: 'please', plse: 'please',
  thx: 'thanks', thanx: 'thanks', b4: 'before', '2day': 'today', '2moro': 'tomorrow',
  tmrw: 'tomorrow', tmr: 'tomorrow', tomoz: 'tomorrow', tomorow: 'tomorrow',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', dunno: 'do not know',
  cos: 'because', coz: 'because', cuz: 'because', abt: 'about', bout: 'about',
  wat: 'what', wot: 'what', wen: 'when', atm: 'at the moment', asap: 'as soon as possible',
  acc: 'account', acct: 'account', accnt: 'account', addy: 'address', pcode: 'postcode', 'p/code': 'postcode',
};

const TEXT_SPEAK_WORD = new RegExp(
  String.raw`(?<![\w@.'’/-])(?:${Object.keys(TEXT_SPEAK_SPELLINGS).join('|')})(?![\w@'’/-]|\.\w)`,
  'gi',
);

/** `text` with text-speak spellings written out ("call u tmrw" → "call you tomorrow"); case and punctuation kept. */
export function expandTextSpeak(text: string): string {
  return text.replace(TEXT_SPEAK_WORD, (w) => TEXT_SPEAK_SPELLINGS[w.toLowerCase()] ?? w);
}

/** Text-speak and casual spellings expanded before intent recognition (whole tokens). */
export const EXPANSIONS: Readonly<Record<string, string>> = {
  ...TEXT_SPEAK_SPELLINGS,
  pleas: 'please', ty: 'thanks', ta: 'thanks',
  n: 'and', '&': 'and',
  addr: 'address', tel: 'telephone',
  mob: 'mobile', wer: 'where', whos: 'who is', wheres: 'where is',
  whats: 'what is', hows: 'how is', thats: 'that is', theres: 'there is', its: 'it is',
  heres: 'here is', lets: 'let us', dont: 'do not', cant: 'can not', wont: 'will not',
  didnt: 'did not', doesnt: 'does not', isnt: 'is not', arent: 'are not', havent: 'have not',
  hasnt: 'has not', wasnt: 'was not', werent: 'were not', couldnt: 'could not', wouldnt: 'would not',
  shouldnt: 'should not', im: 'i am', ive: 'i have', id: 'i would', youre: 'you are', youll: 'you will',
  youve: 'you have', theyll: 'they will', theyre: 'they are', itll: 'it will', weve: 'we have',
  ok: 'okay', okey: 'okay', k: 'okay', kk: 'okay', yep: 'yes', yup: 'yes', yeah: 'yes', ye: 'yes',
  nope: 'no', nah: 'no', sec: 'second', secs: 'seconds', min: 'minute', mins: 'minutes',
  info: 'information', btw: 'by the way',
  tbh: 'to be honest', np: 'no problem', soz: 'sorry', sry: 'sorry', '4u': 'for you',
  cld: 'could', cn: 'can', shd: 'should', wud: 'would',
  'e-mail': 'email', emails: 'emails', 'post-code': 'postcode', 'ph': 'phone',
};

/** Multi-word spellings joined before tokenising (regex source → replacement). */
export const PHRASE_FIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\be[\s-]mail\b/g, 'email'],
  [/\bpost[\s-]code\b/g, 'postcode'],
  [/\bzip\s*code\b/g, 'postcode'],
  [/\bphone\s*no\b/g, 'phone number'],
  [/\bback[\s-]order(s|ed|ing)?\b/g, 'backorder$1'],
  [/\bcredit[\s-]note\b/g, 'credit note'],
  [/\bbare with\b/g, 'bear with'],
  [/\b4\s+(u|you)\b/g, 'for you'],
  [/\bno\.(?=\s|$)/g, 'no'],
];

/** Tokens after which "no"/"num"/"nbr" means "number". */
export const NUMBER_HEADS = new Set([
  'order', 'account', 'phone', 'telephone', 'contact', 'reference', 'ref', 'customer', 'mobile', 'tracking', 'invoice', 'so', 'ac',
]);

/** Abbreviations of "number". */
export const NUMBER_ABBREVIATIONS = new Set(['no', 'num', 'nbr', 'numb', 'nmbr', 'number']);

/**
 * Words the typo corrector must know even if the training data uses them once.
 * The vocabulary is these plus every word used at least twice in training.
 */
export const CORE_VOCABULARY = [
  'account', 'number', 'order', 'postcode', 'phone', 'telephone', 'mobile', 'email', 'address', 'name',
  'full', 'surname', 'first', 'company', 'business', 'organisation', 'organization', 'firm', 'practice',
  'delivery', 'delivered', 'deliver', 'quantity', 'how', 'many', 'much', 'need', 'needed', 'date', 'when',
  'reason', 'calling', 'speaking', 'registered', 'billing', 'contact', 'reference', 'please', 'could',
  'would', 'should', 'confirm', 'what', 'which', 'where', 'who', 'your', 'the', 'thank', 'thanks', 'sorry',
  'apologise', 'apologies', 'understand', 'frustrating', 'stock', 'available', 'unavailable', 'alternative',
  'backorder', 'offer', 'discount', 'promotion', 'price', 'total', 'including', 'excluding', 'vat', 'invoice',
  'payment', 'dispatch', 'dispatched', 'cancel', 'cancellation', 'return', 'returns', 'refund', 'collection',
  'charge', 'credit', 'control', 'purchasing', 'logistics', 'team', 'leader', 'escalate', 'goodwill',
  'note', 'tomorrow', 'today', 'morning', 'afternoon', 'evening', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'anything', 'else', 'happy', 'correct',
  'right', 'recap', 'summarise', 'secure', 'line', 'card', 'hold', 'moment', 'bear', 'with', 'chairs',
  'chair', 'desks', 'desk', 'boxes', 'paper', 'cabinets', 'toner', 'items', 'item', 'product', 'code',
  'handy', 'have', 'got', 'take', 'give', 'tell', 'speak', 'talk', 'called', 'ring', 'call', 'back',
  'collect', 'collected', 'correct', 'damaged', 'depot', 'transit', 'courier', 'warehouse', 'supplier',
  'approve', 'approval', 'authorise', 'understood', 'tracking', 'arrive', 'arrived', 'problem', 'issue',
];

/** Short key words (3–4 letters) that a 3-letter typo may be corrected to. */
export const SHORT_KEYWORDS = ['full', 'name', 'post', 'code', 'ring', 'call', 'mail', 'desk', 'date', 'when', 'what'];

/** Text-speak tokens that are professional-language lapses (lower-case, whole words). */
export const TEXT_SPEAK = new Set([
  'u', 'ur', 'r', 'np', 'gonna', 'wanna', 'gotta', 'dunno', 'lol', 'omg', 'tbh', 'btw', 'pls', 'plz',
  'thx', 'soz', 'cya', 'ya', 'k', 'kk', 'innit', 'whatevs', 'probs', 'm8', 'em', 'ppl', 'cos', 'coz',
  'nah', 'yeh', 'ttyl', 'brb', 'idk', 'imo', 'rn', 'atm', 'wot', 'wat',
]);

/** Over-familiar forms of address. */
export const OVER_FAMILIAR = new Set([
  'mate', 'hun', 'hon', 'babe', 'love', 'luv', 'darling', 'pal', 'buddy', 'sweetheart', 'chick', 'dude',
  'bro', 'mate,', 'sweetie', 'petal', 'duck', 'chuck', 'bud',
]);

/** Blame, sarcasm and dismissive phrases (regex sources, matched case-insensitively). */
export const BLAME_PATTERNS: readonly RegExp[] = [
  /\b(your|ur) (own )?(fault|problem)\b/i,
  /\bnot my (fault|problem)\b/i,
  /\bshould(?:'ve| have) (read|checked|measured|looked)\b/i,
  /\b(couriers?|drivers?|warehouse|they) (are|r) (a )?(useless|hopeless|a nightmare|rubbish|idiots)\b/i,
  /\b(are you|r u) (stupid|thick|deaf)\b/i,
  /\bwaste (of )?my time\b|\bwasting my time\b/i,
  /\bi (don'?t|do not) care\b/i,
  /\bshut up\b/i,
  /\bdeal with it\b/i,
  /\bstop (moaning|whinging|complaining)\b/i,
  /\bcalm down\b/i,
  /\bnothing (more )?i can do\b|\bnot much i can do\b/i,
  /\bi'?ll just (magic|invent|conjure)\b/i,
  /\byou people\b/i,
  /\bcan'?t be bothered\b/i,
  /\btake it or leave it\b/i,
  /\b(ridiculous|stupid) question\b/i,
];

/** Insults and swearing aimed at the caller. */
export const INSULT_PATTERNS: readonly RegExp[] = [
  /\b(?:shut up|idiot|moron|stupid|thick|deaf|pathetic|get lost|wast(?:e|ing) (?:of )?my time|bloody|fuck\w*|shit\w*|crap|piss\w*|dumb)\b/i,
];

/** Blaming or brushing off the caller (a subset of {@link BLAME_PATTERNS} and more). */
export const CALLER_BLAME_PATTERNS: readonly RegExp[] = [
  /\b(?:your (?:own )?(?:fault|problem)|not my (?:fault|problem)|i (?:do not|don'?t) care|deal with it|stop (?:moaning|whinging|complaining)|calm down|should(?:'ve| have) (?:read|checked|measured|looked|thought))\b/i,
  /\b(?:you people|take it or leave it|can'?t be bothered|i'?ll just (?:magic|invent|conjure)|(?:ridiculous|stupid) question)\b/i,
];

/** Blaming someone other than the caller: the courier, the warehouse, colleagues, "they". */
export const OTHER_BLAME_PATTERNS: readonly RegExp[] = [
  /\b(couriers?|drivers?|warehouse|carrier|they|the system|suppliers?) (are|r|is|was|were) (a )?(useless|hopeless|a nightmare|rubbish|idiots|a joke|clueless)\b/i,
  /\b(?:the )?(?:courier|carrier|warehouse|driver|supplier|system|they)(?:'ve| have)? (?:messed|screwed|cocked|mucked) (?:it |things )?up\b/i,
  /\b(?:their|the courier'?s|the warehouse'?s|the driver'?s) fault\b|\bblame (?:the|them)\b|\btypical (?:courier|carrier|warehouse)\b/i,
];

/** Words that are over-familiar only when addressing someone (ignored as plain verbs/nouns elsewhere). */
export const ADDRESS_ONLY = new Set(['love', 'duck', 'chuck', 'pal', 'mate']);
