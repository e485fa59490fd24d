import { z } from 'zod';
import type { EntryPage } from '../domain/journal';
import type { MapSnapshot, MapSnapshotSummary, Part, PartDetail, PartMap, PartRelation } from '../domain/self';
import { read, write } from './define';
import { id, isoDate, limits, pageCursor, text } from './fields';
import { partColour, partName, partRole, partStatus, relationKind, selfLimits, trust } from './self-fields';

/** The profile fields of a part, all but the name optional. */
const profile = {
  role: partRole,
  colour: partColour,
  bodyLocation: text(limits.shortText),
  apparentAge: text(limits.name),
  job: text(limits.shortText),
  positiveIntent: text(limits.shortText),
  fears: text(limits.shortText),
  trailheads: text(limits.shortText),
  trust: trust.nullable(),
  status: partStatus,
  notes: text(limits.body),
};

/** A spot on the map: generous bounds, so a part dragged off the edge still comes back. */
const coordinate = z.number().finite().min(-10_000).max(10_000);

export const partsContract = {
  'parts.create': write(
    z.strictObject({
      name: partName,
      role: profile.role.default('unknown'),
      colour: profile.colour.optional(),
      bodyLocation: profile.bodyLocation.default(''),
      apparentAge: profile.apparentAge.default(''),
      job: profile.job.default(''),
      positiveIntent: profile.positiveIntent.default(''),
      fears: profile.fears.default(''),
      trailheads: profile.trailheads.default(''),
      trust: profile.trust.default(null),
      status: profile.status.default('noticed'),
      notes: profile.notes.default(''),
    }),
  ).returns<Part>(),

  /** Changes only what is given; a new status is added to the part's history. */
  'parts.update': write(
    z.strictObject({
      id,
      name: partName.optional(),
      role: profile.role.optional(),
      colour: profile.colour.optional(),
      bodyLocation: profile.bodyLocation.optional(),
      apparentAge: profile.apparentAge.optional(),
      job: profile.job.optional(),
      positiveIntent: profile.positiveIntent.optional(),
      fears: profile.fears.optional(),
      trailheads: profile.trailheads.optional(),
      trust: profile.trust.optional(),
      status: profile.status.optional(),
      notes: profile.notes.optional(),
    }),
  ).returns<Part>(),

  'parts.get': read(z.strictObject({ id })).returns<PartDetail>(),

  /** Every part, A to Z. People know a handful to a few dozen parts, so this is one short list. */
  'parts.list': read(z.strictObject({})).returns<Part[]>(),

  /** Soft delete: the part and its relations leave the map, and Undo brings them back. */
  'parts.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
  'parts.restore': write(z.strictObject({ id })).returns<Part>(),

  'parts.relate': write(z.strictObject({ partId: id, otherPartId: id, kind: relationKind })).returns<PartRelation>(),
  'parts.unrelate': write(z.strictObject({ id })).returns<{ id: string }>(),

  /** The entries a part showed up in, newest first: its dated history. */
  'parts.appearances': read(
    z.strictObject({ partId: id, after: pageCursor.optional(), limit: z.number().int().min(1).max(limits.pageSize).default(50) }),
  ).returns<EntryPage>(),

  /** Every part with its relations, for drawing the map. */
  'parts.map': read(z.strictObject({})).returns<PartMap>(),

  /** Saves where parts sit on the map after a drag. */
  'parts.place': write(
    z.strictObject({
      positions: z.array(z.strictObject({ id, x: coordinate, y: coordinate })).min(1).max(selfLimits.positions),
    }),
  ).returns<{ placed: number }>(),

  /** Keeps a dated copy of the map as it is now. */
  'mapSnapshots.create': write(z.strictObject({ takenOn: isoDate, note: text(limits.title).default('') })).returns<MapSnapshot>(),
  'mapSnapshots.list': read(z.strictObject({})).returns<MapSnapshotSummary[]>(),
  'mapSnapshots.get': read(z.strictObject({ id })).returns<MapSnapshot>(),
  'mapSnapshots.delete': write(z.strictObject({ id })).returns<{ id: string }>(),
};
