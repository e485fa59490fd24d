import { z } from 'zod';
import { lockAfterChoices, passphraseLimits, type PrivacyStatus, type SetPassphraseResult } from '../domain/privacy';
import { read, write } from './define';

/** A new passphrase: long enough to resist guessing, short enough to type. */
const newPassphrase = z
  .string()
  .min(1, 'Choose a passphrase.')
  .min(passphraseLimits.min, `Use at least ${passphraseLimits.min} characters; a few unrelated words work well.`)
  .max(passphraseLimits.max, `Keep the passphrase under ${passphraseLimits.max.toLocaleString('en')} characters.`);

/** The passphrase in use: only checked against the key file, so any length is merely "wrong". */
const currentPassphrase = z.string().min(1, 'Enter your passphrase.').max(passphraseLimits.max, 'That passphrase does not open this archive.');

const recoveryKey = z.string().trim().min(1, 'Enter your recovery key.').max(200, 'That is longer than a recovery key.');

/**
 * Most privacy requests are not `write`s in the router's sense: they change the key file and lock
 * state, not the records. Setting and removing the passphrase rewrite the archive file itself, so
 * they are writes: a read-only archive (from a newer Ladder) is never rewritten. Those that
 * replace the file block every other request themselves while they run.
 */
export const privacyContract = {
  'privacy.status': read(z.strictObject({})).returns<PrivacyStatus>(),

  'privacy.unlock': read(z.strictObject({ passphrase: currentPassphrase, remember: z.boolean().optional() })).returns<PrivacyStatus>(),

  /** Opens with the recovery key and sets a new passphrase (the old one is presumably forgotten). */
  'privacy.unlockWithRecoveryKey': read(z.strictObject({ recoveryKey, newPassphrase })).returns<PrivacyStatus>(),

  'privacy.lock': read(z.strictObject({})).returns<PrivacyStatus>(),

  /** Encrypts a plain archive; answers with the recovery key, shown once. */
  'privacy.setPassphrase': write(z.strictObject({ passphrase: newPassphrase, deletePlainBackups: z.boolean() })).returns<SetPassphraseResult>(),

  'privacy.changePassphrase': read(z.strictObject({ current: currentPassphrase, next: newPassphrase })).returns<PrivacyStatus>(),

  /** Decrypts the archive and removes the key file. */
  'privacy.removePassphrase': write(z.strictObject({ current: currentPassphrase })).returns<PrivacyStatus>(),

  /** Replaces the recovery key; the old one stops working. */
  'privacy.newRecoveryKey': read(z.strictObject({ current: currentPassphrase })).returns<{ recoveryKey: string }>(),

  'privacy.setLockAfter': read(
    z.strictObject({
      minutes: z
        .number()
        .int()
        .refine((m) => (lockAfterChoices as readonly number[]).includes(m), 'Choose one of the offered times.')
        .nullable(),
    }),
  ).returns<PrivacyStatus>(),

  'privacy.forgetOnThisDevice': read(z.strictObject({})).returns<PrivacyStatus>(),
};
