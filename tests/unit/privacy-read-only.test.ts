import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { archivePath } from '../../electron/core';
import { openTestCore } from '../support/core';

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('encryption and a read-only archive', () => {
  it('refuses to encrypt a file from a newer Ladder, leaving it byte for byte as it was', async () => {
    const first = await openTestCore();
    await first.call('journal.create', { body: 'written by a newer Ladder', entryDate: '2026-11-27' });
    await first.core.close();
    const raw = new SqliteDatabase(archivePath(first.dataDir));
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-ladder', '2030-01-01')").run();
    raw.close();
    const before = digest(archivePath(first.dataDir));

    const again = await openTestCore(first.dataDir);
    const refused = await again.send('privacy.setPassphrase', { passphrase: 'a long enough passphrase', deletePlainBackups: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    await again.core.close();
    expect(digest(archivePath(first.dataDir))).toBe(before);
  });
});
