import { z } from 'zod';

/** Building blocks shared by every request schema, so limits are the same everywhere. */

export const limits = {
  title: 200,
  name: 200,
  shortText: 2_000,
  body: 200_000,
  listSize: 500,
  pageSize: 200,
} as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const id = z.string().regex(uuidPattern, 'Not a valid id.');

/** A calendar day, `YYYY-MM-DD`, that really exists (no 31 February). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-26.')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'That day does not exist.');

export function text(max: number) {
  return z.string().max(max, `Keep this under ${max.toLocaleString('en')} characters.`);
}

export function requiredText(max: number) {
  return z.string().trim().min(1, 'This cannot be empty.').max(max, `Keep this under ${max.toLocaleString('en')} characters.`);
}

export const pageCursor = z.string().max(200);

/** Said when a path does not start at the top of the disk: in the words of the system it runs on. */
export const fullPathMessage =
  typeof process !== 'undefined' && process.platform === 'win32'
    ? 'Give the full path, starting with the drive (like C:\\Users\\you\\Documents), or with ~ for your home folder.'
    : 'Give the full path, starting with / (like /home/you/Documents), or with ~ for your home folder.';

/** A folder or file on this computer, as an absolute path. */
export const localPath = z
  .string()
  .trim()
  .min(1, 'Choose a folder or a file.')
  .max(4_000, 'That path is too long.')
  .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\') || value.startsWith('~'), {
    message: fullPathMessage,
  });
