/**
 * Dialogue files: the schema and the checks against the scenario, every problem reported with
 * its line; reply checks and the comparison of a played call with the tutor's expectations.
 */
import { describe, expect, it } from '@jest/globals';
import { ScenarioFileError, formatIssue } from '../../domain/scenario/errors.js';
import { loadScenarioDir } from '../../domain/scenario/load.js';
import { checkReply, compareDialogue, normaliseReply } from '../../cli/scenarios/compare.js';
import { loadDialogueDir, parseDialogueText } from '../../cli/scenarios/dialogueFiles.js';
import type { PlayedDialogue } from '../../cli/scenarios/playDialogue.js';

const { scenarios } = loadScenarioDir('scenarios');
const FILE = 'scenarios/dialogues/test.yaml';

function problems(lines: string[]): string[] {
  try {
    parseDialogueText(lines.join('\n'), FILE, scenarios);
  } catch (e) {
    if (e instanceof ScenarioFileError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

const GOOD = [
  /* 1 */ 'scenario: place-ergo-chairs',
  /* 2 */ 'dialogues:',
  /* 3 */ '  - name: short',
  /* 4 */ '    learner:',
  /* 5 */ '      - Good morning, Harbour & Pike, Sam speaking.',
  /* 6 */ '      - say: Could I take your account number?',
  /* 7 */ '        customer: { mentions: [AC-20417] }',
  /* 8 */ '    expect:',
  /* 9 */ '      marks: { opening: met, escalate: n/a }',
];

describe('dialogue files', () => {
  it('loads a good file with its defaults', () => {
    const f = parseDialogueText(GOOD.join('\n'), FILE, scenarios);
    expect(f.scenario.scenario.id).toBe('place-ergo-chairs');
    expect(f.dialogues[0]).toMatchObject({ name: 'short', seed: 1, mode: 'practice', expect: { marks: { opening: 'met', escalate: 'n/a' } } });
    expect(f.at(['dialogues', 0, 'learner', 1, 'customer'], 'x')).toMatchObject({ line: 7 });
  });

  it('reports every schema problem at its line, with a hint for a misspelt key', () => {
    const bad = [
      /* 1 */ 'scenario: place-ergo-chairs',
      /* 2 */ 'dialogues:',
      /* 3 */ '  - name: one',
      /* 4 */ '    seed: -1',
      /* 5 */ '    learner:',
      /* 6 */ '      - say: Hello',
      /* 7 */ '        custmer: { mentions: [x] }',
      /* 8 */ '    expect:',
      /* 9 */ '      marks: { opening: brilliant, openning: met }',
      /* 10 */ '  - name: two',
      /* 11 */ '    expect: { marks: {} }',
    ];
    expect(problems(bad)).toEqual([
      `${FILE}:4: dialogues[0].seed: must be at least 0, found -1`,
      `${FILE}:7: dialogues[0].learner[0].custmer: unknown key "custmer"`,
      `${FILE}:9: dialogues[0].expect.marks.opening: unknown value "brilliant"; expected one of: met, partly, missed, n/a`,
      expect.stringMatching(new RegExp(`^${FILE}:9: dialogues\\[0\\]\\.expect\\.marks\\.openning: `)),
      `${FILE}:10: dialogues[1].learner: missing: expected a list`,
    ]);
  });

  it('checks the dialogue against its scenario and the way tests run', () => {
    const bad = [
      /* 1 */ 'scenario: place-ergo-chairs',
      /* 2 */ 'dialogues:',
      /* 3 */ '  - name: one',
      /* 4 */ '    learner:',
      /* 5 */ '      - /start place-ergo-chairs',
      /* 6 */ '      - /end',
      /* 7 */ '      - say: Good morning',
      /* 8 */ '        desk: { mentions: [x] }',
      /* 9 */ '        customer: { matches: "(unclosed" }',
      /* 10 */ '    expect:',
      /* 11 */ '      marks: { escalate: met, opening: n/a }',
      /* 12 */ '  - name: One',
      /* 13 */ '    learner: [Hello]',
      /* 14 */ '    expect: { marks: {} }',
    ];
    expect(problems(bad)).toEqual([
      `${FILE}:5: dialogues[0].learner[0]: leave out /start: the test starts the call itself (with the seed and mode given)`,
      `${FILE}:6: dialogues[0].learner[1]: /end ends the call: it can only be the last line`,
      `${FILE}:8: dialogues[0].learner[2].desk: the desk answers only / commands: check the customer instead`,
      expect.stringMatching(new RegExp(`^${FILE}:9: dialogues\\[0\\]\\.learner\\[2\\]\\.customer\\.matches: not a regular expression`)),
      `${FILE}:11: dialogues[0].expect.marks.escalate: escalate is not marked in place-ergo-chairs (not in its rubric): expect n/a or leave it out`,
      `${FILE}:11: dialogues[0].expect.marks.opening: opening is marked in place-ergo-chairs (its rubric lists it): expect met, partly or missed`,
      `${FILE}:12: dialogues[1].name: "One" is already the name of dialogue 1`,
    ]);
  });

  it('names a scenario that is not loaded', () => {
    expect(problems(['scenario: no-such-scenario', ...GOOD.slice(1)])).toEqual([
      `${FILE}:1: scenario: no scenario "no-such-scenario" is loaded (is its file missing, or in error? run npm run scenarios -- check)`,
    ]);
  });

  it('ships dialogues for every reference scenario: a model answer and at least one weak call, every applied criterion expected', () => {
    const { files, errors } = loadDialogueDir('scenarios', scenarios);
    expect(errors).toEqual([]);
    for (const s of scenarios) {
      const mine = files.filter((f) => f.scenario === s).flatMap((f) => f.dialogues);
      expect({ id: s.scenario.id, n: mine.length >= 2 }).toEqual({ id: s.scenario.id, n: true });
      expect(mine.some((d) => d.expect.passed === true)).toBe(true);
      expect(mine.some((d) => d.expect.passed === false)).toBe(true);
      for (const d of mine) expect(Object.keys(d.expect.marks).sort()).toEqual([...s.scenario.rubric.criteria].sort());
    }
  });
});

describe('reply checks', () => {
  it('compares without case, curly quotes or spacing mattering', () => {
    expect(normaliseReply('It’s  AC-20417.\n')).toBe("it's ac-20417.");
    expect(checkReply({ mentions: ["it's AC-20417"] }, 'the customer', 'It’s AC-20417.', false)).toEqual([]);
  });

  it('says which words are missing or present, a pattern not matched, and a hang-up', () => {
    expect(checkReply({ mentions: ['AC-20417', 'LS6 2QT'], avoids: ['manager'] }, 'the customer', 'AC-20417. I want a manager.', false)).toEqual([
      `the customer's reply does not mention "LS6 2QT": "AC-20417. I want a manager."`,
      `the customer's reply mentions "manager": "AC-20417. I want a manager."`,
    ]);
    expect(checkReply({ matches: '^yes' }, 'the customer', 'No.', false)).toEqual([`the customer's reply does not match /^yes/: "No."`]);
    expect(checkReply({ mentions: ['x'] }, 'the desk', '', false)).toEqual(['the desk said nothing']);
    expect(checkReply({ hangsUp: true }, 'the customer', 'Bye.', false)).toEqual(['the customer did not hang up here']);
    expect(checkReply({ hangsUp: false }, 'the customer', 'Bye.', true)).toEqual(['the customer hung up here']);
  });
});

describe('compareDialogue', () => {
  const file = parseDialogueText(
    [
      /* 1 */ 'scenario: place-ergo-chairs',
      /* 2 */ 'dialogues:',
      /* 3 */ '  - name: d',
      /* 4 */ '    learner:',
      /* 5 */ '      - say: Hello',
      /* 6 */ '        customer: { mentions: [chairs] }',
      /* 7 */ '      - Which chairs?',
      /* 8 */ '      - Thanks',
      /* 9 */ '    expect:',
      /* 10 */ '      marks: { opening: met, state_price: partly }',
      /* 11 */ '      score: 80',
      /* 12 */ '      passed: true',
    ].join('\n'),
    FILE,
    scenarios,
  );
  const card = (opening: string, price: string, score: number, passed: boolean) => ({
    scenario: 'place-ergo-chairs',
    score,
    passed,
    criteria: {
      opening: { mark: opening as 'met', evidence: [], note: '' },
      state_price: { mark: price as 'met', evidence: [], note: 'No price stated.' },
    },
  });

  it('finds nothing when the call went as the tutor expects', () => {
    const played: PlayedDialogue = {
      opening: [],
      steps: [
        { text: 'Hello', replies: [{ speaker: 'customer', text: 'I need some chairs.' }], ended: false },
        { text: 'Which chairs?', replies: [], ended: false },
        { text: 'Thanks', replies: [], ended: false },
      ],
      scorecard: card('met', 'partly', 80, true),
    };
    expect(compareDialogue(file, 0, played)).toEqual([]);
  });

  it('reports each difference at its line: reply, early end, marks, score, result', () => {
    const played: PlayedDialogue = {
      opening: [],
      steps: [
        { text: 'Hello', replies: [{ speaker: 'customer', text: 'Who is this?' }], ended: false },
        { text: 'Which chairs?', replies: [{ speaker: 'customer', text: 'Goodbye.' }], ended: true },
      ],
      scorecard: card('met', 'missed', 40, false),
    };
    expect(compareDialogue(file, 0, played).map((d) => `${d.kind} ${formatIssue(d.issue)}`)).toEqual([
      `reply ${FILE}:6: dialogues[0].learner[0].customer: d: line 1: the customer's reply does not mention "chairs": "Who is this?"`,
      `ended ${FILE}:7: dialogues[0].learner[1]: d: line 2: the call ended here (the customer hung up), so 1 later line was not played`,
      `mark ${FILE}:10: dialogues[0].expect.marks.state_price: d: state_price: expected partly, marked missed — the marker's note: No price stated.`,
      `score ${FILE}:11: dialogues[0].expect.score: d: score: expected 80, scored 40`,
      `passed ${FILE}:12: dialogues[0].expect.passed: d: expected the call to pass; it did not pass (score 40)`,
    ]);
    expect(compareDialogue(file, 0, { opening: [], steps: [] }).map((d) => d.kind)).toEqual(['unmarked']);
  });
});
