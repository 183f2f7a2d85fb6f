/**
 * High-precision cue rules for fact requests, on the plain normalised text of a
 * clause (lower-case, contractions and text-speak expanded, typos corrected,
 * numbers kept). A fact counts only in a request frame: a question, a request
 * verb ("could I take…", "can you give me…") or a short "X, please?".
 */
import type { FactId } from './intents.js';

/** Fact keyword patterns. Order matters only for the exclusions noted. */
const FACT_PATTERNS: ReadonlyArray<readonly [FactId, RegExp]> = [
  ['organisation', /(?<!\b(?:at|in|into|to|for|from|around|round|over|busy) (?:the |your |our )?)\b(?:company|business|organisation|organization|firm|employer|trading name|school|practice)\b(?! (?:card|account|address|phone|number|email))|\bwho (?:are you|do you|you are) (?:with|work for|working for|calling (?:from|for|on behalf)|representing)\b|\b(?:calling|ringing|phoning) (?:from|on behalf of)\b|\bon behalf of\b|\bwho (?:are you|you are) with\b|\bwhere (?:are you|you are) (?:calling|ringing|phoning) from\b/],
  ['full_name', /\b(?:your|full|first|sur|fore|last|the|what|account holder|contact) ?names?\b|\bsurname\b|\bforename\b|\bwho (?:am i|i am|do i|have i|is (?:this|that|it|calling|speaking)|is it i am|is on the line)\b|\bwho (?:are you|you are)\b(?! (?:with|calling|ringing|phoning|representing|working|from|on behalf))|(?:^|\b(?:and|sorry|so) )you are$|\bwho (?:i am|am i) (?:speaking|talking|through)\b|\bmr or mrs\b|\bwho is calling\b|\bwho is (?:on|at) the (?:phone|line|other end)\b|\bname (?:of|on|for) the (?:account|order|person)\b|(?:^|\band )names?\b(?= (?:and|please|too|as well)\b|$)/],
  ['account_number', /\baccount (?:number|reference|ref|code|id|no)\b|\bcustomer (?:number|reference|account)\b|\bac number\b|\bnumber of (?:your|the) account\b/],
  ['order_number', /\border (?:number|reference|ref|id|no)\b|\bso (?:number|reference|ref)\b|\bwhich order\b|\breference (?:on|from|for) (?:the|your) order\b|\b(?:order )?confirmation (?:number|reference)\b|\breference for (?:that|the|your) order\b|\bnumber (?:of|on) the order\b|\bsales order\b/],
  ['postcode', /\bpostcode\b|\bpost code\b|\bzip\b/],
  ['phone', /\b(?:phone|telephone|mobile|landline|tel)\b|\bcontact number\b|\b(?:best|good|which|what) number\b|\bnumber (?:to|we can|i can|should we|for) (?:reach|call|ring|contact|get hold|you)\b|\bget hold of you\b|\breach you (?:on|at)\b|\bring you (?:on|at)\b/],
  ['email', /\bemails?\b|\bwhich address do you (?:get|receive)\b/],
  ['delivery_address', /(?<!email |e mail |mail |billing |invoice |registered email |web )\baddress\b(?! (?:change|email))|\bwhere (?:would|should|shall|do|are|is|was|will|did)\b.{0,40}\b(?:deliver\w*|sent|send|go|going|went|ship\w*)\b|\bwhich site\b|\bfirst line of\b|\bstreet\b/],
  ['item_quantity', /\bhow many\b|\bquantity\b|\bquantities\b|\bwhich (?:items?|products?|chairs?|desks?|models?|ones?|desk|chair|paper|toner|cabinets?)\b|\bwhat (?:would you like|do you want|do you need|did you want|are you looking|were you looking|can i get) to order\b|\bwhat (?:did|have) you (?:order|ordered)\b|\bproduct code\b|\bwhat (?:items?|products?|chairs?|desks?|paper|toners?|cabinets?|models?|sizes?|colou?rs?)\b|\bwhat (?:items|products)\b|\bwhat (?:are|were) you (?:after|looking for|hoping to order|wanting)\b|\bwhat (?:did you|do you) (?:need|want)\b(?! (?:to change|help|me to|chang\w*|amend\w*|doing|sort\w*|fix\w*|correct\w*|updat\w*)\b)|\bwhat can i get (?:for )?you\b|\bwhat (?:would you|do you) (?:like|need)\b(?! (?:to do|to change|to amend|help|me|chang\w*|amend\w*|doing|sort\w*|fix\w*|correct\w*|updat\w*)\b)|\bwhich .{0,20} (?:did you have in mind|were you thinking)\b|\bwhat (?:is|was|were|have you got|has|did you (?:have|put)) (?:\w+ )?(?:on|in) (?:the|your|that|this) order\b(?! number)|\bwhat (?:is it |was it )?(?:you would|you|do you|would you) (?:like|want|need|wish) to (?:buy|order|purchase|get)\b|\b(?:like|want|need|wish|looking|hoping|wanting|planning) to (?:buy|purchase)\b|\b(?:looking|hoping|planning) to order\b/],
  ['needed_by', /\bwhen do you need\b|\bneed (?:them|it|these|those|the \w+) (?:by|for)\b|\bneeded by\b|\bdeadline\b|\bby when\b|\b(?:what|which|particular|certain|any|a) (?:date|day)\b.{0,40}\b(?:need|deliver\w*|arrive|want|for)\b|\bwhen (?:would|do|are|will|should|did) you (?:like|want|need|hoping|expect|hope|require)\b|\bhow soon\b|\bwhen (?:does|do|should|must|will) (?:it|they|the \w+|these|those) (?:need to )?(?:arrive|get|be there|be with you|need)\b|\btime (?:pressure|frame|scale)\b|\bworking to\b.{0,25}\b(?:date|deadline|day)\b|\b(?:particular|certain|specific) (?:date|day)\b|\bwhen (?:is|was) the latest\b|\bdate (?:in mind|you are working to)\b|\bwhen would suit\b|\bwhen (?:is|are) (?:the|your|it|they|that|this) (?:\w+ )?(?:due|needed|wanted|required)\b/],
  ['reason', /\bhow (?:can|may|might|could) (?:i|we) (?:help|assist|be of help)\b|\bwhat can (?:i|we) (?:do|help)\b|\bwhat is the (?:call|problem|issue|reason)\b|\breason for (?:your|the) call\b|\bwhy (?:are you|you are) (?:calling|ringing|phoning)\b|\bwhat (?:seems to be|is) the (?:problem|issue|matter)\b|\bwhat (?:has )?happened\b|\bwhat (?:did|do|would) you (?:want|need|like) to (?:change|do|amend)\b|\bwhat (?:are you|you are) (?:calling|ringing|phoning) (?:about|for)\b|\bwhat is wrong\b|\bwhat brings you\b|\bwhat is going on\b|\bexplain (?:the|what)\b|\bwhat do you need help with\b|\bwhat (?:was it|is it) you (?:wanted|want|needed)\b|\bwhat (?:are you|were you) hoping (?:we can|we could|i can|to do)\b|\bnew order or\b|\bwhy you are calling\b|\bwhat (?:the|your) call is about\b|\bwhat is (?:up|the matter)\b|\bhelp you with\b|\bwhat (?:needs|need|wants|want|would you like|do you want|did you want|do you need|did you need) (?:chang\w*|amend\w*|doing|sort\w*|fix\w*|correct\w*|updat\w*)\b/],
];

