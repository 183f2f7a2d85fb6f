/** One code path: the live fold and the stored-transcript mark give the same scorecard. */
import { describe, expect, it } from '@jest/globals';
import { CallMarker, markCall, scenarioOfTranscript } from '../../dialogs/marking/marker.js';
import { readTranscript } from '../../dialogs/marking/transcript-file.js';
import { sharedRecogniser } from '../../dialogs/marking/analysis/recogniser.js';
import { buildCall } from './call-builder.js';
import { shipped, tutorScenario } from './scenarios.js';

describe('CallMarker / markCall', () => {
  const blenders = tutorScenario('place-blenders-bundle');
  const stored = readTranscript('test/fixtures/transcripts/tutor-blenders-strong.transcript');

  it('gives the same scorecard live (activity by activity) as on the stored transcript', () => {
    const live = new CallMarker(blenders);
    for (const a of stored) {
      const ev = live.observe(a);
      if (ev?.kind === 'learner') expect(ev.analysis.text).toBe(a.text);
    }
    expect(live.scorecard()).toEqual(markCall(stored, blenders));
  });

  it('uses the utterance the live bot already read instead of reading the message again', () => {
    const live = new CallMarker(blenders);
    const recogniser = sharedRecogniser();
    for (const a of stored) {
      const learnerText = a.from?.role === 'user' && a.text && !a.text.startsWith('/') ? a.text : undefined;
      live.observe(a, learnerText ? recogniser.analyse(learnerText, blenders.analyseContext) : undefined);
    }
    expect(live.scorecard()).toEqual(markCall(stored, blenders));
  });

  it('ignores the coach’s scorecard message recorded after /end', () => {
    const withCard = [...stored, { type: 'message', from: { role: 'bot' }, text: 'Your score: 100', channelData: { speaker: 'coach' as const } }];
    expect(markCall(withCard, blenders)).toEqual(markCall(stored, blenders));
  });

  it('marks the latest call after a second /start (the first was abandoned)', () => {
    const ergo = shipped('place-ergo-chairs');
    const abandoned = buildCall('place-ergo-chairs', ['L: np mate'], { end: false });
    const fresh = buildCall('place-ergo-chairs', ['C: Hi.', 'L: Good morning, Harbour & Pike, Jo speaking.']);
    const card = markCall([...abandoned, ...fresh], ergo);
    expect(card.criteria.professional_language.mark).toBe('met');
    expect(card.criteria.opening.mark).toBe('met');
  });

  it('quotes evidence by 0-based transcript index', () => {
    const card = markCall(stored, blenders);
    for (const c of Object.values(card.criteria)) {
      for (const e of c.evidence) {
        const text = stored[e.activity].text ?? '';
        expect(text.replace(/\s+/g, ' ')).toContain(e.quote.replace(/…$/, '').slice(0, 40));
      }
    }
  });

  it('reads the scenario from the /start line', () => {
    expect(scenarioOfTranscript(stored)).toBe('place-blenders-bundle');
    expect(scenarioOfTranscript([])).toBeUndefined();
  });
});
