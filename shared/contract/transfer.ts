import { z } from 'zod';
import { read, write } from './define';
import { localPath } from './fields';

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
