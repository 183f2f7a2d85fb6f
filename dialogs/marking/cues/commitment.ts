/**
 * Commitment cues: the learner telling the customer an order or change is going on the
 * account, or is done ("I'll put it on your account now", "that's all done for you").
 */

/** A promise to put the order through or on the account. */
export const PROMISE_TO_COMMIT =
  /\b(?:i'?ll|i will|i'?m (?:going to|gonna)|let me|i can) (?:just )?(?:put|place|pop|stick|book|process|send|get) (?:it|that|them|this|these|the order|those)(?: (?:all|straight))? (?:through|on (?:the|your) account|in|on there|on account)\b|\b(?:put|place|pop|stick) (?:it|that|them) (?:through|on (?:the|your) account)\b/;

/** A report that the order or change is done. */
export const REPORT_DONE =
  /\b(?:that'?s|it'?s|all|thats|its) (?:all )?(?:done|booked(?: in)?|placed|gone through|been placed|sorted|processed|through)\b|^(?:done|booked|sorted)\b|\bi'?ve (?:placed|put|changed|amended|updated|booked|processed) (?:it|that|the|your|them)\b/;
