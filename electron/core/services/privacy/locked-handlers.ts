import { contract, type RequestName } from '../../../../shared/contract';
import type { AppInfo } from '../../../../shared/domain/app';
import { LadderError } from '../../../../shared/errors';
import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';
import { createPrivacyHandlers } from './privacy-handlers';

export const lockedMessage = 'Ladder is locked. Unlock it with your passphrase.';

/**
 * The handlers while an encrypted archive is locked: the database is not open at all, so every
 * request but unlocking (and app.info, which tells the UI to show the lock screen) answers `locked`.
 */
export function createLockedHandlers(host: CoreHost): Handlers {
  const refuse = () => {
    throw new LadderError('locked', lockedMessage);
  };
  const all = Object.fromEntries((Object.keys(contract) as RequestName[]).map((name) => [name, refuse])) as unknown as Handlers;
  const privacy = createPrivacyHandlers(host);
  return {
    ...all,
    'app.info': (): AppInfo => ({
      version: host.version,
      databasePath: host.archiveFile,
      schemaVersion: 0,
      readOnly: false,
      readOnlyReason: null,
      damaged: null,
      canPickPaths: host.platform.pickFolder !== undefined && host.platform.pickFile !== undefined,
      homeFolder: host.homeFolder,
      encrypted: true,
      locked: true,
    }),
    'privacy.status': privacy['privacy.status'],
    'privacy.unlock': privacy['privacy.unlock'],
    'privacy.unlockWithRecoveryKey': privacy['privacy.unlockWithRecoveryKey'],
    'privacy.lock': privacy['privacy.lock'],
  };
}
