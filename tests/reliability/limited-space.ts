import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';

/**
 * Room that runs out, for the disk-full trial. Preferred: a real tiny filesystem (a tmpfs mounted
 * with a size limit), so the kernel answers ENOSPC to every file SQLite writes — the archive, its
 * log, its index, a backup. Mounting needs root (CI may run without it); then SQLite's own
 * `PRAGMA max_page_count` stands in: the archive's connection gets SQLITE_FULL once the file would
 * grow past the limit, the same error and the same path through the core, but only for the archive
 * itself. `LADDER_DISK_FULL=page-count` forces the stand-in.
 */
export type SpaceKind = 'tmpfs' | 'max_page_count';

export interface LimitedSpace {
  kind: SpaceKind;
  /** The folder the archive lives in. */
  dir: string;
  /** Applies the limit to a freshly opened connection (only `max_page_count` needs this). */
  limit(sqlite: SqliteDatabase.Database): void;
  /** Frees room, as the person does by deleting files elsewhere. */
  grow(bytes: number): void;
  release(): void;
}

const pageSize = 4096;
let mountWorks: boolean | null = null;

function canMount() {
  if (process.env.LADDER_DISK_FULL === 'page-count') return false;
  if (mountWorks !== null) return mountWorks;
  mountWorks = false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(tmpdir(), 'ladder-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0700', 'ladder-disk-full', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    mountWorks = true;
  } catch {
    // No permission (a container without CAP_SYS_ADMIN, say): fall back.
  } finally {
    rmdirSync(probe);
  }
  return mountWorks;
}

/** What the trial will use on this machine, decided once. */
export function spaceKind(): SpaceKind {
  return canMount() ? 'tmpfs' : 'max_page_count';
}

/**
 * A folder holding a copy of `archive` (as `fileName`) with about `roomBytes` of room left beside it.
 * `fallbackDir` makes the folder when no filesystem can be mounted.
 */
export function limitedSpace(archive: string, fileName: string, roomBytes: number, fallbackDir: () => { dir: string; remove: () => void }): LimitedSpace {
  const archiveBytes = statSync(archive).size;
  if (spaceKind() === 'tmpfs') {
    const dir = mkdtempSync(path.join(tmpdir(), 'ladder-disk-full-'));
    let size = Math.ceil(archiveBytes / pageSize) * pageSize + roomBytes;
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil(size / 1024)}k,mode=0700`, 'ladder-disk-full', dir], { stdio: 'ignore' });
    let mounted = true;
    copyFileSync(archive, path.join(dir, fileName));
    return {
      kind: 'tmpfs',
      dir,
      limit: () => {},
      grow: (more) => {
        size += more;
        execFileSync('mount', ['-o', `remount,size=${Math.ceil(size / 1024)}k`, dir], { stdio: 'ignore' });
      },
      release: () => {
        if (mounted) {
          try {
            execFileSync('umount', [dir], { stdio: 'ignore' });
          } catch {
            // Still busy (a file left open by a failed run): detach now, the kernel frees it later.
            execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
          }
        }
        mounted = false;
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const scratch = fallbackDir();
  copyFileSync(archive, path.join(scratch.dir, fileName));
  let maxPages = Math.ceil((archiveBytes + roomBytes) / pageSize);
  let connection: SqliteDatabase.Database | null = null;
  return {
    kind: 'max_page_count',
    dir: scratch.dir,
    limit: (sqlite) => {
      connection = sqlite;
      // Never below what the file already holds (SQLite would clamp to it anyway).
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      sqlite.pragma(`max_page_count = ${Math.max(pages, maxPages)}`);
    },
    grow: (more) => {
      maxPages += Math.ceil(more / pageSize);
      if (connection?.open) connection.pragma(`max_page_count = ${maxPages}`);
    },
    release: scratch.remove,
  };
}
