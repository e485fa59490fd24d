/** Encryption at rest and the app lock, as the UI sees them. */

export interface PrivacyStatus {
  /** The archive is encrypted with a passphrase. */
  encrypted: boolean;
  /** Encrypted and not unlocked yet: nothing but unlocking works. */
  locked: boolean;
  /** Lock after this many idle minutes; null never. */
  lockAfterMinutes: number | null;
  /** The key is remembered on this device, so Ladder unlocks itself at start. */
  remembered: boolean;
  /** Whether "Remember on this device" can be offered, and if not, why. */
  rememberAvailable: boolean;
  rememberUnavailableReason: string | null;
}

export interface SetPassphraseResult {
  /** Shown once: the only other way in if the passphrase is forgotten. */
  recoveryKey: string;
  /** How many unencrypted backups were deleted after the encrypted copy was checked. */
  deletedPlainBackups: number;
}

export const passphraseLimits = { min: 10, max: 1_024 } as const;

export const lockAfterChoices = [1, 5, 15, 30, 60] as const;
export const defaultLockAfterMinutes = 15;

export const wrongPassphraseMessage = 'That passphrase does not open this archive.';
export const wrongRecoveryKeyMessage = 'That recovery key does not open this archive.';
