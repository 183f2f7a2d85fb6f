/**
 * Credit cues (marking guide: authorise): telling the customer the order is over the
 * available credit, the three routes (Credit Control, card through the secure line, a
 * reduced order), promising the outcome, promising a credit-limit increase.
 */

/** The order exceeds the available credit. */
export const OVER_CREDIT =
  /\b(?:over (?:your|the) (?:£[\d,.]+ )?(?:available )?(?:credit|limit)|over (?:what i can put|your available)|exceeds?|exceeding|above (?:your|the) (?:£[\d,.]+ )?(?:available )?(?:credit|limit)|more than (?:your|the) (?:£[\d,.]+ )?(?:available|credit|limit)|(?:available credit|credit limit|credit available)(?: on (?:your|the) account)?(?: at the moment)? (?:is|of|only)|(?:only|just) (?:got )?£[\d,.]+ (?:available|left|of credit)|you'?ve (?:only )?got £[\d,.]+ (?:left|available)|can'?t (?:just )?(?:put|place) (?:it|that|this|them|the lot|all (?:of )?(?:it|them|\w+)|the (?:full |whole )?order)(?: through)? on (?:the |your )?account|(?:account|you) (?:has|have|'?ve got) (?:only |just )?£[\d,.]+ (?:available|left|of credit)|not letting me put that through|beyond (?:your|the) (?:available )?credit|it'?s over|go over (?:the|your) (?:available )?(?:credit|limit))\b/;

/** The credit team in general words (the organisation's own name for it is matched from its file). */
export const CREDIT_CONTROL = /\bcredit (?:control|team|controllers?|department)\b/;

/** The card route. */
export const CARD_ROUTE = /\b(?:secure (?:payment )?line|pay (?:by|with|on) (?:a |the |your |company )?card|card payment|paying by card|pay by credit card|take (?:a )?card payment|by card today)\b/;

/** A promised outcome of the referral. */
export const PROMISED_OUTCOME =
  /\b(?:they'?ll|they will|it'?ll|it will|that'?ll|should) (?:definitely |certainly |probably |just )?(?:approve|be approved|authorise|authorize|ok it|okay it|sign it off|say yes|go through|accept it)|(?:will|'ll) (?:definitely|certainly) be (?:approved|fine|ok)|no problem(?:s)? (?:getting|with) (?:it|that) approved|(?:approval|approve it) is a formality|guarantee (?:it|they)|(?:they'?ll|they will) approve\b/;

/** A promised credit-limit increase. */
export const LIMIT_INCREASE =
  /\b(?:put|bump|push|get) (?:your|the) (?:credit )?limit up|(?:increase|raise|up|extend) (?:your|the) (?:credit )?limit|limit (?:increased|raised|put up|bumped up)|(?:extra|more) credit (?:for you|on your account|added)|(?:magic|sort) up (?:some )?(?:extra )?credit\b/;
