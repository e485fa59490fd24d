import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createCheckinsService } from './checkins-service';
import { createCommitmentsService } from './commitments-service';
import { createDyadsService } from './dyads-service';

export function createDyadsHandlers(archive: Archive, clock: Clock) {
  const dyads = createDyadsService(archive.db, clock);
  const checkins = createCheckinsService(archive.db, clock);
  const commitments = createCommitmentsService(archive.db, clock);
  return {
    'dyads.create': dyads.create,
    'dyads.update': dyads.update,
    'dyads.setStatus': dyads.setStatus,
    'dyads.get': dyads.get,
    'dyads.list': dyads.list,
    'dyads.aWhile': dyads.aWhile,
    'dyads.card': dyads.card,
    'dyads.delete': dyads.delete,
    'dyads.restore': dyads.restore,
    'dyads.dial': dyads.dial,
    'checkins.create': checkins.create,
    'checkins.update': checkins.update,
    'checkins.get': checkins.get,
    'checkins.list': checkins.list,
    'checkins.perMonth': checkins.perMonth,
    'checkins.delete': checkins.delete,
    'checkins.restore': checkins.restore,
    'commitments.create': commitments.create,
    'commitments.update': commitments.update,
    'commitments.resolve': commitments.resolve,
    'commitments.reopen': commitments.reopen,
    'commitments.list': commitments.list,
    'commitments.delete': commitments.delete,
    'commitments.restore': commitments.restore,
  } satisfies Partial<Handlers>;
}
