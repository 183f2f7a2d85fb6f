/**
 * Building the bot's messages: every one carries `channelData.speaker` (contract §2) —
 * the customer, the desk or the coach — and nothing the learner should not see.
 */
import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Speaker } from '../domain/transcript.js';
import type { AdaptiveCard } from './desk/sheet.js';

/** A message from one speaker, optionally with an Adaptive Card showing the same content. */
export function speakerMessage(speaker: Speaker, text: string, card?: AdaptiveCard, extra?: Record<string, unknown>): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    textFormat: 'plain',
    channelData: { speaker, ...extra },
    ...(card ? { attachments: [CardFactory.adaptiveCard(card)] } : {}),
  };
}

/** A coach message. */
export function coachMessage(text: string, card?: AdaptiveCard, extra?: Record<string, unknown>): Partial<Activity> {
  return speakerMessage('coach', text, card, extra);
}

/** A desk message. */
export function deskMessage(text: string, card?: AdaptiveCard): Partial<Activity> {
  return speakerMessage('desk', text, card);
}

/** A line the customer says. */
export function customerMessage(text: string): Partial<Activity> {
  return speakerMessage('customer', text);
}
