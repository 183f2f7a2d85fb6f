/**
 * High-precision cue rules for the adviser's moves, terms, teams and
 * follow-ups, on the plain normalised text of one sentence (lower-case,
 * contractions and text-speak expanded, typos corrected, numbers kept as written
 * with "." as "_": 19.95 → 19_95).
 */
import type { MoveId } from './intents.js';
import type { TeamId, TermId } from './types.js';

/** Move cue patterns: a match means the move is present in the sentence. */
export const MOVE_PATTERNS: ReadonlyArray<readonly [MoveId, RegExp]> = [
  ['greeting', /^(?:(?:yes |oh |well )?(?:hello|hi|hiya|hey|good (?:morning|afternoon|evening|day)|morning|afternoon|evening))\b/],
  // "How are you today?", "How's your day going?", "Hope you're keeping well": asking after the caller
  ['small_talk', /\bhow are (?:you|things)(?: (?:doing|keeping|getting on|going|with you))?(?: (?:today|this morning|this afternoon|this week|at the moment|these days|then))?(?:$| and\b| so\b)|\bhow (?:is|has) (?:your (?:day|morning|afternoon|week)|it going|everything|life|things)(?: (?:been|going|treating you))?(?: (?:today|so far|then))?(?:$| and\b| so\b)|\bhow have you been\b|\b(?:i )?hope you are (?:well|keeping well|doing well|having a good (?:day|week|morning))\b/],
  ['apology', /\b(?:sorry|apologi[sz]e|apologies|apologising)\b(?! (?:what|who|could|can|did|i did not catch|say again|come again))/],
  ['empathy', /\b(?:i (?:completely |totally |fully |really |do )?(?:understand|appreciate|hear you|can see why|can imagine|know how)|that must be|i would feel the same|you are right to be|i know (?:it is|this is|that is) (?:not ideal|frustrating|annoying)|that sounds (?:really |very )?(?:frustrating|stressful|annoying|difficult)|understandabl[ey]|do not worry,? we will)\b/],
  ['stock_unavailable', /\bout of stock\b|\bno stock\b|\bnone (?:left|in stock|available)\b|\bsold out\b|\brun out\b|\bran out\b|\bunavailable\b|\bnot (?:in stock|available)\b|\b(?:is|are) not available\b|\bzero in stock\b|\bhave not got any\b|\bdo not have any (?:in|left)\b|\bnothing in stock\b|\bwaiting on (?:more|stock)\b/],
  ['stock_available', /\b(?:in stock|on the shelf|available now|ready to dispatch|ready to go)\b|\b(?:got|have) (?:plenty|loads|lots|enough|stock|them in|those in|it in)\b|\benough stock\b|\b\d+ (?:in stock|available|on the shelf)\b|\bstock is fine\b/],
  ['mention_offer', /\b(?:multi-?buy|discount(?:ed|s)?|promotions?|promo|saver|deals?)\b|\b(?:an?|the|any|no|this|that|our|current|special|spring|chair|desk|paper) offers?\b|\boffers? (?:on|running|available|applies|apply|at the moment|this month)\b|\b(?:\d+|ten|five) (?:percent|per cent) off\b|\bpercent off\b|\bmoney off\b|\bfree (?:desk )?mats?\b|\bfree .{0,20} with (?:each|every)\b/],
  ['offer_alternative', /\balternative\b|\binstead\b|\bsubstitute\b|\bsimilar (?:model|chair|desk|item|product|one)\b|\bequivalent\b|\blike-for-like\b|\breplacement model\b|\bcomparable\b/],
  ['offer_back_order', /\bbackorder\w*\b|\bwait for (?:the )?(?:stock|supplier|delivery|new stock|them to come)\b|\bwhen (?:the )?(?:new )?stock (?:comes in|arrives|lands)\b|\bnext (?:batch|delivery from the supplier)\b|\bhold (?:the order|them|it|the lot|all)\b/],
  ['escalate', /\b(?:refer|referr(?:ed|ing)|escalat\w*|pass(?:ed|ing)? (?:it|this|that)? ?(?:on|to|over)|hand(?:ed|ing)? (?:it|this)? ?over|rais(?:e|ed|ing) (?:a|this|it)|log(?:ged)? (?:it|a|this)|flag(?:ged)?|involve|get (?:my|the|our) (?:manager|supervisor|team leader))\b/],
  ['offer_goodwill', /\bgoodwill\b|\bcredit note\b|\bgesture\b|\bcompensat\w*\b|\bcredit (?:for|to make up)\b/],
  ['read_back', /\b(?:to (?:recap|summarise|summarize|sum up|go over|confirm what)|let me (?:just )?(?:read|run|go|repeat|recap|summarise)|just to (?:confirm|repeat|go over|recap|check i have)|in summary|recapping|(?:so|okay so) (?:that is|that will be|we have|you are getting|we are|the order)(?! (?:about |around |roughly )?\d[\d_]*(?: \w+)? vat\b)(?! (?:about |around |roughly )?\d[\d_]*(?: (?:in total|all in|total|pounds|quid|each))?$)|running through)\b/],
  ['ask_confirm', /\b(?:is (?:that|this|everything|it) (?:all )?(?:correct|right|okay|ok|accurate)|are (?:those|these|the) (?:details )?(?:correct|right)|have i got (?:that|everything|it|all that|all of that) (?:right|correct)|does (?:that|this|everything) (?:all )?(?:sound right|sound correct|look right|match|check out)|can you confirm (?:that|this|those|everything) (?:is|are|for me|all)|did i get (?:that|all that|everything) right|have i missed anything)\b/],
  ['ask_anything_else', /\b(?:anything|something) (?:else|more|further)\b|\bany other (?:questions|orders|queries)\b|\bis that (?:everything|all) (?:for|today)\b|\bwhat else can i\b/],
  ['ask_satisfied', /\b(?:happy|satisfied|content|comfortable|pleased|okay|alright) with (?:that|this|how|everything|the|what|where)\b|\bdoes (?:that|this) (?:work|suit) (?:for )?you\b|\bgood outcome\b|\bto your satisfaction\b|\bacceptable to you\b|\bput your mind at rest\b|\bhappy with everything\b/],
  ['thanks', /\b(?:thank|thanks|cheers|many thanks|much appreciated)\b/],
  ['goodbye', /\b(?:bye|goodbye|take care|speak soon|all the best|cheerio|see you|talk (?:to you )?(?:soon|tomorrow|later)|speak to you (?:soon|tomorrow|later)|enjoy the rest of|catch you later)\b|\bhave a (?:good|lovely|nice|great) (?:day|one|afternoon|evening|weekend|morning|easter|christmas)\b/],
  ['hold', /\bbear with me\b|\b(?:one|just a|a) (?:moment|second|sec|minute|mo)\b|\bhang on\b|\bhold on\b|\btwo ticks\b|\blet me (?:just )?(?:check|have a look|look|see|pull|bring|find|work out|price)\b|\bi will just (?:check|look|pull|bring|work|price|have a look|see)\b|\bwill not be a (?:moment|minute|second)\b|\bplease hold\b|\bcould you hold\b/],
  ['propose_order', /\b(?:shall|should|can|may) i (?:go ahead|place|put|book|make|process|raise|cancel|amend|arrange|confirm the order)\b|\bwould you like (?:me )?to (?:go ahead|proceed|place|order|book)\b|\b(?:do you )?want me to (?:put|place|book|go ahead|cancel|amend|arrange)\b|\bhappy for me to\b|\bi can (?:place|book|put) (?:that|it|this|them)(?: through)? now\b|\bgo ahead with (?:that|the|this)\b.*\?|\bdo i have your (?:permission|consent|go-ahead)\b/],
  ['confirm_done', /(?<!\b(?:when|once|until|after|if|as soon as|before) )\b(?:that is|it is|all|everything is|order is|order has been|has been|have been) (?:placed|booked|done|sorted|gone through|updated|recorded|logged|confirmed|set up|cancelled|amended|changed)\b|\bi (?:have|just) (?:placed|booked|updated|amended|made the change|cancelled|put|noted|logged|requested|raised|changed|recorded|passed)\b|^(?:done|booked|sorted|all done)\b|\bthat is gone through\b|\bgone through\b/],
  ['take_payment', /\bsecure (?:payment )?line\b|\bpay(?:ing|ment)? (?:by|with|on) (?:a |your |the )?(?:company |debit |credit )?card\b|\bcard payment\b|\bpayment line\b|\btransfer(?:ring)? you\b.{0,30}\bpay|\bpayment (?:system|service)\b/],
  ['acknowledge', /^(?:(?:okay|ok|right|sure|sure thing|got it|got that|understood|lovely|perfect|great|brilliant|no problem|of course|certainly|absolutely|noted|fine|alright|i see|fair enough|that is fine|yes|great stuff|cool)\s*)+$/],
  ['abusive', /\b(?:your (?:own )?(?:fault|problem)|not my (?:fault|problem)|stupid|idiot|shut up|deal with it|stop (?:moaning|whinging|complaining)|calm down|waste (?:of )?my time|wasting my time|i do not care|can not be bothered|take it or leave it|you people|magic up|ridiculous)\b/],
];

