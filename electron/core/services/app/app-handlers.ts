import type { AppInfo } from '../../../../shared/domain/app';
import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';

export function createAppHandlers(archive: Archive, version: string, host: CoreHost) {
  return {
    'app.info': (): AppInfo => ({
      version,
      databasePath: archive.path,
      schemaVersion: archive.schemaVersion,
      readOnly: archive.readOnlyReason !== null,
      readOnlyReason: archive.readOnlyReason,
      damaged: null,
      canPickPaths: host.platform.pickFolder !== undefined && host.platform.pickFile !== undefined,
      homeFolder: host.homeFolder,
      encrypted: host.privacy.encrypted(),
      locked: false,
    }),
  } satisfies Partial<Handlers>;
}
