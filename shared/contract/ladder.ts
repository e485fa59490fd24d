import { z } from 'zod';
import type { BelongingMap, LadderSummary } from '../domain/ladder';
import { read } from './define';
import { isoDate } from './fields';

export const ladderContract = {
  /** Every rung's numbers, last activity and the gentle signals, in one short read. `today` is the local day. */
  'ladder.summary': read(z.strictObject({ today: isoDate })).returns<LadderSummary>(),

  /** Me in the middle; my dyads, crews and congregations around me. */
  'ladder.map': read(z.strictObject({})).returns<BelongingMap>(),
};
