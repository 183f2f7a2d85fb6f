/**
 * The coach's briefing at the start of a call: who the learner is (an adviser at the
 * organisation), the clock, the order system (desk commands), the session commands and,
 * in practice, what will be marked. Built from the scenario's public side only: its kind,
 * clock, organisation, the tutor's briefing and the criteria — never its facts or truths.
 */
import { formatLongDate } from '../../domain/dates.js';
import type { CallMode } from '../../domain/calls.js';
import type { LoadedScenario } from '../../domain/scenario/schema.js';
import { criterionInfo } from '../marking/criteria.js';
import { DESK_USAGE } from '../desk/args.js';

const INBOUND_PURPOSE: Record<string, string> = {
  place: 'who wants to place an order',
  change: 'about an order they have already placed',
  cancel: 'about something they have bought',
  chase: 'about a delivery',
  update: 'about their order',
};

/** What the call is, when the tutor wrote no briefing. */
export function defaultSituation(loaded: LoadedScenario): string {
  const s = loaded.scenario;
  const who = s.customer.type === 'business' ? 'a business account customer' : 'a private customer';
  if (s.kind.direction === 'inbound') return `An inbound call is coming through from ${who} ${INBOUND_PURPOSE[s.kind.purpose] ?? ''}`.trim() + '.';
  return `You are calling ${who} about their order.`;
}

/**
 * The briefing for a client's side panel (`channelData.briefing`, read by the Web Chat page):
 * the same public content as the text — title, situation, clock, the desk commands and, in
 * practice, what is marked.
 */
export interface BriefingPanel {
  title: string;
  text: string;
  facts: { label: string; value: string }[];
  lines: string[];
}

/** The briefing as a panel. */
export function briefingPanel(loaded: LoadedScenario, mode: CallMode): BriefingPanel {
  const s = loaded.scenario;
  const facts = [
    { label: 'Scenario', value: s.id },
    { label: 'Call', value: mode === 'practice' ? 'practice (hints allowed)' : 'assessment' },
    { label: 'You are', value: `customer service adviser, ${loaded.organisation.name}` },
    { label: 'Date and time', value: `${formatLongDate(s.clock.date)}, ${s.clock.time}` },
  ];
  const lines = [`Desk: ${Object.values(DESK_USAGE).join(' · ')}`];
  if (mode === 'practice') {
    const info = criterionInfo();
    lines.push(`Marked: ${s.rubric.criteria.map((c) => info[c].title).join('; ')}`);
  }
  lines.push('/end when the call is over');
  return { title: s.title, text: s.briefing ?? defaultSituation(loaded), facts, lines };
}

/** The briefing text. */
export function briefingText(loaded: LoadedScenario, mode: CallMode): string {
  const s = loaded.scenario;
  const org = loaded.organisation;
  const title = mode === 'practice' ? 'Practice call' : 'Assessment call';
  const lines = [
    `${title}: ${s.id}. You are a customer service adviser on the ${org.name} order desk. It is ${formatLongDate(s.clock.date)}, ${s.clock.time}.`,
    s.briefing ?? defaultSituation(loaded),
    '',
    `Your order system (desk commands; the customer does not hear them): ${Object.values(DESK_USAGE).join(' · ')}.`,
    `Session: ${mode === 'practice' ? '/hint for a nudge · ' : ''}/help lists every command · /end when the call is over.`,
  ];
  if (mode === 'practice') {
    const info = criterionInfo();
    lines.push('', `Marked in this call: ${s.rubric.criteria.map((c) => info[c].title).join('; ')}.`);
  } else {
    lines.push('', 'This is an assessment: no hints; the scorecard comes at the end.');
  }
  lines.push(s.kind.direction === 'inbound' ? 'The customer is on the line now.' : 'You are through: the customer answers.');
  return lines.join('\n');
}
