import type { AppInfo } from '../../../../shared/domain/app';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';

export function createAppHandlers(archive: Archive, version: string) {
  return {
    'app.info': (): AppInfo => ({
      version,
      databasePath: archive.path,
      schemaVersion: archive.schemaVersion,
      readOnly: archive.readOnlyReason !== null,
      readOnlyReason: archive.readOnlyReason,
    }),
  } satisfies Partial<Handlers>;
}
