/**
 * Measures natural's naive Bayes against its logistic regression as the intent
 * classifier, classifier alone (no cue rules): training time, time per
 * classification and top-1 accuracy on the held-out single-fact phrases.
 * natural's logistic regression trains by full-batch gradient descent on dense
 * matrices; on all 42 labels it does not finish within 15 minutes here, so the
 * comparison uses the 11 fact labels (LR) and both the fact labels and all labels (Bayes).
 * Run: npx tsx test/language/compare-classifiers.ts
 */
import { trainClassifier, type ClassifierKind } from '../../domain/language/intent-classifier.js';
import { Normaliser, rawTokens } from '../../domain/language/normalise.js';
import { isQuestionText } from '../../domain/language/sentences.js';
import { loadTrainingData } from '../../domain/language/training-data.js';
import { heldOut } from './fixtures.js';

const examples = loadTrainingData();
const normaliser = new Normaliser(examples.flatMap((e) => rawTokens(e.text)));
const prepared = examples.map((e) => ({ label: e.label, view: normaliser.normalise(e.text), isQuestion: isQuestionText(e.text) }));
const tests = heldOut('facts').filter((p) => p.facts?.length === 1).map((p) => ({ text: p.text, label: `fact:${p.facts![0]}` }));

function run(kind: ClassifierKind, factsOnly: boolean) {
  const data = factsOnly ? prepared.filter((e) => e.label.startsWith('fact:')) : prepared;
  let t = performance.now();
  const c = trainClassifier(data, kind);
  const trainMs = performance.now() - t;
  t = performance.now();
  let right = 0;
  for (const x of tests) {
    const top = c.classify(normaliser.normalise(x.text), isQuestionText(x.text))[0];
    if (top?.label === x.label) right++;
  }
  const perCall = (performance.now() - t) / tests.length;
  console.log(`${kind.padEnd(8)} ${factsOnly ? 'fact labels (11)' : 'all labels (42) '}  docs ${String(data.length).padStart(4)}  train ${trainMs.toFixed(0).padStart(7)} ms  classify ${perCall.toFixed(2)} ms  top-1 on held-out single-fact phrases ${right}/${tests.length} = ${((100 * right) / tests.length).toFixed(1)}%`);
}

run('bayes', true);
run('bayes', false);
if (!process.argv.includes('--no-logistic')) run('logistic', true);
