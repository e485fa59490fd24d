import { accessSync, constants, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LadderError } from '../../shared/errors';

/*
 * Making folders, safely. `mkdirSync(folder, { recursive: true })` is not safe on a path someone
 * typed: on Node 22 it spins at full CPU forever, inside one native call, on a path under /proc
 * (`/proc/nope`), and the whole core with it. So no folder in the core is made recursively:
 * `makeFolder` walks up to the nearest folder that is there, checks that it is a folder Ladder may
 * write in, and makes the missing ones one at a time. Any failure is a LadderError naming the
 * folder, and the folders it had made by then are removed again.
 */

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Why a folder could not be made in `where`, in words. */
function reasonFor(code: string | undefined, where: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `you are not allowed to make folders in ${where}`;
    case 'EROFS':
      return `${where} is on a disk that cannot be written to`;
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ENOENT':
      // A folder that is there but takes no new folders, as /proc does.
      return `the system does not allow new folders in ${where}`;
    default:
      return code === undefined ? `the system did not allow it in ${where}` : `the system did not allow it in ${where} (${code})`;
  }
}

function cannotMake(folder: string, reason: string, field: string | undefined, code?: string) {
  return new LadderError(code === 'ENOSPC' ? 'disk_full' : 'validation', `Ladder can't create a folder at ${folder}: ${reason}.`, field);
}

function isFolder(at: string) {
  try {
    return statSync(at).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Makes `folder` and any missing folders above it; does nothing when it is already a folder.
 * Returns whether it made anything. `field` is the request's input field the path came from, so
 * the error shows beside it; left out for folders Ladder chose itself (its backups).
 */
export function makeFolder(folder: string, options: { field?: string } = {}): boolean {
  const { field } = options;
  const target = path.resolve(folder);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    let stat;
    try {
      stat = statSync(at);
    } catch (error) {
      const code = errorCode(error);
      // ENOTDIR: a file stands somewhere above; walking on up finds it and says so.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw cannotMake(target, reasonFor(code, path.dirname(at)), field, code);
      const parent = path.dirname(at);
      if (parent === at) throw cannotMake(target, `${at} is not there`, field);
      missing.unshift(at);
      at = parent;
      continue;
    }
    if (!stat.isDirectory()) {
      throw cannotMake(target, at === target ? 'there is a file with that name there' : `${at} is a file, not a folder`, field);
    }
    break;
  }
  if (missing.length === 0) return false;
  try {
    accessSync(at, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw cannotMake(target, reasonFor(errorCode(error) ?? 'EACCES', at), field);
  }
  const made: string[] = [];
  for (const next of missing) {
    try {
      // Never `recursive`: one folder at a time (see above).
      mkdirSync(next);
      made.push(next);
    } catch (error) {
      const code = errorCode(error);
      // Made meanwhile by someone else: as good.
      if (code === 'EEXIST' && isFolder(next)) continue;
      // Nothing half made: the folders made so far go again (they are empty).
      for (const done of made.reverse()) {
        try {
          rmdirSync(done);
        } catch {
          // Left behind empty; harmless.
        }
      }
      throw cannotMake(target, reasonFor(code, path.dirname(next)), field, code);
    }
  }
  return true;
}
