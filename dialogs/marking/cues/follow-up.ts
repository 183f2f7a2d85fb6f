/**
 * Follow-up cues (marking guide: arrange_follow_up): what will happen next for the
 * customer (a confirmation email, a call back, an update, the refund) and when. A
 * delivery date alone is not a follow-up; "we'll be in touch" without a time is vague.
 */

/** Something that will reach or contact the customer. */
export const FOLLOW_UP_ACTION =
  /\b(?:e-?mail|confirmation|call (?:you )?back|ring (?:you|back)|a (?:call|phone call|callback|call-back|ring) from|(?:come|get) back to you|phone you|call you|give you a (?:call|ring|bell)|text you|update you|an update|let you know|be in touch|get in touch|hear from (?:us|me|them)|get back to you|come back to you|(?:they|he|she|someone|the [a-z]+(?: [a-z]+){0,2}|[a-z]+ (?:team|control|department|supervisor|manager))(?:'ll| will) (?:reply|respond|contact you|call you|ring you|e-?mail you|be in touch|get back to you)|reply within|refund (?:will|goes|should|is|'ll)|refunded|(?:goes|go|paid|get it|money) back (?:to|on|onto) (?:your|the)|back on (?:your|the) (?:card|visa)|(?:i|we)(?:'ll| will) confirm|credit note (?:will|goes|should|is|'ll|comes)|credit note\b[^.!?]{0,30}\bwithin|(?:comes|goes|go) (?:on|onto|on to) (?:your|the) account as)\b/;

/** A time that makes a follow-up specific. */
export const FOLLOW_UP_TIME =
  /\b(?:within (?:the|an|one|1|two|2|three|3|\d+|a few|a couple of|the next|24) (?:hour|hours|working hours|working days?|days?|minutes)|within the hour|within an hour|by (?:\d{1,2}(?::\d\d)?|noon|midday|lunchtime|lunch|the end of|close of|end of|tomorrow|tonight|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)|before (?:\d{1,2}(?::\d\d)?|noon|midday|lunch|the end|close|end of|monday|tuesday|wednesday|thursday|friday)|today|tonight|this (?:morning|afternoon|evening)|tomorrow|first thing|end of (?:the )?day|\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2} o'?clock|(?:on|by) (?:monday|tuesday|wednesday|thursday|friday)|within \d+ days of|in (?:one|an|a|1|half an|a couple of|two|2|three|3|\d+) (?:hours?|minutes|mins)|within (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|twenty-one|twenty-eight|thirty) (?:working )?days)\b/;

/** Follow-up only vaguely promised. */
export const VAGUE_FOLLOW_UP =
  /\b(?:be in touch|hear from (?:us|me)|let you know|get back to you|keep you (?:posted|updated|informed)|you'?ll get (?:an? )?(?:e-?mail|confirmation|text)|send you (?:an? )?(?:e-?mail|confirmation)|refund (?:comes|will come) through|(?:e-?mail|confirmation) (?:will|'ll) (?:come|follow))\b/;

/** The customer is asked to do something: not a follow-up by the learner. */
export const CUSTOMER_ACTION =
  /\byou(?:'ll| will)? (?:need|have) to\b|\bplease (?:send|email|e-mail|reply|call|ring)\b|\bjust (?:reply|send|email)\b|\b(?:has|have|needs?|must) to be confirmed\b|\bmust be confirmed\b|\bif you (?:could|can) (?:send|email|reply)\b/;

/** Sentences that ask the customer for a detail, not promise a follow-up. */
export const ASKS_FOR_DETAIL = /\b(?:e-?mail address|phone number|contact number|postcode|account number|order number)\b.*\b(?:registered|on the account|we hold|we have|could you|can you|can i|may i)\b|\b(?:could you|can you|can i|may i) (?:give|take|have|confirm|grab)\b|\b(?:address|number|postcode|name)\b[^.!?]{0,20}\bplease\b/;
