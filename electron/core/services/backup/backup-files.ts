import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Backup, BackupKind } from '../../../../shared/domain/backup';
import { makeFolder } from '../../make-folder';

/**
 * Backups are plain files named `<kind>-<timestamp>.sqlite3` in `<dataDir>/backups/`, so the
 * folder explains itself and the list survives a restart without any bookkeeping. The copy made
 * before a migration (db/open.ts) is named `pre-migration-v<N>-<timestamp>.sqlite3`.
 */

const namePattern = /^(daily|manual|pre-migration(?:-v\d+)?|before-restore|recovered|passphrase)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite3$/;

export const keepDaily = 7;
export const keepWeekly = 4;

/** An encrypted backup's key file, beside it: restoring it needs the passphrase it was made under. */
export function backupKeyFile(backupFile: string) {
  return `${backupFile}.key.json`;
}

export function timestampForFile(iso: string) {
  return iso.replace(/[:.]/g, '-');
}

export function backupFileName(kind: BackupKind, iso: string) {
  return `${kind}-${timestampForFile(iso)}.sqlite3`;
}

export function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const match = namePattern.exec(name);
  if (!match) return null;
  const [, rawKind = '', day, h, m, s, ms] = match;
  const kind: BackupKind = rawKind.startsWith('pre-migration') ? 'pre-migration' : (rawKind as BackupKind);
  return { kind, createdAt: `${day}T${h}:${m}:${s}.${ms}Z` };
}

/** Every backup in the folder, newest first; files that are not backups are ignored. */
export function listBackups(dir: string): Backup[] {
  if (!existsSync(dir)) return [];
  const backups: Backup[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    try {
      const file = path.join(dir, name);
      const stat = statSync(file);
      if (stat.isFile()) backups.push({ name, ...parsed, sizeBytes: stat.size, encrypted: existsSync(backupKeyFile(file)) });
    } catch {
      // Deleted while listing: not a backup any more.
    }
  }
  return backups.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** The Monday that starts the (UTC) week holding `iso`, as `YYYY-MM-DD`: the key for weekly copies. */
function weekOf(iso: string) {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

/**
 * Which daily and manual backups rotation removes: it keeps the newest copy of each of the 7
 * most recent days, and the newest copy of each of the 4 most recent weeks. Copies made before a
 * migration or before a restore are never removed automatically.
 */
export function backupsToRemove(backups: Backup[]): Backup[] {
  const rotated = backups.filter((b) => b.kind === 'daily' || b.kind === 'manual').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of rotated) {
    const day = backup.createdAt.slice(0, 10);
    if (!days.has(day) && days.size < keepDaily) {
      days.add(day);
      keep.add(backup.name);
    }
    const week = weekOf(backup.createdAt);
    if (!weeks.has(week) && weeks.size < keepWeekly) {
      weeks.add(week);
      keep.add(backup.name);
    }
  }
  return rotated.filter((b) => !keep.has(b.name));
}

/** The backups folder, made when missing (one folder at a time: see make-folder.ts). */
export function ensureDir(dir: string) {
  makeFolder(dir);
}
