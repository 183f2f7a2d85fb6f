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
  /** The underlying apparatus classifier (its Bayes counts, when Bayes). */
  classifier: {
    getClassifications(observation: Record<number, number>): { label: string; value: number }[];
    classFeatures?: Record<string, Record<number, number>>;
    classTotals?: Record<string, number>;
    totalExamples?: number;
    smoothing?: number;
  };
}

/**
 * natural's (apparatus') naive Bayes scoring of a sparse observation, with its logarithms
 * computed once at training: for each label, p(label) · exp(Σ log(count(f|label) / total(label)))
 * over the observed features, a missing count taking the smoothing value. The same arithmetic
 * in the same order, so the same scores, without a Math.log per label and feature at run time.
 */
function bayesScorer(c: NaturalClassifier['classifier'], featureCount: number): (indexes: number[]) => { label: string; value: number }[] {
  const features = c.classFeatures ?? {};
  const totals = c.classTotals ?? {};
  const examples = c.totalExamples ?? 1;
  const smoothing = c.smoothing ?? 1;
  const labels = Object.keys(features);
  const table = new Float64Array(labels.length * featureCount);
  const priors = labels.map((l) => totals[l] / examples);
  labels.forEach((l, li) => {
    const base = li * featureCount;
    const missing = Math.log(smoothing / totals[l]);
    table.fill(missing, base, base + featureCount);
    for (const [f, count] of Object.entries(features[l])) {
      const i = Number(f);
      if (i < featureCount) table[base + i] = Math.log((count || smoothing) / totals[l]);
    }
  });
  return (indexes) => {
    const out = labels.map((label, li) => {
      const base = li * featureCount;
      let log = 0;
      for (const i of indexes) log += table[base + i];
      return { label, value: priors[li] * Math.exp(log) };
    });
    return out.sort((x, y) => y.value - x.value);
  };
}

/** Train a classifier on normalised examples. */
export function trainClassifier(examples: readonly { label: IntentLabel; view: NormalisedView; isQuestion: boolean }[], kind: ClassifierKind = 'bayes'): IntentClassifier {
  const c = (kind === 'bayes' ? new BayesClassifier() : new LogisticRegressionClassifier()) as unknown as NaturalClassifier;
  for (const e of examples) c.addDocument(features(e.view, e.isQuestion), e.label);
  c.train();
  // natural turns each observation into a dense 0/1 vector over every feature
  // (thousands); its Bayes also scores a sparse observation (feature indexes), which
  // gives the same scores far faster; we score it so with the logarithms precomputed
  // (`bayesScorer`). Indexes follow natural's own order.
  const index = new Map<string, number>();
  let i = 0;
  for (const f in c.features) index.set(f, i++);
  const score = kind === 'bayes' ? bayesScorer(c.classifier, i) : undefined;
  const observe = (f: string[]) => {
    if (!score) return c.getClassifications(f);
    const indexes: number[] = [];
    for (const x of f) {
      const at = index.get(x);
      if (at !== undefined) indexes.push(at);
    }
    return score(indexes);
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
