/**
 * Tutors write the caller's words: every situation the caller has is a `lines` key a
 * scenario file may fill (the default wording stays for keys it leaves out), and the
 * persona's `careful` flag — not the presence of a line — makes the caller remark on
 * details read out before it is verified. Scenarios here go through the real loader
 * (schema and checks), as a tutor's file would.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { DEFAULT_LINES, OWN_LINE_KEYS } from '../../dialogs/customer/phrases.js';
import { loadOrganisationFile, parseScenarioText } from '../../domain/scenario/load.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { LINE_KEYS } from '../../domain/scenario/vocabulary.js';
import { ScriptedCall, text } from './call-script.js';

const organisations = new Map([['harbour-and-pike', loadOrganisationFile('scenarios/organisations/harbour-and-pike.yaml')]]);

/** The parts of a scenario file's YAML these tests change. */
interface ScenarioDoc {
  lines: Record<string, unknown[]>;
  customer: { persona: Record<string, unknown> };
}
type Edit = (doc: ScenarioDoc) => void;

/** A reference scenario file with its YAML changed by `edit`, loaded as a tutor's file would be. */
function tutorFile(id: string, edit: Edit): LoadedScenario {
  const file = `scenarios/${id}.yaml`;
  const doc = parse(readFileSync(file, 'utf8')) as ScenarioDoc;
  edit(doc);
  return parseScenarioText(stringify(doc), file, organisations);
}

/** The scenario with one tutor line (a marked variant) added under `key`. */
function withLine(id: string, key: string, words: string, edit: Edit = () => undefined): LoadedScenario {
  return tutorFile(id, (doc) => {
    edit(doc);
    doc.lines[key] = [words];
  });
}

const VERIFY_INBOUND = ['Good morning, Harbour & Pike, Jo speaking.', 'Could I have your account or order number, your full name and your postcode, please?'];
const VERIFY_OUTBOUND = [
  'Good morning, this is Lucy calling from Harbour & Pike Office Supplies. Am I speaking with Priya Shah?',
  'Could you give me your account number, your billing postcode and the email address registered with us?',
];

/** A situation, a scenario and the learner lines that lead the caller into it. */
interface Situation {
  key: string;
  id: string;
  lines: string[];
  desk?: 'pay';
  /** a change to the reference file first (both with and without the tutor's line) */
  edit?: Edit;
}

const SITUATIONS: Situation[] = [
  { key: 'small_talk', id: 'place-ergo-chairs', lines: ["How's your day been?"] },
  { key: 'off_topic', id: 'place-ergo-chairs', lines: ['Did you watch the football last night?'] },
  { key: 'abuse_warning', id: 'place-ergo-chairs', lines: ["Shut up, you're an idiot."] },
  { key: 'abuse_hang_up', id: 'place-ergo-chairs', lines: ["Shut up, you're an idiot.", 'Stop wasting my time, you moron.'] },
  { key: 'who_is_calling', id: 'call-split-delivery', lines: ['Hello, is that Priya?'] },
  { key: 'ask_purpose', id: 'call-split-delivery', lines: [...VERIFY_OUTBOUND, 'Thank you, Priya.'] },
  { key: 'ask_alternative', id: 'place-mesh-chairs-out-of-stock', lines: [...VERIFY_INBOUND, 'Which chairs do you need?', "I'm sorry, the Mesh 150 is out of stock at the moment.", 'Let me just check something.'] },
  { key: 'out_of_stock_reaction', id: 'place-mesh-chairs-out-of-stock', lines: [...VERIFY_INBOUND, 'Which chairs do you need?', "I'm sorry, the Mesh 150 is out of stock at the moment."] },
  { key: 'ask_exact_date', id: 'chase-late-cabinets', lines: [...VERIFY_INBOUND, 'The cabinets were damaged in transit and are at the depot.', 'They should be with you in the next few days.'] },
  { key: 'problem_reaction', id: 'call-split-delivery', lines: [...VERIFY_OUTBOUND, "I'm sorry to say two of the six chairs on your order were damaged in our warehouse."] },
  {
    key: 'choose_split',
    id: 'call-split-delivery',
    // without a general `choose` line of the scenario's own
    edit: (doc) => {
      delete doc.lines.choose;
    },
    lines: [
      ...VERIFY_OUTBOUND,
      "I'm sorry to say two of the six chairs on your order were damaged in our warehouse.",
      'We can split the delivery: four chairs tomorrow and the other two on Wednesday 11 March. We can hold all six for Wednesday 11 March, or you can cancel the two damaged chairs free of charge.',
      'If you cancel two, the order would be £715.20 including VAT.',
    ],
  },
  { key: 'payment_done', id: 'place-desks-credit-limit', lines: ["I'm afraid the order is over your available credit, so I can't put it on account.", 'What I can do is take payment by card now through our secure payment line.'], desk: 'pay' },
  { key: 'one_date_ok', id: 'cancel-home-desk', lines: [...VERIFY_INBOUND, 'Would Tuesday suit you for the collection?'] },
  { key: 'hold_on', id: 'place-ergo-chairs', lines: ['Could you bear with me a moment while I check that?'] },
];

