/** Who the learner is: the Teams `aadObjectId` when present, else the channel's user id. */
import type { ChannelAccount } from 'botbuilder';
import type { Learner } from '../../domain/calls.js';

/** The learner behind an activity's `from`. */
export function learnerOf(from: ChannelAccount | undefined): Learner {
  const aad = from?.aadObjectId?.trim();
  const id = aad || from?.id?.trim() || 'anonymous';
  return { id, name: from?.name?.trim() ?? '', ...(aad ? { aadObjectId: aad } : {}) };
}
