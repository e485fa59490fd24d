import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { draftValueMax } from '../../shared/contract/drafts';
import { archivePath } from '../../electron/core';
import { migrations } from '../../electron/core/db/migrations';
import { draftsKept } from '../../electron/core/services/drafts/drafts-service';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { finish } from '../support/transfer';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-drafts-');
  temps.push(temp.remove);
  return temp.dir;
}

const meeting = (notes: string) => JSON.stringify({ notes, came: ['a', 'b'], actions: [{ key: 1, text: 'Send notes' }] });

/** A draft row written straight into the file, as an earlier session (or another archive) left it. */
function insertDraft(test: TestCore, row: { id: string; key: string; value: string; updatedAt: string }) {
  test.core.archive.sqlite
    .prepare('INSERT INTO draft (id, key, value, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, NULL)')
    .run(row.id, row.key, row.value, row.updatedAt, row.updatedAt);
}

/** A file migrated up to (not including) 0023, as the Ladder before drafts left it, with one entry. */
async function archiveBeforeDrafts(dataDir: string) {
  const names = Object.keys(migrations);
  const previous = names[names.indexOf('0023-drafts') - 1] ?? '';
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(archivePath(dataDir)) }) });
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error } = await migrator.migrateTo(previous);
  if (error) throw new Error('Setting up the older archive failed.', { cause: error });
  await db.destroy();
  const raw = new SqliteDatabase(archivePath(dataDir));
  raw
    .prepare("INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES ('019a0000-0000-7000-8000-000000000001', 'Before drafts', 'kept words', '2026-01-02', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z')")
    .run();
  raw.close();
}

