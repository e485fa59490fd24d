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

/**
 * A calendar day, `YYYY-MM-DD`, that really exists (no 31 February), in any year. Alone only for
 * the ends of a filter: a far-off bound there finds nothing rather than refusing a half-typed
 * year. Days that are stored use `dateOf` / `isoDate`.
 */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-26.')
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, 'That day does not exist.');

/** The years a day may fall in: a typo in the year (2999, 0202) is caught, not kept forever on top of a list. */
export const dateYears = { first: 1900, last: 2100 } as const;

const inYears = (value: string) => value >= `${dateYears.first}-01-01` && value <= `${dateYears.last}-12-31`;

/**
 * A day that means something, said in the error: `dateOf('A check-in’s date')` refuses 2999-12-31
 * with "A check-in’s date must fall between 1900 and 2100: is the year right?".
 */
export function dateOf(meaning: string) {
  return calendarDay.refine(inYears, `${meaning} must fall between ${dateYears.first} and ${dateYears.last}: is the year right?`);
}

/** A calendar day between 1900 and 2100 (`dateOf` names what the day means in its error). */
export const isoDate = dateOf('A date');

/** A day that has already come, from 1900 (a birthday): the core checks "not after today" with its clock. */
export function pastDayOf(meaning: string) {
  const message = `${meaning} must fall between ${dateYears.first} and today: is the year right?`;
  return { schema: calendarDay.refine((value) => value >= `${dateYears.first}-01-01`, message), message };
}

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