/** A number of days said ("30 days", "thirty-day", "14-day"). */
const DAYS = /\b(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|fifteen|twenty(?:-\w+)?|thirty|sixty|ninety)(?:-| )(?:working |calendar )?days?\b/;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  an: 1, a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fourteen: 14, fifteen: 15,
  twenty: 20, 'twenty-one': 21, 'twenty-eight': 28, thirty: 30, sixty: 60, ninety: 90,
};

function numberOf(w: string): number | undefined {
  return /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w];
}

/** The number of days said in `plain` (the first), if any. */
export function daysSaid(plain: string): number | undefined {
  const m = /\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)(?:-| )(?:working |calendar )?days?\b/.exec(plain);
  return m ? numberOf(m[1]) : undefined;
}

/** The number of hours said in `plain` (the first), if any. */
export function hoursSaid(plain: string): number | undefined {
  const m = /\b(\d{1,2}|[a-z]+)(?:-| )(?:working )?hours?\b/.exec(plain);
  return m ? numberOf(m[1]) : undefined;
}

/** Term patterns (all must hold). */
const TERM_PATTERNS: ReadonlyArray<readonly [TermId, readonly RegExp[]]> = [
  ['payment_terms', [DAYS, /\b(?:pay|paid|payment|invoice\w*|terms|account)\b/]],
  ['card_payment_now', [/\b(?:card|paid in full|pay (?:it )?(?:now|today|upfront|in full))\b/, /\b(?:now|today|upfront|up front|in full|settles?|straight away|no (?:invoice|30)|not on (?:the )?(?:account|30))\b/]],
  ['free_changes_until_dispatch', [/\b(?:change|changes|changed|amend\w*|cancel\w*)\b/, /\b(?:free|no charge|without charge|nothing|no cost|costs? nothing|no fee)\b/, /\b(?:dispatch\w*|goes out|go out|leaves?|sent out|shipped|ship)\b/]],
  ['returns_period', [/\breturn\w*\b/, DAYS]],
  ['cancellation_period', [/\b(?:cancel\w*|change your mind|cooling off|right to)\b/, /\b(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)(?:-| )days?\b|\b(?:until|up to|by|till) (?:the )?\d{1,2}(?:st|nd|rd|th)?\b|\bconsumer contracts\b/]],
  ['collection_charge', [/\b(?:charge|fee|cost|pay)\b/, /\b(?:collect\w*|pick(?:ing)? (?:it|them|the \w+) up|pick-?up)\b/]],
  ['refund_timing', [/\brefund\w*\b|\bmoney back\b|\bcredit note\b/, /\b(?:within|in|inside|up to) (?:\d+|five|fourteen|two weeks) (?:working )?days?\b|\bwithin (?:a|two) weeks?\b|\bby (?:\w+ )?\d+(?:st|nd|rd|th)?\b/]],
  ['address_email_confirmation', [/\baddress\b/, /\bemail\b/, /\b(?:confirm\w*|from (?:your|the) registered|before (?:we )?dispatch|fraud|security)\b/]],
  ['confirmation_email', [/\bconfirm\w*\b/, /\bemail\b/]],
  ['credit_control_reply', [/\bcredit (?:control|team|department)\b|\baccounts? (?:team|department)\b|\bfinance\b|\bthey\b/, /\b(?:\d{1,2}|one|two|three|four|an?) (?:working )?hours?\b/]],
];