function markNewer(dataDir: string) {
  const raw = new SqliteDatabase(archivePath(dataDir));
  raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-ladder', '2030-01-01')").run();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('drafts', () => {
  it('keeps, lists and discards a form’s words by its key; keeping again writes over the same draft', async () => {
    const test = await openTestCore();
    expect(await test.call('drafts.list', {})).toEqual([]);

    await test.call('drafts.keep', { key: 'crews:019a:new-meeting', value: meeting('Half a') });
    await test.call('drafts.keep', { key: 'quick-capture', value: JSON.stringify({ line: 'Restless', partIds: [], selfEnergy: null }) });
    const kept = await test.call('drafts.keep', { key: 'crews:019a:new-meeting', value: meeting('Half a thought') });
    expect(kept.key).toBe('crews:019a:new-meeting');

    const list = await test.call('drafts.list', {});
    // Newest first; one draft per key, holding the latest words.
    expect(list.map((d) => d.key)).toEqual(['crews:019a:new-meeting', 'quick-capture']);
    expect(JSON.parse(list[0]?.value ?? '') as unknown).toMatchObject({ notes: 'Half a thought' });
    expect(list[0]?.updatedAt).toBe(kept.updatedAt);
    const rows = await test.core.archive.db.selectFrom('draft').selectAll().execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown, deleted_at: null });

    await test.call('drafts.discard', { key: 'crews:019a:new-meeting' });
    expect((await test.call('drafts.list', {})).map((d) => d.key)).toEqual(['quick-capture']);
    // Gone for real: a discarded draft leaves no words behind in the file.
    expect(await test.core.archive.db.selectFrom('draft').select('key').execute()).toEqual([{ key: 'quick-capture' }]);
    // Discarding what is not there is fine (a form cleared twice, or never kept).
    expect(await test.call('drafts.discard', { key: 'crews:019a:new-meeting' })).toEqual({ key: 'crews:019a:new-meeting' });
  });

  it('refuses a draft that is too long, or not JSON, or has a strange key, naming the field and writing nothing', async () => {
    const test = await openTestCore();
    const tooLong = JSON.stringify({ notes: 'x'.repeat(draftValueMax) });
    expect(await test.send('drafts.keep', { key: 'quick-capture', value: tooLong })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'value', message: expect.stringMatching(/too long to keep \(over 400,000 characters\)/) as unknown },
    });
    expect(await test.send('drafts.keep', { key: 'quick-capture', value: '{"line": "unfinished' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'value', message: 'A draft is kept as JSON text, and this is not JSON.' },
    });
    expect(await test.send('drafts.keep', { key: 'has spaces', value: '{}' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'key' } });
    expect(await test.send('drafts.keep', { key: '', value: '{}' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'key' } });
    expect(await test.call('drafts.list', {})).toEqual([]);
    // Just under the limit is kept.
    const longest = JSON.stringify('y'.repeat(draftValueMax - 2));
    expect(longest.length).toBe(draftValueMax);
    await test.call('drafts.keep', { key: 'quick-capture', value: longest });
    expect((await test.call('drafts.list', {}))[0]?.value).toBe(longest);
  });

  it('survives closing and opening the archive again', async () => {
    const first = await openTestCore();
    await first.call('drafts.keep', { key: 'settle:renegotiate:019b', value: JSON.stringify({ text: 'By Friday, not Monday', date: '' }) });
    const second = await first.reopen();
    const [draft] = await second.call('drafts.list', {});
    expect(draft?.key).toBe('settle:renegotiate:019b');
    expect(JSON.parse(draft?.value ?? '') as unknown).toEqual({ text: 'By Friday, not Monday', date: '' });
  });

  it('lets go of drafts untouched for half a year, and of any beyond the newest five hundred, when the archive opens', async () => {
    const first = await openTestCore();
    // Once this open's own purge is done (the list waits for it), rows as an earlier session left them.
    await first.call('drafts.list', {});
    // The test clock says 2026-11-26: half a year back is 2026-05-30.
    insertDraft(first, { id: '0190dead-0000-7000-8000-000000000001', key: 'crews:gone:new-meeting', value: '{}', updatedAt: '2026-05-01T00:00:00.000Z' });
    insertDraft(first, { id: '0190dead-0000-7000-8000-000000000002', key: 'network:new', value: '{}', updatedAt: '2026-06-15T00:00:00.000Z' });
    const insert = first.core.archive.sqlite.prepare('INSERT INTO draft (id, key, value, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    for (let i = 0; i < draftsKept + 3; i += 1) {
      const at = new Date(Date.parse('2026-06-01T00:00:00.000Z') + i * 1000).toISOString();
      insert.run(`0190beef-0000-7000-8000-${String(i).padStart(12, '0')}`, `practice:${i}`, '{}', at, at);
    }
    const second = await first.reopen();
    const keys = (await second.call('drafts.list', {})).map((d) => d.key);
    expect(keys).toContain('network:new');
    expect(keys).not.toContain('crews:gone:new-meeting');
    expect(keys).toHaveLength(draftsKept);
    // Past the newest five hundred, the oldest made way (four here, beside the one let go for its age).
    const total = second.core.archive.sqlite.prepare('SELECT count(*) FROM draft').pluck().get();
    expect(total).toBe(draftsKept);
    expect(keys).not.toContain('practice:3');
    expect(keys).toContain('practice:4');
  });

  it('lists by index, without a sort, and finds a key by its index', async () => {
    const test = await openTestCore();
    const plan = (query: string) =>
      (test.core.archive.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    // The list's own query, as the service sends it.
    const list = test.core.archive.db
      .selectFrom('draft')
      .select(['key', 'value', 'updated_at'])
      .where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .limit(draftsKept)
      .compile();
    const listPlan = (test.core.archive.sqlite.prepare(`EXPLAIN QUERY PLAN ${list.sql}`).all(...list.parameters) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(listPlan).toMatch(/USING INDEX draft_by_age/);
    expect(listPlan).not.toMatch(/TEMP B-TREE/);
    expect(plan("SELECT id FROM draft WHERE key = 'quick-capture' AND deleted_at IS NULL")).toMatch(/USING INDEX draft_by_key/);
  });

  it('arrive in an archive made before them, changing nothing else and copying nothing aside', async () => {
    const dataDir = tempDir();
    await archiveBeforeDrafts(dataDir);
    const test = await openTestCore(dataDir);
    expect((await test.call('journal.get', { id: '019a0000-0000-7000-8000-000000000001' })).body).toBe('kept words');
    expect(test.core.archive.preMigrationBackup).toBeNull();
    const backups = path.join(dataDir, 'backups');
    expect(existsSync(backups) ? readdirSync(backups).filter((name) => name.startsWith('pre-migration')) : []).toEqual([]);
    await test.call('drafts.keep', { key: 'quick-capture', value: '{"line":"First one"}' });
    expect((await test.call('drafts.list', {})).map((d) => d.key)).toEqual(['quick-capture']);
  });

  it('in a read-only archive (from a newer Ladder): lists what is kept, writes nothing, and purges nothing', async () => {
    const first = await openTestCore();
    await first.call('drafts.list', {});
    insertDraft(first, { id: '0190dead-0000-7000-8000-000000000009', key: 'quick-capture', value: '{"line":"old"}', updatedAt: '2025-01-01T00:00:00.000Z' });
    await first.core.close();
    markNewer(first.dataDir);
    const file = archivePath(first.dataDir);
    const before = sha256(file);

    const second = await openTestCore(first.dataDir);
    expect((await second.call('drafts.list', {})).map((d) => d.key)).toEqual(['quick-capture']);
    expect(await second.send('drafts.keep', { key: 'quick-capture', value: '{}' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(await second.send('drafts.discard', { key: 'quick-capture' })).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await second.core.close();
    expect(sha256(file)).toBe(before);
  });

  it('in a read-only archive without the table: there are simply none', async () => {
    const dataDir = tempDir();
    await archiveBeforeDrafts(dataDir);
    markNewer(dataDir);
    const test = await openTestCore(dataDir);
    expect(await test.call('drafts.list', {})).toEqual([]);
  });
});

describe('drafts in the JSON export and import', () => {
  async function exportFile(test: TestCore) {
    const { jobId } = await test.call('transfer.exportStart', { folder: tempDir() });
    const status = await finish(test, jobId);
    if (status.result?.kind !== 'export') throw new Error('export failed');
    return status.result.export.jsonFile;
  }

  async function importFile(test: TestCore, file: string) {
    const { jobId } = await test.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: false });
    return finish(test, jobId);
  }

  it('go along, and an import matches them by their form’s key: the newer words win, never two drafts for one form', async () => {
    const source = await openTestCore();
    insertDraft(source, { id: '0190aaaa-0000-7000-8000-000000000001', key: 'quick-capture', value: '{"line":"from the export, newer"}', updatedAt: '2026-11-20T00:00:00.000Z' });
    insertDraft(source, { id: '0190aaaa-0000-7000-8000-000000000002', key: 'crews:x:retrospective', value: '{"worked":"older in the export"}', updatedAt: '2026-11-01T00:00:00.000Z' });
    insertDraft(source, { id: '0190aaaa-0000-7000-8000-000000000003', key: 'network:new', value: '{"name":"only in the export"}', updatedAt: '2026-11-02T00:00:00.000Z' });
    const file = await exportFile(source);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { tables: Record<string, { key: string }[]> };
    expect(exported.tables.draft?.map((d) => d.key).sort()).toEqual(['crews:x:retrospective', 'network:new', 'quick-capture']);

    // The target kept its own drafts for two of those forms, under ids of its own.
    const target = await openTestCore();
    insertDraft(target, { id: '0190bbbb-0000-7000-8000-000000000001', key: 'quick-capture', value: '{"line":"here, older"}', updatedAt: '2026-11-10T00:00:00.000Z' });
    insertDraft(target, { id: '0190bbbb-0000-7000-8000-000000000002', key: 'crews:x:retrospective', value: '{"worked":"here, newer"}', updatedAt: '2026-11-15T00:00:00.000Z' });
    const done = await importFile(target, file);
    expect(done.state).toBe('done');
    expect(done.result?.kind === 'import' && done.result.import.tables.draft).toEqual({ new: 1, updated: 1, kept: 1 });

    const byKey = Object.fromEntries((await target.call('drafts.list', {})).map((d) => [d.key, JSON.parse(d.value) as unknown]));
    expect(byKey).toEqual({
      'quick-capture': { line: 'from the export, newer' },
      'crews:x:retrospective': { worked: 'here, newer' },
      'network:new': { name: 'only in the export' },
    });
    expect(target.core.archive.sqlite.prepare('SELECT count(*) FROM draft').pluck().get()).toBe(3);
  });
});
