import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-journal';
import * as m0002 from './0002-self';
import * as m0003 from './0003-self-library';
import * as m0004 from './0004-people-dyads';
import * as m0006 from './0006-search';
import * as m0008 from './0008-crews';
import * as m0009 from './0009-crews-search';
import * as m0010 from './0010-congregations';
import * as m0011 from './0011-congregations-search';
import * as m0012 from './0012-crews-prep';
import * as m0013 from './0013-search-vocab';
import * as m0014 from './0014-search-follows-renames';
import * as m0015 from './0015-search-kind-ranges';
import * as m0016 from './0016-meeting-indexes';
import * as m0017 from './0017-search-says-labels';
import * as m0018 from './0018-search-one-segment';
import * as m0021 from './0021-search-spoken-rounds';
import * as m0022 from './0022-retro-replaced';
import * as m0023 from './0023-drafts';
import * as m0024 from './0024-search-emoji';
import * as m0025 from './0025-search-small-pages';

/**
 * Every migration, in order, listed in code: nothing is discovered from disk, so the list
 * survives bundling into the desktop app. The schema version is the length of this list.
 * A migration may say `export const additive = true` (it changes no stored record: no copy is
 * made first, see pre-migration-copy.ts) and `export const quick = true` (it changes no rows and
 * indexes none: it runs on the app's connection instead of a worker's, see migrate-off-thread.ts).
 */
export const migrations: Record<string, Migration> = {
  '0001-journal': m0001,
  '0002-self': m0002,
  '0003-self-library': m0003,
  '0004-people-dyads': m0004,
  '0006-search': m0006,
  '0008-crews': m0008,
  '0009-crews-search': m0009,
  '0010-congregations': m0010,
  '0011-congregations-search': m0011,
  '0012-crews-prep': m0012,
  '0013-search-vocab': m0013,
  '0014-search-follows-renames': m0014,
  '0015-search-kind-ranges': m0015,
  '0016-meeting-indexes': m0016,
  '0017-search-says-labels': m0017,
  '0018-search-one-segment': m0018,
  '0021-search-spoken-rounds': m0021,
  '0022-retro-replaced': m0022,
  '0023-drafts': m0023,
  '0024-search-emoji': m0024,
  '0025-search-small-pages': m0025,
};

export const currentSchemaVersion = Object.keys(migrations).length;
