import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-journal';

/**
 * Every migration, in order, listed in code: nothing is discovered from disk, so the list
 * survives bundling into the desktop app. The schema version is the length of this list.
 */
export const migrations: Record<string, Migration> = {
  '0001-journal': m0001,
};

export const currentSchemaVersion = Object.keys(migrations).length;
