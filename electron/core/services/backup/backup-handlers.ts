import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';
import { startSalvageJob } from './salvage';

export function createBackupHandlers(host: CoreHost) {
  return {
    'backup.list': () => ({ folder: host.backups.dir, backups: host.backups.list(), lastRestore: host.lastRestore() }),
    'backup.now': () => host.backups.backupNow(),
    'backup.restore': (input) => host.restore(input.name, input.passphrase),
    'backup.undoRestore': () => host.undoRestore(),
    'backup.recover': () => ({ jobId: startSalvageJob(host).id }),
  } satisfies Partial<Handlers>;
}
