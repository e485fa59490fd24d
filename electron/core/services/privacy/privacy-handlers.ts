import type { CoreHost } from '../../host';
import type { Handlers } from '../../router';

/** Every privacy request; the same map answers while the archive is open and while it is locked. */
export function createPrivacyHandlers(host: CoreHost) {
  const privacy = host.privacy;
  return {
    'privacy.status': () => privacy.status(),
    'privacy.unlock': (input) => privacy.unlock(input.passphrase, input.remember === true),
    'privacy.unlockWithRecoveryKey': (input) => privacy.unlockWithRecoveryKey(input.recoveryKey, input.newPassphrase),
    'privacy.lock': () => privacy.lock(),
    'privacy.setPassphrase': (input) => privacy.setPassphrase(input.passphrase, input.deletePlainBackups),
    'privacy.changePassphrase': (input) => privacy.changePassphrase(input.current, input.next),
    'privacy.removePassphrase': (input) => privacy.removePassphrase(input.current),
    'privacy.newRecoveryKey': (input) => privacy.newRecoveryKey(input.current),
    'privacy.setLockAfter': (input) => privacy.setLockAfter(input.minutes),
    'privacy.forgetOnThisDevice': () => privacy.forgetOnThisDevice(),
  } satisfies Partial<Handlers>;
}
