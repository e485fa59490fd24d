/**
 * Run as a child process by tests/unit/make-folder.test.ts, never imported by a test: it asks a
 * real core to make a folder where, done the unsafe way, Node never returns (under /proc, Node 22
 * spins forever in `mkdirSync(…, { recursive: true })`). The test kills it after a timeout, so
 * a hang fails that test instead of freezing the run.
 *
 *   node --import tsx tests/support/folder-attempt.ts <dataDir> <folder>
 *
 * Prints one JSON line: what the helper, an export, a crew's prep save and opening an archive
 * there answered, and whether the core still answered a request afterwards.
 */
import path from 'node:path';
import { createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { makeFolder } from '../../electron/core/make-folder';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import { LadderError } from '../../shared/errors';
import type { TestCore } from './core';
import { crewOfFour } from '../unit/crews-fixtures';

const [dataDir, folder] = process.argv.slice(2);
if (!dataDir || !folder) throw new Error('usage: folder-attempt.ts <dataDir> <folder>');

const errorOf = (error: unknown) => (error instanceof LadderError ? error.toValue() : { code: 'thrown', message: String(error) });

let helper: unknown;
try {
  helper = { ok: true, made: makeFolder(folder, { field: 'folder' }) };
} catch (error) {
  helper = { ok: false, error: errorOf(error) };
}

const core = await createCore({ dataDir, clock: fixedClock('2026-11-26T09:00:00.000Z'), version: 'test', automaticBackups: false });
const call = async <N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestResult<N>> => {
  const answer = await core.handle(name, input);
  if (!answer.ok) throw new Error(`${name} failed: ${JSON.stringify(answer.error)}`);
  return answer.data as RequestResult<N>;
};
const exported = await core.handle('transfer.exportStart', { folder });
const { crew } = await crewOfFour({ call } as unknown as TestCore);
const prep = await core.handle('crews.savePrepMarkdown', { id: crew.id, today: '2026-09-02', folder });
// Every later request still gets its answer.
const after = await core.handle('journal.create', { title: 'Still here', entryDate: '2026-11-26' });
await core.close();

let opened: unknown;
try {
  const elsewhere = await createCore({ dataDir: path.join(folder, 'data'), version: 'test', automaticBackups: false });
  await elsewhere.close();
  opened = { ok: true };
} catch (error) {
  opened = { ok: false, error: errorOf(error) };
}

process.stdout.write(`${JSON.stringify({ helper, exported, prep, opened, after: after.ok })}\n`);
process.exit(0);
