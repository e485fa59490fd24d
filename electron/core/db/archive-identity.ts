import { randomInt } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';

/**
 * Which archive a write-ahead log belongs to. SQLite's log names no database: a log left beside
 * a file that is not its own (an archive put back by hand after a crash, another database's log)
 * is replayed into it and replaces its pages, records and all. So each archive carries a random
 * identity in its header (`user_version`, bytes 60–63, unused by Ladder otherwise), and a log whose
 * newest image of page 1 names another identity is set aside before the archive is opened.
 */

const identityOffset = 60;
const walMagic = [0x377f0682, 0x377f0683];

/** Gives an archive its identity once; never changed after, so its own log always agrees. */
export function ensureArchiveIdentity(sqlite: SqliteDatabase.Database) {
  if (sqlite.pragma('user_version', { simple: true }) === 0) sqlite.pragma(`user_version = ${randomInt(1, 2 ** 31 - 1)}`);
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/**
 * Why the log beside a plain (unencrypted) archive is not its own, or null when it is, may be, or
 * there is none. Only the frame headers and 4 bytes of each page-1 image are read.
 */
export function strayLogReason(file: string): string | null {
  let archive: number;
  let log: number;
  try {
    archive = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    log = openSync(`${file}-wal`, 'r');
  } catch {
    closeSync(archive);
    return null;
  }
  try {
    const header = readAt(archive, 100, 0);
    if (header.length < 100) return null;
    const identity = header.readInt32BE(identityOffset);
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
    // An archive without an identity yet (made before it existed) cannot be told apart.
    if (identity === 0) return null;

    const walHeader = readAt(log, 32, 0);
    if (walHeader.length < 32 || !walMagic.includes(walHeader.readUInt32BE(0))) return null;
    const logPageSize = walHeader.readUInt32BE(8);
    if (logPageSize !== pageSize) return `its pages are ${logPageSize} bytes, the archive's ${pageSize}`;
    const salts = walHeader.subarray(16, 24);
    const frameSize = 24 + logPageSize;
    const size = fstatSync(log).size;
    let named: number | null = null;
    for (let at = 32; at + frameSize <= size; at += frameSize) {
      const frame = readAt(log, 24, at);
      // Frames from an earlier round of the log carry old salts and are not replayed.
      if (!frame.subarray(8, 16).equals(salts)) break;
      if (frame.readUInt32BE(0) === 1) named = readAt(log, 4, at + 24 + identityOffset).readInt32BE(0);
    }
    if (named !== null && named !== identity) return 'it was written for another archive';
    return null;
  } finally {
    closeSync(archive);
    closeSync(log);
  }
}
