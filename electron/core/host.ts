import type { DamagedArchive, RestoreResult } from '../../shared/domain/backup';
import type { Clock } from './clock';
import type { BackupService } from './services/backup/backup-service';
import type { JobRunner } from './services/jobs/job-runner';
import type { PrivacyService } from './services/privacy/privacy-service';

/**
 * What the desktop shell can do that the core cannot (it never imports electron): show pickers.
 * The browser host leaves these out, and the UI falls back to a typed path.
 */
export interface Platform {
  pickFolder?(options: { title: string; defaultPath?: string }): Promise<string | null>;
  pickFile?(options: { title: string; extensions: string[]; defaultPath?: string }): Promise<string | null>;
  /** The system's secret store ("Remember on this device"); left out where there is none. */
  keyStore?: KeyStore;
}

/** Encrypts a little text with a key only this user on this device holds (Electron's safeStorage). */
export interface KeyStore {
  /** The store in use, e.g. `gnome_libsecret`, `kwallet`, `keychain`, `dpapi`, or `basic_text` (which protects nothing). */
  backend(): Promise<string>;
  encrypt(text: string): Promise<Buffer>;
  decrypt(data: Buffer): Promise<string>;
}

/** Core-level services that outlive one open archive (a restore swaps the archive under them). */
export interface CoreHost {
  dataDir: string;
  archiveFile: string;
  clock: Clock;
  version: string;
  platform: Platform;
  jobs: JobRunner;
  backups: BackupService;
  homeFolder: string;
  damaged(): DamagedArchive | null;
  /** `passphrase` opens a backup made under another key. */
  restore(name: string, passphrase?: string): Promise<RestoreResult>;
  undoRestore(): Promise<RestoreResult>;
  lastRestore(): RestoreResult['restored'] | null;
  logError(name: string, error: unknown): void;
  privacy: PrivacyService;
}