describe('every situation of the caller is a line a tutor can write', () => {
  it('the simulator has default wording for every line key, and its own keys are only glue', () => {
    for (const key of LINE_KEYS) expect(DEFAULT_LINES[key].length).toBeGreaterThan(0);
    expect([...OWN_LINE_KEYS].sort()).toEqual(['as_i_said', 'ask_about_alternative', 'ask_before_goodbye', 'correction_detail', 'opening_inbound', 'opening_outbound', 'raise_address', 'raise_address_before_goodbye', 'reask', 'reask_irate', 'sure_repeat']);
    // glue wraps other words: each variant holds the words it wraps
    for (const key of ['ask_before_goodbye', 'reask', 'reask_irate', 'ask_about_alternative'] as const) {
      for (const v of DEFAULT_LINES[key]) expect(v).toMatch(/\{[qQ]uestion\}/);
    }
    for (const key of ['as_i_said', 'sure_repeat', 'raise_address', 'raise_address_before_goodbye'] as const) {
      for (const v of DEFAULT_LINES[key]) expect(v).toMatch(/\{answer\}/);
    }
    for (const key of OWN_LINE_KEYS) expect(LINE_KEYS as readonly string[]).not.toContain(key);
  });

  it('docs/scenario-format.md names every line key', () => {
    const doc = readFileSync('docs/scenario-format.md', 'utf8');
    const missing = LINE_KEYS.filter((k) => !doc.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });

  it.each(SITUATIONS.map((s) => [s.key, s] as const))('%s: the tutor’s words are said; without them, the default wording', (key, s) => {
    const words = `[tutor wording for ${key}]`;
    const play = (loaded: LoadedScenario): string[] => {
      const call = new ScriptedCall(loaded, 4);
      const replies = call.script(s.lines);
      if (s.desk) replies.push(call.customer.onDesk({ kind: s.desk }));
      return replies.flatMap((r) => r.acts.filter((a) => a === key).map(() => text(r)));
    };
    const tutor = play(withLine(s.id, key, words, s.edit));
    expect(tutor.length).toBeGreaterThan(0);
    for (const t of tutor) expect(t).toContain(words);
    const plain = play(tutorFile(s.id, s.edit ?? (() => undefined)));
    expect(plain.length).toBeGreaterThan(0);
    for (const t of plain) expect(DEFAULT_LINES[key as keyof typeof DEFAULT_LINES].some((d) => t.includes(d.replace(/\{\w+\}.*$/, '').trim()))).toBe(true);
  });

  it('a line written for the caller’s specific choice wins over its general `choose` line', () => {
    const loaded = tutorFile('call-split-delivery', (doc) => {
      doc.lines.choose_split = ['Split, please — the four now.'];
    });
    const call = new ScriptedCall(loaded, 4);
    const replies = call.script(SITUATIONS.find((s) => s.key === 'choose_split')!.lines);
    const last = replies[replies.length - 1];
    expect(last.decisions.problem).toBe('split');
    expect(text(last)).toContain('Split, please — the four now.');
  });

  it('a placeholder a line cannot use is refused when the file is loaded, naming the line', () => {
    expect(() => withLine('place-ergo-chairs', 'small_talk', 'Fine — {date} is a good day.')).toThrow(/lines\.small_talk\[0\].*\{date\}/s);
    expect(() => withLine('place-ergo-chairs', 'date_ok', 'Lovely, {date} it is.')).not.toThrow();
  });
});

describe('a careful caller', () => {
  const EARLY = 'Hi, it is about your chairs, there is a problem with two of them on order SO-49002.';

  it('remarks on details given before verification, in the tutor’s words', () => {
    const r = new ScriptedCall(tutorFile('call-split-delivery', () => undefined), 3).say(EARLY);
    expect(r.acts).toContain('unverified_disclosure');
    expect(text(r)).toMatch(/checked who I am first/);
  });

  it('remarks in default words when the scenario writes none', () => {
    const loaded = tutorFile('call-split-delivery', (doc) => {
      delete doc.lines.unverified_disclosure;
    });
    const r = new ScriptedCall(loaded, 3).say(EARLY);
    expect(r.acts).toContain('unverified_disclosure');
    expect(DEFAULT_LINES.unverified_disclosure).toContain(text(r).split(/(?<=\?) /)[0]);
  });

  it('a caller who is not careful says nothing about it, even with the line written (and only once loses patience)', () => {
    const loaded = tutorFile('call-split-delivery', (doc) => {
      doc.customer.persona.careful = false;
    });
    const call = new ScriptedCall(loaded, 3);
    const r1 = call.say(EARLY);
    expect(r1.acts).not.toContain('unverified_disclosure');
    const r2 = call.say('Two of the chairs on SO-49002 were damaged in picking.');
    expect(r2.acts).not.toContain('unverified_disclosure');
    expect(call.state.annoyance).toBe(1);
  });

  it('an inbound caller marked careful remarks when a detail is read out for them to agree to', () => {
    const loaded = tutorFile('place-ergo-chairs', (doc) => {
      doc.customer.persona.careful = true;
    });
    const call = new ScriptedCall(loaded, 3);
    call.say('Good morning, Harbour & Pike, Jo speaking.');
    const r = call.say('Is your postcode LS6 2QT?');
    expect(r.acts).toContain('unverified_disclosure');
    const plain = new ScriptedCall(tutorFile('place-ergo-chairs', () => undefined), 3);
    plain.say('Good morning, Harbour & Pike, Jo speaking.');
    expect(plain.say('Is your postcode LS6 2QT?').acts).not.toContain('unverified_disclosure');
  });
});
