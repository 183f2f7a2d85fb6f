/**
 * Call records for the assessor tests, written here by hand and stored through the real
 * CallStore API: a transcript in the contract §4 format and a scorecard in the §5 format
 * whose evidence points into it.
 */
import type { CallRecord, CallScorecard, CallStore, Mark, NewCall } from '../../domain/calls.js';
import { CRITERIA, type CriterionId } from '../../domain/scenario/vocabulary.js';
import type { TranscriptActivity } from '../../domain/transcript.js';

/**
 * Titles and references of the criteria these tests use (marking guide), given to the
 * assessor tools as their criterion catalogue (stored scorecards carry only contract §5 fields).
 */
export const CRITERION_INFO: Partial<Record<CriterionId, { title: string; references: string[] }>> = {
  opening: { title: 'Opening the call', references: ['H/506/2154 2.2', 'K/506/2155 3.3', 'K/506/2155 3.4'] },
  verify_identity: { title: 'Verifying the caller', references: ['H/506/2154 2.1', 'K/506/2155 3.2', 'F/503/0361 1.7'] },
  check_stock: { title: 'Checking stock', references: ['M/502/8587 2.3'] },
  check_credit: { title: 'Checking credit', references: ['M/502/8587 2.2'] },
  state_price: { title: 'Stating the price', references: ['M/502/8587 2.4'] },
  state_delivery: { title: 'Stating the delivery date', references: ['M/502/8587 2.4'] },
  advise_offers: { title: 'Advising on offers', references: ['M/502/8587 3.2'] },
  confirm_details: { title: 'Confirming the details', references: ['F/503/0392 2.3', 'Y/506/2085 2.3'] },
  close_call: { title: 'Closing the call', references: ['H/506/2154 3.4', 'Y/506/2085 2.4'] },
  professional_language: { title: 'Professional language', references: ['Y/506/2085 2.5', 'H/506/2154 2.2'] },
};

function msg(role: 'user' | 'bot', text: string, at: string, speaker?: 'customer' | 'desk' | 'coach'): TranscriptActivity {
  return {
    type: 'message',
    id: `a-${Date.parse(at)}`,
    text,
    timestamp: at,
    from: { id: role === 'user' ? 'learner' : 'trainer', role },
    ...(speaker ? { channelData: { speaker } } : {}),
  };
}

const plus = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();

/** A short practice call: greeting, identity, stock, price, close. */
export function orderTranscript(scenario: string, startedAt: string): TranscriptActivity[] {
  const lines: [number, 'user' | 'bot', string, ('customer' | 'desk' | 'coach')?][] = [
    [0, 'user', `/start ${scenario}`],
    [2, 'bot', 'Briefing: a business customer rings to order office chairs.', 'coach'],
    [5, 'bot', "Hello, I'd like to order some chairs please.", 'customer'],
    [30, 'user', 'Good morning, Harbour & Pike, Sam speaking. Could I take your account number, please?'],
    [45, 'bot', "It's HP-1001. Jo Bloggs, postcode LS1 4AB.", 'customer'],
    [60, 'user', '/stock CH-200'],
    [61, 'bot', 'CH-200 Ergo task chair: £120.00 each, 40 in stock.', 'desk'],
    [90, 'user', 'Those chairs are in stock. Ten chairs come to £1,440.00 including VAT.'],
    [110, 'bot', 'Lovely, thank you.', 'customer'],
    [130, 'user', 'Is there anything else I can help with? Thank you for calling, goodbye.'],
    [140, 'bot', 'Call marked. See your scorecard.', 'coach'],
  ];
  return lines.map(([s, role, text, speaker]) => msg(role, text, plus(startedAt, s), speaker));
}

/**
 * A contract §5 scorecard over `transcript`: criteria given as `[mark, evidence indexes]`,
 * every other one `n/a`; quotes are the cited messages' text.
 */
export function scorecardFor(
  scenario: string,
  transcript: readonly TranscriptActivity[],
  marks: Partial<Record<CriterionId, [Mark, number[]]>>,
  score: number,
  passed: boolean,
): CallScorecard {
  const criteria: CallScorecard['criteria'] = {};
  for (const id of CRITERIA) {
    const [mark, evidence] = marks[id] ?? ['n/a', []];
    const card = {
      mark,
      evidence: evidence.map((i) => ({ activity: i, quote: transcript[i].text ?? '' })),
      note: mark === 'met' || mark === 'n/a' ? '' : `Note on ${id}.`,
    };
    criteria[id] = card;
  }
  return { scenario, criteria, score, passed };
}

