import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../../../shared/contract';
import type { JobStatus } from '../../../../shared/domain/jobs';
import type { ImportSummary, ImportTableSummary } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import type { Archive } from '../../db/open';
import type { CoreHost } from '../../host';
import { newId } from '../../ids';
import type { JobContext } from '../jobs/job-runner';
import { columnsOf, dataTables, foreignKeyOrder, fromJsonValue, keyColumns, quoteName } from './archive-tables';
import { type EntryDraft, parseJsonFile, readDayOne, readLadderArchive, readLadderExport, readMarkdownFolder, type Row } from './import-sources';
import { decryptExport, isEncryptedExport, looksEncryptedExport } from '../privacy/encrypted-export';
import { resolveUserPath } from './paths';

/**
 * Import in three steps: read and check everything (nothing written), sort each row into new,
 * updated or kept, and, unless it is a dry run, write it all in ONE transaction. A cancel or any
 * error rolls that transaction back, so an import is whole or not at all.
 */

interface TablePlan {
  table: string;
  keys: string[];
  inserts: Row[];
  updates: Row[];
  /** For error messages: where each row came from. */
  origin: (row: Row) => string;
}

type Plan = Map<string, TablePlan>;

export function startImport(archive: Archive, host: CoreHost, input: ParsedInput<'transfer.importStart'>): JobStatus {
  const source = resolveUserPath(input.path, host.homeFolder, 'path');
  if (host.jobs.running()) throw new LadderError('conflict', 'Another export or import is still running; wait for it, or cancel it first.');
  if (input.format === 'ladder-json' && !input.passphrase && looksEncryptedExport(source)) {
    throw new LadderError('validation', 'This export is encrypted. Enter the passphrase of the archive it came from.', 'passphrase');
  }
  return host.jobs.start('import', 'Reading', async (ctx) => {
    const plan = new Map() as Plan;
    const summary: ImportSummary = { format: input.format, source, dryRun: input.dryRun, tables: {} };
    if (input.format === 'ladder-json') {
      // Our own export's layout is read a row at a time; anything else is read whole, as before.
      let tables = await readLadderExport(source, ctx);
      if (!tables) {
        const data = parseJsonFile(source);
        // An encrypted export is opened in memory only; its plain text never touches the disk.
        const plain = isEncryptedExport(data) ? (JSON.parse(await decryptExport(data, input.passphrase)) as unknown) : data;
        tables = readLadderArchive(source, plain);
      }
      await planArchive(archive.sqlite, tables, plan, summary, ctx);
    }
    else {
      const drafts = input.format === 'markdown-folder' ? await readMarkdownFolder(source, ctx) : await readDayOne(source, ctx);
      await planEntries(archive.sqlite, drafts, host.clock.now(), plan, summary, ctx);
    }
    if (!input.dryRun) await write(archive, plan, ctx);
    return { kind: 'import', import: summary };
  });
}

function tally(summary: ImportSummary, table: string): ImportTableSummary {
  summary.tables[table] ??= { new: 0, updated: 0, kept: 0 };
  return summary.tables[table];
}

function planFor(plan: Plan, table: string, keys: string[], origin: (row: Row) => string): TablePlan {
  let entry = plan.get(table);
  if (!entry) {
    entry = { table, keys, inserts: [], updates: [], origin };
    plan.set(table, entry);
  }
  return entry;
}

/** A Ladder export: each row checked against this archive's tables, then merged by id, newer wins. */
async function planArchive(sqlite: SqliteDatabase.Database, tables: Record<string, Row[]>, plan: Plan, summary: ImportSummary, ctx: JobContext) {
  const known = new Set(dataTables(sqlite));
  const total = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
  ctx.progress(0, total, 'Comparing with your archive');
  let done = 0;
  for (const [table, rows] of Object.entries(tables)) {
    if (!known.has(table)) {
      throw new LadderError('validation', `tables.${table}: this archive has no "${table}" records. The export may come from a newer Ladder.`, 'path');
    }
    const columns = columnsOf(sqlite, table);
    const names = new Set(columns.map((c) => c.name));
    const keys = keyColumns(columns);
    const required = columns.filter((c) => c.notNull && !c.hasDefault && c.pk === 0).map((c) => c.name);
    const hasUpdatedAt = names.has('updated_at');
    const existing = sqlite.prepare(
      `SELECT ${hasUpdatedAt ? 'updated_at' : '1'} AS updated_at FROM ${quoteName(table)} WHERE ${keys.map((k) => `${quoteName(k)} = ?`).join(' AND ')}`,
    );
    const counts = tally(summary, table);
    const at = (index: number) => `tables.${table}[${index}]`;
    const target = planFor(plan, table, keys, (row) => at(rows.indexOf(row)));
    for (const [index, raw] of rows.entries()) {
      const row: Row = {};
      for (const [column, value] of Object.entries(raw)) {
        if (!names.has(column)) throw new LadderError('validation', `${at(index)}.${column}: "${table}" has no such column in this archive.`, 'path');
        const plain = fromJsonValue(value);
        if (!(plain === null || typeof plain === 'string' || typeof plain === 'number' || Buffer.isBuffer(plain))) {
          throw new LadderError('validation', `${at(index)}.${column} should be text, a number or null.`, 'path');
        }
        row[column] = plain;
      }
      for (const column of [...keys, ...required]) {
        if (row[column] === undefined || row[column] === null) throw new LadderError('validation', `${at(index)}.${column} is missing.`, 'path');
      }
      const current = existing.get(...keys.map((k) => row[k])) as { updated_at: unknown } | undefined;
      if (!current) {
        target.inserts.push(row);
        counts.new += 1;
      } else if (hasUpdatedAt && typeof row.updated_at === 'string' && typeof current.updated_at === 'string' && row.updated_at > current.updated_at) {
        target.updates.push(row);
        counts.updated += 1;
      } else counts.kept += 1;
      ctx.progress(++done);
      await ctx.tick();
    }
  }
}

