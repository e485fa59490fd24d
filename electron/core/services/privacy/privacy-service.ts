import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import {
  defaultLockAfterMinutes,
  type PrivacyStatus,
  type SetPassphraseResult,
  wrongPassphraseMessage,
  wrongRecoveryKeyMessage,
} from '../../../../shared/domain/privacy';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { KeyStore } from '../../host';
import type { BackupService } from '../backup/backup-service';
import { backupKeyFile, listBackups, timestampForFile } from '../backup/backup-files';
import { assertNoLog, tableCounts, verifyCopy, writeConvertedCopy } from './archive-copies';
import { applyKey, hasSqliteHeader } from './cipher';
import {
  type KeyFile,
  keyFileFormat,
  keyIdOf,
  newDatabaseKey,
  newRecoveryKey,
  normalizeRecoveryKey,
  readKeyFile,
  syncFolder,
  unwrapKey,
  wrapKey,
  writeKeyFile,
  defaultCost,
} from './key-file';
import { cipherSettings } from './cipher';
import { exportKeyFor } from './encrypted-export';

/** What the core lends the privacy service: the archive's life cycle, without its internals. */
export interface ArchiveControl {
  archive(): Archive | null;
  /** The database key while unlocked; null when plain or locked. */
  key(): string | null;
  /** Opens the encrypted archive with its key (unlocking). */
  unlock(key: string): Promise<void>;
  /** Closes the archive and forgets the key. */
  lock(): Promise<void>;
  /**
   * Runs `work` with every other request refused and jobs stopped. `work` may close the archive
   * and replace its file; afterwards the archive opens again under the key last given to `setKey`.
   */
  exclusive<T>(reason: string, work: (step: { archive: Archive; close: () => Promise<void>; setKey: (key: string | null) => void }) => Promise<T>): Promise<T>;
  jobsRunning(): boolean;
}

export interface PrivacyServiceOptions {
  dataDir: string;
  archiveFile: string;
  keyFile: string;
  clock: Clock;
  keyStore: KeyStore | undefined;
  backups: BackupService;
  control: ArchiveControl;
  /** Lower scrypt cost for tests only; the shipped cost is OWASP's. */
  cost?: typeof defaultCost;
}

const refusedBackends = new Set(['basic_text', 'unknown', 'unavailable']);

