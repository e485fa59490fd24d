import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';

/**
 * How an encrypted archive is opened: SQLCipher 4's format (through better-sqlite3-multiple-ciphers)
 * with a raw 256-bit key, so opening costs no key derivation: the slow part (scrypt) happens once,
 * when the passphrase unwraps the key. A leaf module: db/open.ts and db/health.ts use it too.
 */
export const cipherSettings = { name: 'sqlcipher', legacy: 4 } as const;

const keyPattern = /^[0-9a-f]{64}$/;

/** The database key, as 64 lower-case hex digits (the only shape ever put into a pragma). */
export function isDatabaseKey(key: string) {
  return keyPattern.test(key);
}

/** Keys a fresh connection; must run before anything reads the file. `''` leaves the file plain. */
export function applyKey(sqlite: SqliteDatabase.Database, key: string) {
  if (!isDatabaseKey(key)) throw new Error('Not a database key.');
  sqlite.pragma(`cipher='${cipherSettings.name}'`);
  sqlite.pragma(`legacy=${cipherSettings.legacy}`);
  sqlite.pragma(`key="x'${key}'"`);
}

/** Re-encrypts (or with null, decrypts) the file of an open connection. The caller owns the file. */
export function rekey(sqlite: SqliteDatabase.Database, key: string | null) {
  // Rekeying is not supported in WAL mode; these working copies are never in WAL.
  sqlite.pragma('journal_mode = DELETE');
  if (key === null) {
    sqlite.pragma("rekey=''");
    return;
  }
  if (!isDatabaseKey(key)) throw new Error('Not a database key.');
  sqlite.pragma(`cipher='${cipherSettings.name}'`);
  sqlite.pragma(`legacy=${cipherSettings.legacy}`);
  sqlite.pragma(`rekey="x'${key}'"`);
}

const sqliteMagic = 'SQLite format 3\0';

/** True when the file starts like a plain SQLite database; an encrypted one starts with random bytes. */
export function hasSqliteHeader(file: string): boolean {
  try {
    if (statSync(file).size < 16) return false;
    const header = Buffer.alloc(16);
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return header.toString('latin1') === sqliteMagic;
  } catch {
    return false;
  }
}
