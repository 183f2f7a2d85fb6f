/**
 * Cue-only moves (`CUE_MOVES` in `intents.ts`): high-precision rules the classifier is not
 * trained on — options offered (split, hold, cancel, a smaller order, card, the credit team),
 * credit refused, promises on account, asking the caller to choose, fob-offs, asking for a
 * repeat, plain news of a problem and its details (what went wrong, why, where things are), a
 * recap. Read on the masked normal form (`_num`,
 * `_ordinal`…; contractions expanded, typos corrected) and on the plain lower-case text.
 * Insults, blaming the caller and blaming others are kept apart (`style.ts`).
 */
import type { CueMoveId } from './intents.js';

/** Rules over the whole message (options and routes may be said across clauses). */
const MESSAGE_CUES: ReadonlyArray<readonly [CueMoveId, RegExp]> = [
  ['offer_split', /\bsplit\b|\b(?:_num|one|two|three|four|five|six) (?:\w+ )?(?:now|today|tomorrow|first)\b.{0,40}\b(?:_num|one|two|three|four|five|six|the (?:other|rest|remaining)) (?:\w+ )?(?:on|later|next|when|after)\b|\b(?:other|rest|remaining)(?: _num| \w+)?(?: \w+)? (?:later|next week|after|to follow|will follow|follow)\b|\bseparate deliver|\btwo deliveries\b|\bin two (?:lots|batches|parts|goes)\b|\b(?:rest|others?|remaining(?: \w+)?) (?:follow|to follow|later|when)\b|\bsend (?:the )?(?:\w+ )?(?:now|first)\b.{0,60}\b(?:rest|others?|remaining)\b/],
  ['offer_hold_all', /\bhold (?:the whole|all|them all|everything|the (?:whole )?order|back the)\b|\bor (?:we (?:could|can) (?:send|deliver|bring) )?(?:all|the whole|everything)(?: (?:_num|two|three|four|five|six|seven|eight|nine|ten|twelve|of them|the \w+))?(?: \w+)? (?:on|for|by) (?:the _ordinal|\w+day|_date)\b|\b(?:all|everything|whole order)\b.{0,30}\b(?:together|in one (?:go|delivery))\b/],
  ['mention_cancel', /\bcancel/],
  ['credit_refused', /\b(?:over|above|exceed\w*|beyond|more than|past) (?:your |the )?(?:available )?(?:credit|limit)\b|\bover what (?:i|we) can (?:put|place|take|allow)\b|\b(?:is|are|goes|go|would be|will be) over (?:your |the )?(?:available )?(?:credit|limit|what)\b|\bnot enough (?:available )?credit\b|\b(?:insufficient|short of) credit\b|\bcan not (?:just )?(?:put|place|go|add|take|process|pop) (?:it |this |that |them |the order |these |those )?(?:on|through on|onto|on to|through) (?:the |your )?account\b|\b(?:will not|does not|would not) (?:fit|go) (?:on|in|within) (?:the |your )?(?:account|credit)\b/],
  ['offer_credit_control', /\bcredit control\b|\bcredit team\b/],
  ['offer_reduced', /\b(?:reduce|fewer|smaller order|cut (?:it|the order) down|lower (?:the )?quantity)\b|\b(?:_num|one|two|three|four|five)(?: \w+)? (?:now|for now|today)\b|\bwithin (?:your |the )?(?:available )?credit\b/],
  ['offer_card', /\bsecure (?:payment )?line\b|\bpay(?:ing)? (?:by|with|on|via) (?:a |the |your )?(?:company |credit |debit )?card\b|\bcard payment\b|\bpay (?:for it |for them )?now\b/],
  ['promise_on_account', /\b(?:put|putting|place|placing|pop|popping|add|adding|stick|sticking|go|going|charge|charging) (?:it|them|this|that|the order|these|those)? ?(?:on|onto|on to|through on|against) (?:to )?(?:the|your) account\b|\bon account (?:is|will be) (?:fine|no problem|okay)\b/],
  ['ask_choice', /\bwhich (?:would|do) you (?:prefer|like|want)\b|\bwould you (?:prefer|rather|like (?:to|me to|us to))\b|\bwhat would you like (?:to do|me to do)\b|\bhow would you like to (?:proceed|go ahead|go forward)\b|\bwhich option\b|\b(?:do you want|would you like|do you prefer) (?:the|a|an|it|them|all|both|us to|to)\b.{0,100}\bor\b|\bdo you want (?:me|us|to)\b|\bshall (?:i|we)\b|\bwould (?:that|this|it|_ordinal|\w+day) (?:suit|work)\b|\bsuit you\b|\bwork for you\b|\bhappy (?:for me )?to (?:go ahead|proceed)\b|\bwant to go ahead\b|\bhow do you want to\b|\bwhich\b.{0,25}\b(?:suits?|works?|is better|sounds better|do you prefer|would you prefer|you(?: would|'d)? prefer)\b/],
  ['fob_off', /\bnothing (?:else )?(?:i|we) can do\b|\bnot much (?:i|we) can do\b|\bout of (?:my|our) hands\b|\bi will pass it on\b|\bnot (?:my|our) (?:problem|fault)\b|\bthese things happen\b|\byou will (?:just )?have to wait\b|\bcan not do anything\b|\bno idea when\b|\bdo not know when\b/],
  ['repeat_request', /\b(?:say|tell me|give (?:me )?(?:it|that)|read (?:it|that)(?: out)?)\b.{0,20}\bagain\b|\bcome again\b|\bone more time\b|\brepeat (?:it|that|the|your)\b|\bcould you repeat\b|\bsay that\b|\bdid not (?:quite )?catch\b|\bmissed (?:that|it)\b|\bspell\b|\bpardon\b|\bwhat was that\b(?! (?:for|about)\b)|\bwhat did you (?:just )?say\b|^sorry\??$/],
  ['recap', /(?:^|[.!?,;:]\s*|\b(?:so|just|and)\s+)(?:to confirm|to recap|to sum up|to go over(?: it)?)\b|\bso that(?: i|')s\b|\brecap\b|\bsummar|\bjust to check\b|\blet me read\b|\bread (?:that|it) back\b/],
];

/**
 * A statement that something has gone wrong (one sentence, not a question): damage,
 * delay, stock, credit, something lost or held.
 */
const PROBLEM_NEWS =
  /\b(?:damaged|broken|broke|scratched|dented|cracked|smashed|crushed|chipped|bent|faulty|defective|torn|split open|water[- ]damaged|delayed|held (?:up|at)|stuck|(?:sat|sitting|waiting) at (?:a|the|our|their) (?:depot|warehouse|hub)|out of stock|not in stock|no stock|sold out|missing|lost|problem with|issue with|gone wrong|went wrong|won'?t (?:be|arrive)|will not (?:be|arrive)|can'?t (?:send|deliver)|can not (?:send|deliver)|over (?:your|the) (?:available )?(?:credit|limit))\b/i;

/**
 * What went wrong, why, or where things are — more than plain news ("it's been delayed",
 * "there's a problem with your order" say only that something did): damage or a loss, a
 * cause ("because", "due to"), a stock or credit fact, or where the goods are now.
 */
const PROBLEM_DETAIL = new RegExp(
  [
    // what happened to the goods
    String.raw`\b(?:damaged|damage to|broken|broke|scratched|dented|cracked|smashed|crushed|chipped|bent|faulty|defective|torn|water[- ]damaged|lost|stolen|misrouted|mislabell?ed|mis-?picked|left behind|sent to the wrong|wrong (?:address|depot|item|items))\b`,
    // why
    String.raw`\bbecause\b|\bdue to\b|\bas a result of\b|\bcaused by\b|\bowing to\b|\bafter (?:the|a|an) (?:accident|breakdown|strike|storm|flood|fire)\b|\b(?:breakdown|strike|snow|flooding|short[- ]staffed|staff shortage|system (?:fault|error|problem))\b`,
    // a stock or credit fact
    String.raw`\bout of stock\b|\bsold out\b|\bnone (?:left|in stock)\b|\bover (?:your|the) (?:available )?(?:credit|limit)\b`,
    // where things are now
    String.raw`\bheld at\b|\b(?:at|in) (?:the|our|their|a|an) (?:\w+ )?(?:depot|warehouse|hub|sorting (?:centre|office)|distribution centre)\b|\bwith (?:the|our|their) (?:courier|carrier|driver|haulier)\b|\bon (?:the|a|its|their) (?:van|lorry|way)\b|\bout for delivery\b|\bre-?packed\b|\bredeliver\w*\b|\brebooked\b|\bstill with us\b|\bnot (?:yet )?(?:left|been dispatched|dispatched)\b`,
  ].join('|'),
  'i',
);

/** True when a statement (not a question) says what went wrong or where things are. */
export function isProblemDetail(sentence: string, isQuestion: boolean): boolean {
  return !isQuestion && PROBLEM_DETAIL.test(sentence.replace(/[’‘]/g, "'"));
}

/** Cue moves of a whole message, from its masked normal form and its lower-case text. */
export function messageCueMoves(masked: string, lower: string): CueMoveId[] {
  return MESSAGE_CUES.filter(([, re]) => re.test(masked) || re.test(lower)).map(([m]) => m);
}

/** True when a statement (not a question) tells plainly that something has gone wrong. */
export function isProblemNews(sentence: string, isQuestion: boolean): boolean {
  return !isQuestion && PROBLEM_NEWS.test(sentence);
}
