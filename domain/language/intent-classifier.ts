/**
 * The intent classifier: natural's naive Bayes (default) or logistic regression
 * over stems, stem bigrams and a question flag. See docs/decisions for the choice.
 */
import type { IntentLabel } from './intents.js';
import { BayesClassifier, LogisticRegressionClassifier } from './natural-lib.js';
import type { NormalisedView } from './types.js';

/** Which natural classifier to use. */
export type ClassifierKind = 'bayes' | 'logistic';

/** A label with its score (0–1). */
export interface LabelScore {
  label: IntentLabel;
  score: number;
}

/** A trained intent classifier. */
export interface IntentClassifier {
  readonly kind: ClassifierKind;
  /** Labels with scores, best first. Bayes scores are posteriors (sum 1); logistic scores are one-vs-rest sigmoids. */
  classify(view: NormalisedView, isQuestion: boolean): LabelScore[];
}

/** Features of a normalised text: stems, stem bigrams, and `_q` for questions. */
export function features(view: NormalisedView, isQuestion: boolean): string[] {
  const s = view.stems;
  const out = [...s];
  for (let i = 0; i + 1 < s.length; i++) out.push(`${s[i]}+${s[i + 1]}`);
  if (s.length) out.push(`^${s[0]}`);
  if (isQuestion) out.push('_q');
  return [...new Set(out)];
}

interface NaturalClassifier {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  getClassifications(tokens: string[]): { label: string; value: number }[];
}

/** Train a classifier on normalised examples. */
export function trainClassifier(examples: readonly { label: IntentLabel; view: NormalisedView; isQuestion: boolean }[], kind: ClassifierKind = 'bayes'): IntentClassifier {
  const c: NaturalClassifier = kind === 'bayes' ? new BayesClassifier() : new LogisticRegressionClassifier();
  for (const e of examples) c.addDocument(features(e.view, e.isQuestion), e.label);
  c.train();
  return {
    kind,
    classify(view, isQuestion) {
      const f = features(view, isQuestion);
      if (!f.length) return [];
      const raw = c.getClassifications(f);
      if (kind === 'bayes') {
        const sum = raw.reduce((a, r) => a + r.value, 0);
        if (!(sum > 0)) return [];
        return raw.map((r) => ({ label: r.label as IntentLabel, score: r.value / sum }));
      }
      return raw.map((r) => ({ label: r.label as IntentLabel, score: r.value }));
    },
  };
}
