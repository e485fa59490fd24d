import { contract, type RequestName } from '../../../../shared/contract';
import type { AppInfo } from '../../../../shared/domain/app';
import { LadderError } from '../../../../shared/errors';
import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';
import { createBackupHandlers } from './backup-handlers';
import { createJobsHandlers } from '../jobs/jobs-handlers';
import { createPickerHandlers } from '../transfer/picker-handlers';

/**
 * The handlers while the archive is damaged: nothing can be read from it, but the backups can be
 * listed and one restored. Every other request answers plainly instead of failing deep inside.
 */
export function createDamagedHandlers(host: CoreHost): Handlers {
  const refuse = () => {
    throw new LadderError('internal', 'Your archive is damaged, so this cannot be done until a backup is restored (see Settings).');
  };
  const all = Object.fromEntries((Object.keys(contract) as RequestName[]).map((name) => [name, refuse])) as unknown as Handlers;
  return {
    ...all,
    'app.info': (): AppInfo => ({
      version: host.version,
      databasePath: host.archiveFile,
      schemaVersion: 0,
      readOnly: false,
      readOnlyReason: null,
      damaged: host.damaged(),
      canPickPaths: host.platform.pickFolder !== undefined && host.platform.pickFile !== undefined,
      homeFolder: host.homeFolder,
      encrypted: host.privacy.encrypted(),
      locked: false,
    }),
    ...createBackupHandlers(host),
    ...createJobsHandlers(host.jobs),
    ...createPickerHandlers(host),
  };
}