/** Notes or Day One entries: each becomes an entry unless the same one is already here; tags come along. */
async function planEntries(sqlite: SqliteDatabase.Database, drafts: EntryDraft[], now: string, plan: Plan, summary: ImportSummary, ctx: JobContext) {
  const tables = new Set(dataTables(sqlite));
  const withTags = tables.has('tag') && tables.has('entry_tag');
  const same = sqlite.prepare('SELECT 1 FROM entry WHERE entry_date = ? AND title = ? AND body = ? AND deleted_at IS NULL');
  const tagByName = withTags ? sqlite.prepare('SELECT id FROM tag WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL') : null;
  const entries = planFor(plan, 'entry', ['id'], (row) => (typeof row.origin === 'string' ? row.origin : 'an entry'));
  const tagPlan = withTags ? planFor(plan, 'tag', ['id'], () => 'a tag') : null;
  const links = withTags ? planFor(plan, 'entry_tag', ['entry_id', 'tag_id'], () => 'a tag on an entry') : null;
  const newTags = new Map<string, string>();
  const seen = new Set<string>();
  ctx.progress(0, drafts.length, 'Comparing with your archive');
  for (const [index, draft] of drafts.entries()) {
    // Without tags in this archive, they stay with the words instead of being lost.
    const body = withTags || draft.tags.length === 0 ? draft.body : `${draft.body}\n\nTags: ${draft.tags.map((t) => `#${t}`).join(' ')}`;
    const identity = JSON.stringify([draft.entryDate, draft.title, body]);
    if (seen.has(identity) || same.get(draft.entryDate, draft.title, body)) {
      tally(summary, 'entry').kept += 1;
    } else {
      seen.add(identity);
      const id = newId();
      entries.inserts.push({
        id,
        title: draft.title,
        body,
        entry_date: draft.entryDate,
        created_at: draft.createdAt ?? now,
        updated_at: draft.updatedAt ?? now,
        deleted_at: null,
        origin: draft.origin,
      });
      tally(summary, 'entry').new += 1;
      if (withTags && tagPlan && links && tagByName) {
        const unique = [...new Map(draft.tags.map((t) => [t.toLowerCase(), t])).values()];
        unique.forEach((name, position) => {
          const key = name.toLowerCase();
          let tagId = newTags.get(key) ?? (tagByName.get(name) as { id: string } | undefined)?.id;
          if (!tagId) {
            tagId = newId();
            newTags.set(key, tagId);
            tagPlan.inserts.push({ id: tagId, name, created_at: now, updated_at: now, deleted_at: null });
            tally(summary, 'tag').new += 1;
          }
          links.inserts.push({ entry_id: id, tag_id: tagId, position, created_at: now, updated_at: now, deleted_at: null });
          tally(summary, 'entry_tag').new += 1;
        });
      }
    }
    ctx.progress(index + 1);
    await ctx.tick();
  }
}

/** Everything in one transaction, tables in foreign-key order; held across slices so others wait. */
async function write(archive: Archive, plan: Plan, ctx: JobContext) {
  const { sqlite } = archive;
  const order = foreignKeyOrder(sqlite, [...plan.keys()]);
  const total = [...plan.values()].reduce((sum, p) => sum + p.inserts.length + p.updates.length, 0);
  let done = 0;
  ctx.progress(0, total, 'Writing');
  // One prepared statement per table and set of columns, not per row.
  const statements = new Map<string, SqliteDatabase.Statement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) statements.set(sql, (prepared = sqlite.prepare(sql)));
    return prepared;
  };
  // Kysely's transaction holds the one connection: other requests queue until it commits or rolls back.
  await archive.db.transaction().execute(async () => {
    sqlite.pragma('defer_foreign_keys = ON');
    for (const table of order) {
      const step = plan.get(table);
      if (!step) continue;
      const names = new Set(columnsOf(sqlite, table).map((c) => c.name));
      for (const [kindOfWrite, rows] of [
        ['insert', step.inserts],
        ['update', step.updates],
      ] as const) {
        for (const row of rows) {
          const columns = Object.keys(row).filter((c) => names.has(c));
          try {
            if (kindOfWrite === 'insert') {
              statement(`INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
                .run(...columns.map((c) => row[c]));
            } else {
              const sets = columns.filter((c) => !step.keys.includes(c));
              statement(`UPDATE ${quoteName(table)} SET ${sets.map((c) => `${quoteName(c)} = ?`).join(', ')} WHERE ${step.keys.map((k) => `${quoteName(k)} = ?`).join(' AND ')}`)
                .run(...sets.map((c) => row[c]), ...step.keys.map((k) => row[k]));
            }
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            throw new LadderError('validation', `${step.origin(row)} could not be imported (${reason}). Nothing was imported.`, 'path');
          }
          ctx.progress(++done);
          await ctx.tick();
        }
      }
    }
    // Deferred foreign keys are checked here, before the commit, for the tables written.
    for (const table of order) {
      const broken = sqlite.pragma(`foreign_key_check(${quoteName(table)})`) as { table: string }[];
      if (broken.length > 0) {
        throw new LadderError('validation', `The import refers to records that are in neither it nor your archive (in "${table}"). Nothing was imported.`, 'path');
      }
    }
  });
}