const TEAM_PATTERNS: ReadonlyArray<readonly [TeamId, RegExp]> = [
  ['credit_control', /\bcredit (?:control|team|controllers?|department)\b|\baccounts? (?:team|department)\b|\bfinance (?:team|department)\b/],
  ['purchasing', /\bpurchasing\b|\bbuying (?:team|office|department)\b|\bbuyers\b|\bstock query\b|\bprocurement\b/],
  ['logistics', /\blogistics\b|\bteam leader\b|\b(?:transport|despatch|dispatch|delivery|warehouse|distribution) (?:team|manager|supervisor|department)\b/],
  ['manager', /\b(?:my |a |the )?(?:manager|supervisor|line manager)\b/],
];

/** Follow-up: a future action by the adviser or the company that reaches the customer. */
const FOLLOW_UP = /\b(?:i|we|someone|they|credit control|the team leader|our team|you) (?:will|shall|am going to|are going to|is going to)(?: also| then| just)? (?:call|ring|phone|email|e-mail|send|update|get back|be in touch|let you know|contact|hear|receive|get (?:an?|the|another|your) (?:\w+ )?(?:email|call|confirmation|update|text)|get an? (?:email|call))\b|\b(?:an?|the|another|your) (?:updated |order |new )?(?:confirmation|email|call ?back|update)\b.{0,30}\b(?:will|should) (?:come|follow|be sent|arrive|reach)\b|\bi will (?:ring|call|phone|email) you\b|\b(?:speak|talk) to you (?:tomorrow|later|on)\b|\bexpect (?:a|an|my) (?:call|email)\b/;