/** The marks of the first call: 12 of 20 points → 60, not passed (state_delivery missed). */
export const SAM_MARKS: Partial<Record<CriterionId, [Mark, number[]]>> = {
  opening: ['met', [3]],
  verify_identity: ['partly', [3]],
  check_stock: ['met', [5, 7]],
  check_credit: ['missed', []],
  state_price: ['met', [7]],
  state_delivery: ['missed', []],
  advise_offers: ['missed', []],
  confirm_details: ['partly', [7]],
  close_call: ['met', [9]],
  professional_language: ['met', [3, 7, 9]],
};

/** Every criterion of SAM_MARKS met except advise_offers partly: 19/20 → 95, passed. */
export const GOOD_MARKS: Partial<Record<CriterionId, [Mark, number[]]>> = Object.fromEntries(
  Object.entries(SAM_MARKS).map(([id, [, ev]]) => [id, [id === 'advise_offers' ? 'partly' : 'met', ev]]),
);

/** A learner name that tries spreadsheet formula injection and needs CSV quoting. */
export const HOSTILE_NAME = '=HYPERLINK("http://evil.example","click"), Ann\n"O\'Neil"';

export interface Seeded {
  /** By short name: sam1, sam2, ann1, ann2, kim1. */
  ids: Record<'sam1' | 'sam2' | 'ann1' | 'ann2' | 'kim1', string>;
  records: CallRecord[];
}

async function makeCall(
  store: CallStore,
  call: NewCall & { startedAt: string },
  outcome?: { endedAfterS: number; marks?: Partial<Record<CriterionId, [Mark, number[]]>>; score?: number; passed?: boolean },
): Promise<string> {
  const created = await store.create(call);
  const transcript = orderTranscript(call.scenario, call.startedAt);
  await store.appendActivities(created.id, transcript);
  if (outcome?.marks) {
    await store.finish(created.id, {
      status: 'ended',
      endedAt: plus(call.startedAt, outcome.endedAfterS),
      scorecard: scorecardFor(call.scenario, transcript, outcome.marks, outcome.score ?? 0, outcome.passed ?? false),
    });
  } else if (outcome) {
    await store.finish(created.id, { status: 'abandoned', endedAt: plus(call.startedAt, outcome.endedAfterS) });
  }
  return created.id;
}

/**
 * Five calls: Sam's two (one failed with a dispute, one passed assessment), Ann's two (one
 * passed — her name is hostile CSV — one abandoned), Kim's one in progress.
 */
export async function seedCalls(store: CallStore): Promise<Seeded> {
  const sam = { id: 'learner-sam', name: 'Sam Patel' };
  const ann = { id: 'learner-ann', name: HOSTILE_NAME };
  const kim = { id: 'learner-kim', name: 'Kim Lee' };
  const ids = {
    sam1: await makeCall(store, { id: 'call-sam-1', learner: sam, scenario: 'place-ergo-chairs', mode: 'practice', seed: 1, startedAt: '2025-03-03T09:00:00.000Z' }, { endedAfterS: 720, marks: SAM_MARKS, score: 60, passed: false }),
    sam2: await makeCall(store, { id: 'call-sam-2', learner: sam, scenario: 'chase-late-cabinets', mode: 'assessment', seed: 2, startedAt: '2025-03-05T10:00:00.000Z' }, { endedAfterS: 600, marks: GOOD_MARKS, score: 95, passed: true }),
    ann1: await makeCall(store, { id: 'call-ann-1', learner: ann, scenario: 'place-ergo-chairs', mode: 'practice', seed: 3, startedAt: '2025-03-04T14:00:00.000Z' }, { endedAfterS: 480, marks: GOOD_MARKS, score: 95, passed: true }),
    ann2: await makeCall(store, { id: 'call-ann-2', learner: ann, scenario: 'place-ergo-chairs', mode: 'practice', seed: 4, startedAt: '2025-03-06T08:00:00.000Z' }, { endedAfterS: 60 }),
    kim1: await makeCall(store, { id: 'call-kim-1', learner: kim, scenario: 'cancel-home-desk', mode: 'practice', seed: 5, startedAt: '2025-03-07T11:00:00.000Z' }),
  };
  await store.addDispute(ids.sam1, { criterion: 'state_delivery', reason: 'I said Friday 7th, which is the right date.', by: sam.id, at: '2025-03-03T09:20:00.000Z' });
  const records = (await Promise.all(Object.values(ids).map((id) => store.get(id)))) as CallRecord[];
  return { ids, records };
}
