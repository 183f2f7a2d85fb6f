/**
 * Adapter middleware: trace activities go to the Bot Framework Emulator only. botbuilder
 * drops traces for other channels when it posts replies, but with `deliveryMode:
 * "expectReplies"` it returns every buffered activity — so each turn's reply carried
 * botbuilder-dialogs' `BotState` trace, a 4–7 KB snapshot of the call's whole state (the
 * simulated customer's memory and seed included), to any client. This applies the same rule
 * to both delivery modes.
 */
import { ActivityTypes, Channels, type Middleware, type TurnContext } from 'botbuilder';

/** The middleware. */
export function emulatorOnlyTraces(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      if (context.activity.channelId !== Channels.Emulator) {
        context.onSendActivities(async (_ctx, activities, sendNext) => {
          const kept = activities.filter((a) => a.type !== ActivityTypes.Trace);
          if (kept.length === activities.length) return sendNext();
          if (kept.length === 0) return activities.map(() => ({ id: '' }));
          // The handler chain passes this array on: keep only what may be sent.
          activities.splice(0, activities.length, ...kept);
          return sendNext();
        });
      }
      await next();
    },
  };
}
