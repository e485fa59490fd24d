import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const tmpfsMagic = 0x01021994;

/**
 * Where a trial keeps its archives. A process crash loses nothing the kernel already holds, so a
 * RAM-backed tmpfs (/dev/shm) tests crashes, hostile requests and long use exactly as a disk does,
 * without waiting on fsync, which other work on a shared machine makes slow and uneven. Falls back
 * to the system temp folder when there is no tmpfs with room; `LADDER_TORTURE_DIR` picks a folder
 * (a real disk, say) instead.
 */
export function scratchDir(prefix: string, bytesNeeded: number) {
  const root = process.env.LADDER_TORTURE_DIR ?? (tmpfsWithRoom('/dev/shm', bytesNeeded) ? '/dev/shm' : tmpdir());
  const dir = mkdtempSync(path.join(root, prefix));
  return { dir, root, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function tmpfsWithRoom(folder: string, bytesNeeded: number) {
  try {
    const stats = statfsSync(folder);
    // Keep at least as much again free, so a trial never fills the machine's memory.
    return stats.type === tmpfsMagic && stats.bavail * stats.bsize > 2 * bytesNeeded;
  } catch {
    return false;
  }
}
