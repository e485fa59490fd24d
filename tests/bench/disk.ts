import { readdirSync } from 'node:fs';
import path from 'node:path';
import { syncFile } from '../../electron/core/services/privacy/key-file';

export { syncFile };

/**
 * Writes every file of a freshly made or copied archive folder through to the disk before
 * anything is measured on it. Otherwise the first measured fsync (a save's commit, a checkpoint)
 * also flushes the hundreds of megabytes the copy or the generator left in the page cache: one
 * save then took 340 ms, its CPU 40 ms.
 */
export function syncFilesIn(folder: string) {
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) syncFile(path.join(entry.parentPath, entry.name));
  }
}
