/**
 * The child process of the crash trial (`crash.ts`). It loads the real core, says `loaded`, waits
 * for one job line on stdin, opens the archive with `createCore` and writes records through
 * `core.handle` until it is killed. A line on stdout acknowledges a commit, and is printed only
 * after the envelope came back ok: exactly what the UI would show as "saved".
 *
 * Started by `node tests/reliability/crash-writer-start.mjs`, which runs this file under tsx in the
 * same process (also fine: `node --import tsx crash-writer.ts`). Not through the `tsx` command:
 * that one runs the script in a second process, and a SIGKILL would only reach the first.
 */
import { createCore } from '../../electron/core';
import { type Random, prose, seededRandom } from './random';
import { recordText } from './records';

export interface WriterJob {
  dataDir: string;
  seed: number;
  /** The number of the first record this writer creates; numbers never repeat in an archive. */
  firstNumber: number;
  /** Records already in the archive that this writer may update, with the version each holds. */
  updatable: { id: string; number: number; version: number }[];
}

/** Lines the writer prints, one per event. */
export const writerSays = {
  loaded: 'loaded',
  open: 'open',
  created: (number: number, id: string) => `c ${number} ${id}`,
  updated: (number: number, version: number) => `u ${number} ${version}`,
  failed: (detail: string) => `fail ${detail}`,
};

function say(line: string) {
  // stdout is a pipe, and Node writes to pipes synchronously on Linux and macOS: once this
  // returns, the parent can read the line even if the process dies on the next instruction.
  process.stdout.write(`${line}\n`);
}

function bodyLength(random: Random) {
  const roll = random.next();
  if (roll < 0.85) return random.int(20, 1_500);
  if (roll < 0.97) return random.int(1_500, 12_000);
  // A few long entries fill the write-ahead log quickly, so kills also land during checkpoints.
  return random.int(20_000, 150_000);
}

function day(random: Random) {
  return `2026-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

async function readJob(): Promise<WriterJob> {
  let buffered = '';
  for await (const chunk of process.stdin) {
    buffered += String(chunk);
    const end = buffered.indexOf('\n');
    if (end >= 0) return JSON.parse(buffered.slice(0, end)) as WriterJob;
  }
  throw new Error('stdin closed before a job arrived');
}

async function main() {
  say(writerSays.loaded);
  const job = await readJob();
  const random = seededRandom(job.seed);
  const core = await createCore({ dataDir: job.dataDir, version: 'crash-writer', logError: () => {} });
  say(writerSays.open);

  const updatable = job.updatable.map((r) => ({ ...r }));
  let number = job.firstNumber;
  // Ends only by SIGKILL; the cap keeps a forgotten writer from filling the disk.
  for (let writes = 0; writes < 200_000; writes += 1) {
    const target = updatable.length > 0 && random.chance(0.35) ? random.pick(updatable) : null;
    if (target) {
      const text = recordText(target.number, target.version + 1, prose(random, bodyLength(random)));
      const result = await core.handle('journal.update', { id: target.id, ...text });
      if (!result.ok) return say(writerSays.failed(JSON.stringify(result.error)));
      target.version += 1;
      say(writerSays.updated(target.number, target.version));
    } else {
      const text = recordText(number, 1, prose(random, bodyLength(random)));
      const result = await core.handle('journal.create', { ...text, entryDate: day(random) });
      if (!result.ok) return say(writerSays.failed(JSON.stringify(result.error)));
      const { id } = result.data as { id: string };
      say(writerSays.created(number, id));
      updatable.push({ id, number, version: 1 });
      if (updatable.length > 64) updatable.splice(random.int(0, updatable.length - 1), 1);
      number += 1;
    }
  }
  await core.close();
}

main().catch((error: unknown) => {
  say(writerSays.failed(error instanceof Error ? error.message : String(error)));
  process.exitCode = 3;
});
