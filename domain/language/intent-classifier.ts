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
  /** Feature → document count; its key order is the feature vector's order. */
  features: Record<string, number>;
  /** The underlying apparatus classifier. */
  classifier: { getClassifications(observation: Record<number, number>): { label: string; value: number }[] };
}

/** Train a classifier on normalised examples. */
export function trainClassifier(examples: readonly { label: IntentLabel; view: NormalisedView; isQuestion: boolean }[], kind: ClassifierKind = 'bayes'): IntentClassifier {
  const c = (kind === 'bayes' ? new BayesClassifier() : new LogisticRegressionClassifier()) as unknown as NaturalClassifier;
  for (const e of examples) c.addDocument(features(e.view, e.isQuestion), e.label);
  c.train();
  // natural turns each observation into a dense 0/1 vector over every feature
  // (thousands); its Bayes also accepts a sparse observation (feature indexes),
  // which gives the same scores far faster. Indexes follow natural's own order.
  const index = new Map<string, number>();
  let i = 0;
  for (const f in c.features) index.set(f, i++);
  const observe = (f: string[]) => {
    if (kind !== 'bayes') return c.getClassifications(f);
    const sparse: Record<number, number> = {};
    let k = 0;
    for (const x of f) {
      const at = index.get(x);
      if (at !== undefined) sparse[k++] = at;
    }
    return c.classifier.getClassifications(sparse);
  };
  return {
    kind,
    classify(view, isQuestion) {
      const f = features(view, isQuestion);
      if (!f.length) return [];
      const raw = observe(f);
      if (kind === 'bayes') {
        const sum = raw.reduce((a, r) => a + r.value, 0);
        if (!(sum > 0)) return [];
        return raw.map((r) => ({ label: r.label as IntentLabel, score: r.value / sum }));
      }
      return raw.map((r) => ({ label: r.label as IntentLabel, score: r.value }));
    },
  };
}