export function createPrivacyService(options: PrivacyServiceOptions) {
  const { archiveFile, keyFile, control } = options;
  const cost = options.cost ?? defaultCost;
  // Serialises every change to the key file and every lock change.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };

  const current = () => readKeyFile(keyFile);
  const encrypted = () => existsSync(keyFile) && !hasSqliteHeader(archiveFile) && existsSync(archiveFile);
  const requireKeyFile = (): KeyFile => {
    const file = current();
    if (!file) throw new LadderError('conflict', 'This archive has no passphrase.');
    return file;
  };

  async function rememberAvailability(): Promise<{ available: boolean; reason: string | null }> {
    const store = options.keyStore;
    if (!store) return { available: false, reason: 'Remembering needs the desktop app; this window cannot store secrets safely.' };
    let backend: string;
    try {
      backend = await store.backend();
    } catch {
      backend = 'unavailable';
    }
    if (refusedBackends.has(backend)) {
      return { available: false, reason: 'This computer offers no safe place for secrets (no system keyring), so Ladder will not remember the key here.' };
    }
    return { available: true, reason: null };
  }

  async function status(): Promise<PrivacyStatus> {
    const file = encrypted() ? current() : null;
    const remember = await rememberAvailability();
    return {
      encrypted: file !== null,
      locked: file !== null && control.key() === null,
      lockAfterMinutes: file?.lockAfterMinutes ?? null,
      remembered: Boolean(file?.remembered),
      rememberAvailable: remember.available,
      rememberUnavailableReason: remember.reason,
    };
  }

  async function keyFromPassphrase(file: KeyFile, passphrase: string, field: string): Promise<string> {
    const key = await unwrapKey(file.passphrase, passphrase);
    if (key === null) throw new LadderError('validation', wrongPassphraseMessage, field);
    return key;
  }

  /** The key file must belong to this archive; a mismatch is said plainly instead of calling the archive damaged. */
  function assertKeyOpensArchive(key: string) {
    let sqlite: SqliteDatabase.Database | null = null;
    try {
      sqlite = new SqliteDatabase(archiveFile, { readonly: true, fileMustExist: true });
      applyKey(sqlite, key);
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new LadderError('validation', `The key file beside the archive (${path.basename(keyFile)}) belongs to another archive.`, 'passphrase');
      }
      // Other trouble (damage) is for the normal open to report.
    } finally {
      sqlite?.close();
    }
  }

  async function remember(file: KeyFile, key: string): Promise<KeyFile> {
    const availability = await rememberAvailability();
    if (!availability.available || !options.keyStore) throw new LadderError('validation', availability.reason ?? 'Remembering is not available here.', 'remember');
    const data = await options.keyStore.encrypt(key);
    return { ...file, remembered: { backend: await options.keyStore.backend(), data: data.toString('base64') } };
  }

  async function unlock(key: string) {
    assertKeyOpensArchive(key);
    await control.unlock(key);
  }

  function deletePlainBackups(): number {
    let deleted = 0;
    for (const backup of listBackups(options.backups.dir)) {
      if (backup.encrypted) continue;
      rmSync(path.join(options.backups.dir, backup.name), { force: true });
      deleted += 1;
    }
    return deleted;
  }

  return {
    status,
    encrypted,
    locked: () => encrypted() && control.key() === null,

    /**
     * At start, before the archive opens: a key file beside a plain archive is left from a crash
     * between writing the key file and renaming the encrypted copy in, so it is set aside. Answers
     * whether the archive is encrypted, and tries the key remembered on this device.
     */
    async atStart(): Promise<{ encrypted: boolean; rememberedKey: string | null }> {
      for (const leftover of ['.encrypting', '.decrypting']) rmSync(`${archiveFile}${leftover}`, { force: true });
      if (!existsSync(keyFile)) return { encrypted: false, rememberedKey: null };
      if (!existsSync(archiveFile) || hasSqliteHeader(archiveFile)) {
        renameSync(keyFile, `${keyFile}.stale-${timestampForFile(options.clock.now())}`);
        return { encrypted: false, rememberedKey: null };
      }
      const file = current();
      if (file?.remembered && options.keyStore && (await rememberAvailability()).available) {
        try {
          const key = await options.keyStore.decrypt(Buffer.from(file.remembered.data, 'base64'));
          if (keyIdOf(key) === file.keyId) return { encrypted: true, rememberedKey: key };
        } catch {
          // The system store no longer has it (another user, a reinstall): ask for the passphrase.
        }
      }
      return { encrypted: true, rememberedKey: null };
    },

    unlock: (passphrase: string, rememberIt: boolean) =>
      serial(async () => {
        const file = requireKeyFile();
        if (control.key() !== null) return status();
        const key = await keyFromPassphrase(file, passphrase, 'passphrase');
        await unlock(key);
        if (rememberIt) writeKeyFile(keyFile, await remember(current() ?? file, key));
        return status();
      }),

    unlockWithRecoveryKey: (recoveryKey: string, newPassphrase: string) =>
      serial(async () => {
        const file = requireKeyFile();
        const key = await unwrapKey(file.recoveryKey, normalizeRecoveryKey(recoveryKey));
        if (key === null) throw new LadderError('validation', wrongRecoveryKeyMessage, 'recoveryKey');
        const passphrase = await wrapKey(key, newPassphrase, cost);
        writeKeyFile(keyFile, { ...file, passphrase });
        if (control.key() === null) await unlock(key);
        return status();
      }),

    lock: () =>
      serial(async () => {
        if (encrypted()) await control.lock();
        return status();
      }),

    setPassphrase: (passphrase: string, deletePlain: boolean) =>
      serial(async (): Promise<SetPassphraseResult> => {
        if (encrypted()) throw new LadderError('conflict', 'This archive already has a passphrase; use Change passphrase instead.');
        if (control.jobsRunning()) throw new LadderError('conflict', 'An import or export is running; set the passphrase when it has finished.');
        const key = newDatabaseKey();
        const recoveryKey = newRecoveryKey();
        // The slow part first, while everything still works.
        const [passphraseWrap, recoveryWrap] = await Promise.all([wrapKey(key, passphrase, cost), wrapKey(key, normalizeRecoveryKey(recoveryKey), cost)]);
        // A plain copy to come back to if anything below goes wrong.
        await options.backups.backupForPassphrase();
        const temp = `${archiveFile}.encrypting`;
        await control.exclusive('Ladder is encrypting your archive. Please try again in a moment.', async ({ archive, close, setKey }) => {
          let wroteKeyFile = false;
          try {
            // Not while a pre-migration copy still reads the file.
            await archive.whenCopied();
            archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
            const counts = tableCounts(archive.sqlite);
            writeConvertedCopy(archive.sqlite, temp, key, null);
            verifyCopy(temp, key, counts);
            await close();
            assertNoLog(archiveFile);
            // The key file first: a crash before the rename leaves it beside a plain archive, which start-up recognises as stale.
            writeKeyFile(keyFile, {
              format: keyFileFormat,
              version: 1,
              cipher: cipherSettings,
              keyId: keyIdOf(key),
              passphrase: passphraseWrap,
              recoveryKey: recoveryWrap,
              remembered: null,
              lockAfterMinutes: defaultLockAfterMinutes,
            });
            wroteKeyFile = true;
            renameSync(temp, archiveFile);
            syncFolder(path.dirname(archiveFile));
            setKey(key);
          } catch (error) {
            rmSync(temp, { force: true });
            if (wroteKeyFile && hasSqliteHeader(archiveFile)) rmSync(keyFile, { force: true });
            throw error;
          }
        });
        const deletedPlainBackups = deletePlain ? deletePlainBackups() : 0;
        // The first encrypted backup, so the backups folder is useful again at once.
        await options.backups.backupForPassphrase().catch(() => undefined);
        return { recoveryKey, deletedPlainBackups };
      }),

    changePassphrase: (currentPassphrase: string, next: string) =>
      serial(async () => {
        const file = requireKeyFile();
        const key = await keyFromPassphrase(file, currentPassphrase, 'current');
        writeKeyFile(keyFile, { ...file, passphrase: await wrapKey(key, next, cost) });
        return status();
      }),

    newRecoveryKey: (currentPassphrase: string) =>
      serial(async () => {
        const file = requireKeyFile();
        const key = await keyFromPassphrase(file, currentPassphrase, 'current');
        const recoveryKey = newRecoveryKey();
        writeKeyFile(keyFile, { ...file, recoveryKey: await wrapKey(key, normalizeRecoveryKey(recoveryKey), cost) });
        return { recoveryKey };
      }),

    removePassphrase: (currentPassphrase: string) =>
      serial(async () => {
        const file = requireKeyFile();
        const key = await keyFromPassphrase(file, currentPassphrase, 'current');
        if (control.jobsRunning()) throw new LadderError('conflict', 'An import or export is running; remove the passphrase when it has finished.');
        const temp = `${archiveFile}.decrypting`;
        await control.exclusive('Ladder is decrypting your archive. Please try again in a moment.', async ({ archive, close, setKey }) => {
          try {
            // Not while a pre-migration copy still reads the file.
            await archive.whenCopied();
            archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
            const counts = tableCounts(archive.sqlite);
            writeConvertedCopy(archive.sqlite, temp, null, key);
            verifyCopy(temp, null, counts);
            await close();
            assertNoLog(archiveFile);
            renameSync(temp, archiveFile);
            syncFolder(path.dirname(archiveFile));
            setKey(null);
          } catch (error) {
            rmSync(temp, { force: true });
            throw error;
          }
          // Last: a crash before this leaves a stale key file beside a plain archive, set aside at start.
          rmSync(keyFile, { force: true });
          syncFolder(path.dirname(keyFile));
        });
        // A plain backup at once: the ones made until now all need the old passphrase.
        await options.backups.backupForPassphrase().catch(() => undefined);
        return status();
      }),

    setLockAfter: (minutes: number | null) =>
      serial(async () => {
        const file = encrypted() ? current() : null;
        if (!file) throw new LadderError('validation', 'Set a passphrase first: an archive without one cannot be locked.', 'minutes');
        writeKeyFile(keyFile, { ...file, lockAfterMinutes: minutes });
        return status();
      }),

    forgetOnThisDevice: () =>
      serial(async () => {
        const file = encrypted() ? current() : null;
        if (file?.remembered) writeKeyFile(keyFile, { ...file, remembered: null });
        return status();
      }),

    /** The database key of a backup made under another key, from the passphrase it was made under. */
    async keyForBackup(backupFile: string, passphrase: string | undefined): Promise<{ key: string; keyFile: KeyFile }> {
      const beside = backupKeyFile(backupFile);
      const file = JSON.parse(readFileSync(beside, 'utf8')) as KeyFile;
      if (!passphrase) {
        throw new LadderError('validation', 'This backup was made under another passphrase. Enter the passphrase it was made under to restore it.', 'passphrase');
      }
      const key = await unwrapKey(file.passphrase, passphrase);
      if (key === null) throw new LadderError('validation', 'That passphrase does not open this backup. Try the one you used when the backup was made.', 'passphrase');
      return { key, keyFile: file };
    },

    writeKeyFile: (file: KeyFile) => writeKeyFile(keyFile, file),

    /** The database key while unlocked (for readers and copies of the encrypted archive); null when plain or locked. */
    databaseKey: () => control.key(),

    /** Where the archive's key file is, to keep a copy beside an encrypted copy of the archive. */
    keyFilePath: () => keyFile,

    /** The key an encrypted export is sealed with: the passphrase must be the archive's own. */
    async exportKey(passphrase: string | undefined) {
      const file = requireKeyFile();
      if (!passphrase) throw new LadderError('validation', 'Enter your passphrase: the export is encrypted with it.', 'passphrase');
      await keyFromPassphrase(file, passphrase, 'passphrase');
      return exportKeyFor(passphrase, cost);
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
