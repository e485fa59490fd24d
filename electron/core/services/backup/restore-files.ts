import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The archive's companion files: SQLite's write-ahead log and its index. */
const companions = ['-wal', '-shm'];

/**
 * Moves the archive (and any log beside it) into `dir` under `name`. A move, never a copy over:
 * the file set aside is exactly the one that was in place, damaged or not.
 */
export function moveAside(file: string, dir: string, name: string): string {
  const target = path.join(dir, name);
  if (existsSync(target)) throw new Error(`Refusing to overwrite ${target}.`);
  if (existsSync(file)) renameSync(file, target);
  for (const suffix of companions) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/** Puts a copy of `source` where the archive lives, whole or not at all (copy, then rename). */
export function putCopyInPlace(source: string, file: string) {
  const partial = `${file}.restoring`;
  copyFileSync(source, partial);
  for (const suffix of companions) rmSync(file + suffix, { force: true });
  renameSync(partial, file);
}

/** Undoes `moveAside` after a restore that could not be opened. */
export function moveBack(aside: string, file: string) {
  rmSync(file, { force: true });
  for (const suffix of companions) rmSync(file + suffix, { force: true });
  if (existsSync(aside)) renameSync(aside, file);
  for (const suffix of companions) {
    if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix);
  }
}
