import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';

export function createBackupHandlers(host: CoreHost) {
  return {
    'backup.list': () => ({ folder: host.backups.dir, backups: host.backups.list(), lastRestore: host.lastRestore() }),
    'backup.now': () => host.backups.backupNow(),
    'backup.restore': (input) => host.restore(input.name, input.passphrase),
    'backup.undoRestore': () => host.undoRestore(),
  } satisfies Partial<Handlers>;
}
