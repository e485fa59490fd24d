import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../electron/core';
import { prose, type Random } from './random';
import { readRecord, recordText } from './records';

/**
 * An archive whose every record is known: the damaged-file trial and the backup drill write
 * CRC-carrying records (records.ts) through the core, then hold the file (or a restored backup)
 * to exactly that set.
 */
export interface SavedRecord {
  id: string;
  version: number;
}

export type RecordSet = Map<number, SavedRecord>;

function bodyLength(random: Random) {
  // Mostly short entries, a few long enough to spill onto overflow pages.
  return random.chance(0.85) ? random.int(50, 1_500) : random.int(4_000, 20_000);
}

/** Writes `count` new records (numbered from `first`) and edits a few old ones; all go into `saved`. */
export async function writeRecords(core: Core, random: Random, saved: RecordSet, first: number, count: number) {
  for (let number = first; number < first + count; number += 1) {
    const text = recordText(number, 1, prose(random, bodyLength(random)));
    const result = await core.handle('journal.create', { ...text, entryDate: `2026-${String(1 + (number % 12)).padStart(2, '0')}-14` });
    if (!result.ok) throw new Error(`writing record ${number} failed: ${result.error.message}`);
    saved.set(number, { id: (result.data as { id: string }).id, version: 1 });
    if (saved.size > 3 && random.chance(0.2)) {
      const [old, record] = random.pick([...saved]);
      const next = recordText(old, record.version + 1, prose(random, bodyLength(random)));
      const edited = await core.handle('journal.update', { id: record.id, ...next });
      if (!edited.ok) throw new Error(`editing record ${old} failed: ${edited.error.message}`);
      saved.set(old, { id: record.id, version: record.version + 1 });
    }
  }
}

/** Every live entry of a file, by record number; entries that are not whole records are listed apart. */
export function recordsIn(sqlite: SqliteDatabase.Database) {
  const rows = sqlite.prepare('SELECT id, title, body FROM entry WHERE deleted_at IS NULL').all() as { id: string; title: string; body: string }[];
  const stored: RecordSet = new Map();
  const torn: string[] = [];
  for (const row of rows) {
    const record = readRecord(row.title, row.body);
    if ('problem' in record) torn.push(`${row.id}: ${record.problem}`);
    else stored.set(record.number, { id: row.id, version: record.version });
  }
  return { stored, torn };
}

/**
 * Holds `stored` to `expected` exactly: every expected record in its version, nothing torn, and
 * (with `exact`) nothing else. Returns problems and how many expected records are gone or changed.
 */
export function compareRecords(stored: RecordSet, torn: string[], expected: RecordSet, exact: boolean) {
  const problems = torn.map((t) => `torn record ${t}`);
  let lost = 0;
  for (const [number, want] of expected) {
    const found = stored.get(number);
    if (!found || found.id !== want.id || found.version !== want.version) {
      lost += 1;
      if (problems.length < 5) problems.push(`record ${number} v${want.version} is ${found ? `v${found.version} (id ${found.id})` : 'missing'}`);
    }
  }
  if (exact) {
    const extra = [...stored.keys()].filter((number) => !expected.has(number));
    if (extra.length > 0) problems.push(`${extra.length} records that should not be there (${extra.slice(0, 3).join(', ')})`);
  }
  return { problems, lost };
}

/** The bytes and modification time of a file: both must stay as they were when it must not be touched. */
export function fingerprint(file: string) {
  try {
    const stat = statSync(file);
    return `${createHash('sha256').update(readFileSync(file)).digest('hex')} ${stat.mtimeMs} ${stat.size}`;
  } catch {
    return 'absent';
  }
}
