import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createMapSnapshotService } from './map-snapshots';
import { createPartsService } from './parts-service';
import { createProtectorReflectionService } from './protector-reflection';

export function createPartsHandlers(archive: Archive, clock: Clock) {
  const parts = createPartsService(archive.db, clock);
  const snapshots = createMapSnapshotService(archive.db, clock);
  const reflection = createProtectorReflectionService(archive.db, clock);
  return {
    'parts.create': parts.create,
    'parts.update': parts.update,
    'parts.get': parts.get,
    'parts.list': parts.list,
    'parts.delete': parts.delete,
    'parts.restore': parts.restore,
    'parts.relate': parts.relate,
    'parts.unrelate': parts.unrelate,
    'parts.appearances': parts.appearances,
    'parts.map': parts.map,
    'parts.place': parts.place,
    'mapSnapshots.create': snapshots.create,
    'mapSnapshots.list': snapshots.list,
    'mapSnapshots.get': snapshots.get,
    'mapSnapshots.delete': snapshots.delete,
    'protectorReflection.save': reflection.save,
  } satisfies Partial<Handlers>;
}
