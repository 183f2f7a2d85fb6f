/**
 * A transcript as a chat: learner messages on the right, customer on the left, order-desk
 * screens as monospaced panels, coach messages as notes. Every message keeps its transcript
 * index (`#activity-N`), which is what scorecard evidence points at.
 */
import { isLearner, speakerOf, type TranscriptActivity } from '../../../domain/transcript.js';
import type { CriterionView } from '../marks.js';
import { formatTime } from './format.js';
import { html, type SafeHtml } from './html.js';

/** Who a message is from, for labels and styles. */
export type Role = 'learner' | 'customer' | 'desk' | 'coach' | 'bot';

export function roleOf(a: TranscriptActivity): Role {
  return isLearner(a) ? 'learner' : (speakerOf(a) ?? 'bot');
}

const ROLE_LABELS: Record<Role, string> = { learner: 'Learner', customer: 'Customer', desk: 'Order desk', coach: 'Coach', bot: 'Trainer' };

/** The label of a message's sender (the learner by name). */
export function roleLabel(a: TranscriptActivity, learnerName: string): string {
  const role = roleOf(a);
  return role === 'learner' && learnerName ? `Learner (${learnerName})` : ROLE_LABELS[role];
}

/** The text of an activity, or a description of what it carries instead. */
export function activityText(a: TranscriptActivity): string {
  if (a.text) return a.text;
  const attachments = (a as { attachments?: { contentType?: string }[] }).attachments;
  if (Array.isArray(attachments) && attachments.length > 0) return `[${attachments.map((x) => x.contentType ?? 'attachment').join(', ')}]`;
  return '';
}

/** Transcript index → titles of the criteria citing it. */
export function citations(views: readonly CriterionView[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const v of views) {
    for (const e of v.machine?.evidence ?? []) {
      const list = out.get(e.activity) ?? [];
      if (!list.includes(v.title)) list.push(v.title);
      out.set(e.activity, list);
    }
  }
  return out;
}

/** The transcript's messages as an ordered list. */
export function transcriptView(transcript: readonly TranscriptActivity[], learnerName: string, views: readonly CriterionView[]): SafeHtml {
  const cited = citations(views);
  const items = transcript.map((a, i) => {
    if (a.type !== 'message') return '';
    const role = roleOf(a);
    const cites = cited.get(i) ?? [];
    return html`<li class="msg msg--${role}" id="activity-${i}" data-activity="${i}" tabindex="-1">
      <div class="msg__meta">
        <span class="msg__who">${roleLabel(a, learnerName)}</span>
        <span class="msg__n">#${i}</span>
        ${a.timestamp ? html`<time datetime="${a.timestamp}">${formatTime(a.timestamp)}</time>` : ''}
      </div>
      <div class="msg__text">${activityText(a)}</div>
      ${cites.length > 0 ? html`<div class="msg__cites">Evidence for: ${cites.join(', ')}</div>` : ''}
    </li>`;
  });
  return html`<ol class="transcript" id="transcript" aria-label="Transcript">${items}</ol>`;
}
