/**
 * Availability cues (marking guide: check_stock): a learner sentence saying an item is in
 * stock or not, and a customer line asking whether it is (so that "yeah should be fine"
 * in reply counts as saying it is available).
 */

/** "in stock", "we've got 42", "plenty of paper in". */
export const IN_STOCK =
  /\b(?:in (?:the )?stock|on the shelf|we'?ve got (?:plenty|loads|lots|enough|\d+|them|those|these|it|that)\b|we have (?:plenty|loads|lots|enough|\d+|them|those|these)\b|we'?ve plenty|(?:is|are|they'?re|it'?s) (?:all )?available|(?:got|have) (?:them|those|it|plenty|loads) in|plenty (?:of (?!credit|time|room|space|notice|options|choice|money|availability on)|in\b)|(?<![£\d.,])\b\d+ (?:available|left|in stock|on the shelf)\b|no problem (?:at all )?(?:on|with|for) stock|(?:is|are) fine for stock|we can supply|(?:we'?ve|we have) got enough|(?:we|i) (?:should|will|would|do|'?d|'?ll|ought to) (?:still )?(?:have|got) (?:them|those|these|it|that|enough|plenty|some|stock)\b)/;

/** "out of stock", "isn't available", "none left". */
export const OUT_OF_STOCK =
  /\b(?:out of stock|not in stock|no stock|none (?:in|left|available)|sold out|(?:isn'?t|is not|aren'?t|are not|not|no longer) available|unavailable|(?:don'?t|do not) have (?:any|them|it|those)|(?:haven'?t|have not) got (?:any|them|it|those)|run out|ran out|zero in stock|nothing in stock|on back-?order|awaiting stock|none on the shelf)\b/;

/** A customer asking whether something is available. */
export const ASKS_AVAILABILITY = /\b(?:have you got|got (?:them|any|it|those|enough) in|in stock|available|do you have (?:any|them|it|enough)|any in)\b/i;

/** A short yes at the start of a reply. */
export const YES = /^(?:yes|yeah|yep|yup|sure|of course|absolutely|definitely)\b/;
/** A short no at the start of a reply. */
export const NO = /^(?:no|nope|sorry|unfortunately|i'?m afraid)\b/;
