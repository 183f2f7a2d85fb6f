/**
 * The call as the checkers read it: the learner's messages to the customer (each analysed
 * once, as it arrives), the desk commands with the desk's answers, and the customer's
 * lines, each keeping its 0-based index in the transcript for evidence.
 *
 * Built incrementally by {@link CallRecorder}, so the live bot can feed activities as they
 * happen and the offline marker can fold over a stored transcript: the same code path.
 */
import type { TranscriptActivity } from '../../../domain/transcript.js';
import { isSlashCommand, parseSlashCommand, type DeskCommandName, type CommandLine } from './commands.js';

/** A learner message to the customer (never a slash command). */
export interface LearnerMessage<A> {
  kind: 'learner';
  /** index in the transcript */
  index: number;
  /** 1 for the learner's first message to the customer, 2 for the second, … */
  ordinal: number;
  text: string;
  analysis: A;
}

/** A desk command and, once it arrives, the desk's answer. */
export interface DeskAction {
  kind: 'desk';
  index: number;
  text: string;
  name: DeskCommandName;
  args: string;
  codes: CommandLine[];
  result?: { index: number; text: string };
}

/** Something the customer said. */
export interface CustomerLine {
  kind: 'customer';
  index: number;
  text: string;
}

/** One event of the call, in transcript order. */
export type CallEvent<A> = LearnerMessage<A> | DeskAction | CustomerLine;

/** The call prepared for the checkers. */
export interface CallView<A> {
  /** scenario id from the `/start` line, when there was one */
  startedScenario?: string;
  events: CallEvent<A>[];
  learner: LearnerMessage<A>[];
  desk: DeskAction[];
  customer: CustomerLine[];
  /** `/end` was given */
  ended: boolean;
}

/**
 * Folds transcript activities into a {@link CallView}. Learner messages are analysed by
 * `analyse` when they are added, never again. A second `/start` begins a new call (the
 * earlier one was abandoned, contract §2), so the view always holds the latest call.
 */
export class CallRecorder<A> {
  private view: CallView<A> = CallRecorder.empty();

  constructor(private readonly analyse: (text: string, index: number) => A) {}

  private static empty<A>(): CallView<A> {
    return { events: [], learner: [], desk: [], customer: [], ended: false };
  }

  /**
   * Add the activity at `index` of the transcript. Returns the event it became, or
   * undefined for activities the marker ignores (coach messages, session commands, non-messages).
   */
  add(activity: TranscriptActivity, index: number): CallEvent<A> | undefined {
    if (activity.type !== 'message') return undefined;
    const text = typeof activity.text === 'string' ? activity.text : '';
    const v = this.view;
    if (activity.from?.role === 'user') {
      if (isSlashCommand(text)) {
        const cmd = parseSlashCommand(text);
        if (cmd.kind === 'session') {
          if (cmd.name === 'start') {
            this.view = CallRecorder.empty();
            this.view.startedScenario = cmd.args.split(/\s+/)[0] || undefined;
          } else if (cmd.name === 'end') {
            v.ended = true;
          }
          return undefined;
        }
        if (cmd.kind === 'unknown') return undefined;
        const ev: DeskAction = { kind: 'desk', index, text, name: cmd.name, args: cmd.args, codes: cmd.codes };
        v.desk.push(ev);
        v.events.push(ev);
        return ev;
      }
      if (!text.trim()) return undefined;
      const ev: LearnerMessage<A> = {
        kind: 'learner',
        index,
        ordinal: v.learner.length + 1,
        text,
        analysis: this.analyse(text, index),
      };
      v.learner.push(ev);
      v.events.push(ev);
      return ev;
    }
    const speaker = activity.channelData?.speaker;
    if (speaker === 'desk') {
      // The answer belongs to the latest command still waiting; a second desk message
      // (e.g. a payment result) is appended to the latest command's answer.
      const open = [...v.desk].reverse().find((d) => d.result === undefined);
      const last = v.desk[v.desk.length - 1];
      if (open) open.result = { index, text };
      else if (last?.result) last.result = { index: last.result.index, text: `${last.result.text}\n${text}` };
      return undefined;
    }
    if (speaker === 'customer') {
      const ev: CustomerLine = { kind: 'customer', index, text };
      v.customer.push(ev);
      v.events.push(ev);
      return ev;
    }
    return undefined;
  }

  /** The call so far. */
  current(): CallView<A> {
    return this.view;
  }
}
