import path from 'node:path';
import { fullPathMessage } from '../../../../shared/contract/fields';
import { LadderError } from '../../../../shared/errors';

/** A path typed by the person: `~` means their home folder; it must be absolute after that. */
export function resolveUserPath(input: string, home: string, field: string) {
  const expanded = input === '~' ? home : input.startsWith('~/') || input.startsWith('~\\') ? path.join(home, input.slice(2)) : input;
  if (!path.isAbsolute(expanded)) {
    throw new LadderError('validation', fullPathMessage, field);
  }
  return path.normalize(expanded);
}

/** A file name that is safe on every system: no separators, no control or reserved characters. */
export function safeFileName(name: string, max = 80) {
  const cleaned = name
    .replace(/[\\/:*?"<>|]|\p{Cc}/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, max)
    .trim();
  return cleaned === '' ? 'Untitled' : cleaned;
}
