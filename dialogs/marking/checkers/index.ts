/** The fifteen checkers, one per criterion of the marking guide. */
import type { CriterionId } from '../criteria.js';
import { checkAdviseOffers } from './advise-offers.js';
import { checkArrangeFollowUp } from './arrange-follow-up.js';
import { checkAuthorise } from './authorise.js';
import { checkCheckCredit } from './check-credit.js';
import { checkCheckStock } from './check-stock.js';
import { checkCloseCall } from './close-call.js';
import { checkConfirmDetails } from './confirm-details.js';
import { checkEscalate } from './escalate.js';
import { checkExplainProblem } from './explain-problem.js';
import { checkExplainTerms } from './explain-terms.js';
import { checkOpening } from './opening.js';
import { checkProfessionalLanguage } from './professional-language.js';
import { checkStateDelivery } from './state-delivery.js';
import { checkStatePrice } from './state-price.js';
import { checkVerifyIdentity } from './verify-identity.js';
import type { Checker } from './types.js';

/** The checker for each criterion. */
export const CHECKERS: Record<CriterionId, Checker> = {
  opening: checkOpening,
  verify_identity: checkVerifyIdentity,
  check_stock: checkCheckStock,
  check_credit: checkCheckCredit,
  state_price: checkStatePrice,
  state_delivery: checkStateDelivery,
  explain_terms: checkExplainTerms,
  advise_offers: checkAdviseOffers,
  explain_problem: checkExplainProblem,
  confirm_details: checkConfirmDetails,
  authorise: checkAuthorise,
  escalate: checkEscalate,
  arrange_follow_up: checkArrangeFollowUp,
  close_call: checkCloseCall,
  professional_language: checkProfessionalLanguage,
};

export type { Checker, CheckResult, Evidence, Call } from './types.js';
