/**
 * One recogniser per test file (training takes about a second).
 */
import { createRecogniser, type Recogniser } from '../../domain/language/recogniser.js';

let instance: Recogniser | undefined;

/** The recogniser used by the language tests (Bayes, Harbour & Pike names, handbook codes). */
export function recogniser(): Recogniser {
  instance ??= createRecogniser({
    organisationNames: ['Harbour & Pike Office Supplies'],
    productCodes: ['CH-ERG-200', 'CH-MESH-150', 'CH-MESH-160', 'DK-SIT-1400', 'FC-4D', 'PP-A4-80', 'TN-HP-26A', 'MT-DESK'],
  });
  return instance;
}