/** Moves whose cue patterns match `plain`. */
export function moveCues(plain: string): MoveId[] {
  const out: MoveId[] = [];
  for (const [move, re] of MOVE_PATTERNS) if (re.test(plain)) out.push(move);
  // "I'd like to offer you a £20 goodwill credit note" is goodwill, not a product offer.
  if (out.includes('mention_offer') && out.includes('offer_goodwill') && !/\b(?:multi-?buy|discount|promotion|saver|deal)\b/.test(plain)) out.splice(out.indexOf('mention_offer'), 1);
  // Escalation verbs count only with a team, a manager or a "pass it on".
  if (out.includes('escalate') && !teamCues(plain).length && !/\bpass(?:ed|ing)? (?:it|this|that) on\b|\bhand (?:this|it) over\b|\bescalat/.test(plain)) out.splice(out.indexOf('escalate'), 1);
  // In stock negated ("not in stock") is unavailable.
  if (out.includes('stock_available') && out.includes('stock_unavailable')) out.splice(out.indexOf('stock_available'), 1);
  return out;
}

/** Terms named in `plain`. */
export function termCues(plain: string): TermId[] {
  return TERM_PATTERNS.filter(([, res]) => res.every((re) => re.test(plain))).map(([t]) => t);
}

/** Teams named in `plain`, with the words that named them. */
export function teamCues(plain: string): { team: TeamId; text: string }[] {
  const out: { team: TeamId; text: string }[] = [];
  for (const [team, re] of TEAM_PATTERNS) {
    const m = re.exec(plain);
    if (m) out.push({ team, text: m[0] });
  }
  return out;
}

/** The follow-up phrase in `plain`, if any, with its channel. */
export function followUpCue(plain: string): { text: string; channel: 'email' | 'phone' | 'unspecified' } | undefined {
  const m = FOLLOW_UP.exec(plain);
  if (!m) return undefined;
  const channel = /\b(?:email|e-mail|confirmation|send)\b/.test(m[0]) ? 'email' : /\b(?:call|ring|phone|speak|talk)\b/.test(m[0]) ? 'phone' : 'unspecified';
  return { text: m[0], channel };
}
