import { z } from 'zod';
import { read, write } from './define';

/** Said when a path does not start at the top of the disk: in the words of the system it runs on. */
export const fullPathMessage =
  typeof process !== 'undefined' && process.platform === 'win32'
    ? 'Give the full path, starting with the drive (like C:\\Users\\you\\Documents), or with ~ for your home folder.'
    : 'Give the full path, starting with / (like /home/you/Documents), or with ~ for your home folder.';

/** A folder or file on this computer, as an absolute path. */
const localPath = z
  .string()
  .trim()
  .min(1, 'Choose a folder or a file.')
  .max(4_000, 'That path is too long.')
  .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\') || value.startsWith('~'), {
    message: fullPathMessage,
  });

export const transferContract = {
  /** Starts an export job: a new folder inside `folder` with Markdown files and one JSON file. Reads only. */
  'transfer.exportStart': read(
    z.strictObject({
      folder: localPath,
      /** An encrypted archive exports encrypted JSON only, sealed with `passphrase`; `plain` asks for readable files instead. */
      plain: z.boolean().optional(),
      passphrase: z.string().max(1_024).optional(),
    }),
  ).returns<{ jobId: string }>(),

  /** Starts an import job. With `dryRun` it only counts what would change; nothing is written. */
  'transfer.importStart': write(
    z.strictObject({
      format: z.enum(['ladder-json', 'markdown-folder', 'day-one-json']),
      path: localPath,
      dryRun: z.boolean(),
      /** Opens an encrypted Ladder export. */
      passphrase: z.string().max(1_024).optional(),
    }),
  ).returns<{ jobId: string }>(),

  /** Asks the desktop app to show a folder picker; null when cancelled or when there is no picker. */
  'transfer.pickFolder': read(z.strictObject({ title: z.string().max(200) })).returns<{ path: string | null }>(),

  'transfer.pickFile': read(
    z.strictObject({ title: z.string().max(200), extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(10) }),
  ).returns<{ path: string | null }>(),
};
