/**
 * The one import of `natural` (8.1.0 takes ~0.9 s to load its storage back-ends):
 * every module of the recogniser takes the pieces it needs from here.
 */
import natural from 'natural';

/** Porter stemmer (English). */
export const stemmer = natural.PorterStemmer;

/** Damerau–Levenshtein edit distance (a transposition counts as one edit). */
export function editDistance(a: string, b: string): number {
  return natural.DamerauLevenshteinDistance(a, b);
}

/** Jaro–Winkler similarity, 0–1. */
export function jaroWinkler(a: string, b: string): number {
  return natural.JaroWinklerDistance(a, b, {});
}

/** natural's English stop-word list (never typo-corrected). */
export const stopwords: readonly string[] = (natural as unknown as { stopwords: string[] }).stopwords;

/** natural's naive Bayes classifier class. */
export const BayesClassifier = natural.BayesClassifier;
/** natural's logistic regression classifier class. */
export const LogisticRegressionClassifier = natural.LogisticRegressionClassifier;