/** Request frames: the adviser is asking for something. */
const REQUEST = /\b(?:give|send|pass|read|tell) me\b|\b(?:can|could|may|might|would) (?:i|we) (?:just |please |also |quickly |now )?(?:take|have|get|grab|ask|check|confirm|start|note|pop|jot|know|see)\b|\b(?:can|could|would|will) you (?:please |just |also |quickly |kindly )?(?:give|tell|confirm|provide|read|spell|let me know|send|share|pass|say|remind)\b|\bplease\b|\bi (?:will|would|just|also|first)? ?need (?:your|the|to take|to get|to have|to know)\b|\blet me (?:take|have|get|grab|know)\b|\btell me\b|\bdo you (?:have|know|remember)\b|\bhave you got\b|\bgot (?:the|your)\b.*\b(?:there|handy|to hand)\b|\bfor (?:security|verification|data protection)\b/;

/** True when `plain` reads as a request for something (or `isQuestion`). */
export function isRequestFrame(plain: string, isQuestion: boolean): boolean {
  return isQuestion || REQUEST.test(plain);
}

/** Facts named in `plain` (no frame check). */
export function factKeywords(plain: string): FactId[] {
  const out: FactId[] = [];
  for (const [fact, re] of FACT_PATTERNS) if (re.test(plain)) out.push(fact);
  // "company name" / "business name" is the organisation, not a person's name.
  if (out.includes('organisation') && out.includes('full_name') && /\b(?:company|business|organisation|organization|firm|trading|practice|school) name\b/.test(plain) && !/\b(?:your|full|first|sur|fore) ?name\b/.test(plain)) {
    out.splice(out.indexOf('full_name'), 1);
  }
  // "the postcode of the billing address" names the postcode only.
  if (out.includes('delivery_address') && out.includes('postcode') && /\bpostcode (?:of|for|on) (?:the|your) (?:\w+ )?address\b/.test(plain)) {
    out.splice(out.indexOf('delivery_address'), 1);
  }
  const drop = (f: FactId) => {
    const i = out.indexOf(f);
    if (i >= 0) out.splice(i, 1);
  };
  // "the name of the business" is the organisation.
  if (/\bname of (?:the|your) (?:company|business|organisation|organization|firm|practice|school)\b/.test(plain) && !/\b(?:your|full|first|sur|fore) ?name\b/.test(plain)) drop('full_name');
  // "which address do you get our emails at" is the email.
  if (/\b(?:which|what) address do you (?:get|receive|use)\b/.test(plain) && /\bemails?\b/.test(plain)) drop('delivery_address');
  // "anything else I can help you with" is a closing question, not "what do you need".
  if (/\b(?:anything|something) (?:else|more|further)\b|\bany other\b/.test(plain)) drop('reason');
  // "send the confirmation email" names the email, not an address.
  if (/\bsend (?:the |your |an? )?(?:\w+ )?emails?\b/.test(plain)) drop('delivery_address');
  // "who is on the phone?", "who am I talking to on the line?" ask who is calling, not for a phone number.
  if (out.includes('full_name') && /\bon the (?:phone|line)\b/.test(plain) && !/\bnumber\b|\b(?:mobile|telephone|landline)\b/.test(plain)) drop('phone');
  // "the number on your confirmation email" uses the email as a place to look.
  if (out.length > 1 && /\b(?:on|from|in) (?:the|your) (?:\w+ )?email\b/.test(plain) && !/\bemail address\b/.test(plain)) drop('email');
  return out;
}

/** Facts requested in one clause (keywords inside a request frame). */
export function factCues(plain: string, isQuestion: boolean): FactId[] {
  if (!isRequestFrame(plain, isQuestion)) return [];
  return factKeywords(plain);
}
