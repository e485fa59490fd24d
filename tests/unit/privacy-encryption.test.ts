import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { openArchive } from '../../electron/core/db/open';
import { migrations } from '../../electron/core/db/migrations';
import { type KeyFile, normalizeRecoveryKey, unwrapKey } from '../../electron/core/services/privacy/key-file';
import { everyRow, filesUnder, holdsWord, openPrivacyCore, passphrase, seedEveryRung, secretWord, startsLikeSqlite } from './privacy-support';

const archiveOf = (dir: string) => path.join(dir, 'ladder.sqlite3');
const keyFileOf = (dir: string) => path.join(dir, 'ladder.key.json');

describe('setting a passphrase', () => {
  it('encrypts the archive: no SQLite header and no plain text in the archive, its log or its backups', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    const before = everyRow(t.core);
    const { recoveryKey, deletedPlainBackups } = await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    expect(recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(deletedPlainBackups).toBeGreaterThanOrEqual(1);
    expect(everyRow(t.core)).toEqual(before);

    // Write more after encrypting, so the log holds new pages too.
    await t.call('journal.create', { entryDate: '2026-11-25', body: `Later: ${secretWord} again.` });
    await t.call('backup.now', {});
    const files = filesUnder(t.dataDir);
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
    for (const file of files) expect(holdsWord(file), file).toBe(false);
    expect(startsLikeSqlite(archiveOf(t.dataDir))).toBe(false);
    const backups = files.filter((f) => f.endsWith('.sqlite3') && f.includes('backups'));
    expect(backups.length).toBeGreaterThanOrEqual(1);
    for (const backup of backups) {
      expect(startsLikeSqlite(backup)).toBe(false);
      expect(existsSync(`${backup}.key.json`)).toBe(true);
    }
    // The key file holds nothing readable either.
    const keyFile = readFileSync(keyFileOf(t.dataDir), 'utf8');
    expect(keyFile).not.toContain(passphrase);
    expect(keyFile).not.toContain(recoveryKey);
    expect(JSON.parse(keyFile)).toMatchObject({ passphrase: { kdf: { name: 'scrypt', r: 8, p: 1 } }, recoveryKey: { kdf: { name: 'scrypt' } } });

    // Without a key, SQLite sees no database at all.
    const plain = new SqliteDatabase(archiveOf(t.dataDir), { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
  });

  it('refuses an empty, short or overlong passphrase, naming the field, and changes nothing', async () => {
    const t = await openPrivacyCore();
    for (const bad of ['', 'short', 'x'.repeat(1_025)]) {
      expect(await t.send('privacy.setPassphrase', { passphrase: bad, deletePlainBackups: false })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'passphrase' },
      });
    }
    expect(existsSync(keyFileOf(t.dataDir))).toBe(false);
    expect(startsLikeSqlite(archiveOf(t.dataDir))).toBe(true);
  });

  it('keeps plain backups when asked to, and says so in app.info', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    // A copy from an earlier migration: never rotated away, so only the choice decides whether it stays.
    const old = path.join(t.dataDir, 'backups', 'pre-migration-v1-2026-01-01T00-00-00-000Z.sqlite3');
    await t.call('backup.now', {});
    copyFileSync(archiveOf(t.dataDir), old);
    const { deletedPlainBackups } = await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: false });
    expect(deletedPlainBackups).toBe(0);
    expect(existsSync(old)).toBe(true);
    expect(startsLikeSqlite(old)).toBe(true);
    expect(await t.call('app.info', {})).toMatchObject({ encrypted: true, locked: false });
    // The copies from just before and just after are both kept, and say which needs the passphrase.
    const { backups } = await t.call('backup.list', {});
    const around = backups.filter((backup) => backup.kind === 'passphrase');
    expect(around.map((backup) => backup.encrypted)).toEqual([true, false]);
    expect(backups.find((backup) => backup.kind === 'manual')).toMatchObject({ encrypted: false });
  });
});

describe('the lock', () => {
  it('starts locked after a restart; every other request answers `locked`; the passphrase unlocks', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    const before = everyRow(t.core);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    t = await t.restart();
    expect(await t.call('app.info', {})).toMatchObject({ encrypted: true, locked: true });
    expect(await t.call('privacy.status', {})).toMatchObject({ encrypted: true, locked: true, lockAfterMinutes: 15, rememberAvailable: false });
    for (const [name, input] of [
      ['journal.list', {}],
      ['backup.now', {}],
      ['privacy.changePassphrase', { current: passphrase, next: 'another long passphrase' }],
    ] as const) {
      expect(await t.send(name, input as never)).toMatchObject({ ok: false, error: { code: 'locked', message: 'Ladder is locked. Unlock it with your passphrase.' } });
    }
    expect(await t.call('privacy.unlock', { passphrase })).toMatchObject({ locked: false });
    expect(everyRow(t.core)).toEqual(before);
    expect((await t.call('app.info', {})).locked).toBe(false);

    await t.call('privacy.lock', {});
    expect(await t.send('journal.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    await t.call('privacy.unlock', { passphrase });
  });

  it('a wrong passphrase gives a typed error and leaves the file byte for byte as it was', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    t = await t.restart();
    const file = archiveOf(t.dataDir);
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const keyBytes = readFileSync(keyFileOf(t.dataDir));
    const listing = readdirSync(t.dataDir).sort();
    for (const wrong of ['correct horse battery stapler', 'x']) {
      expect(await t.send('privacy.unlock', { passphrase: wrong })).toEqual({
        ok: false,
        error: { code: 'validation', message: 'That passphrase does not open this archive.', field: 'passphrase' },
      });
    }
    expect(await t.send('privacy.unlock', { passphrase: '' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'passphrase' } });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(readFileSync(keyFileOf(t.dataDir)).equals(keyBytes)).toBe(true);
    expect(readdirSync(t.dataDir).sort()).toEqual(listing);
    expect((await t.call('privacy.status', {})).locked).toBe(true);
  });

  it('the recovery key unlocks and sets a new passphrase; the old one stops working', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    const { recoveryKey } = await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    t = await t.restart();
    expect(await t.send('privacy.unlockWithRecoveryKey', { recoveryKey: 'AAAA-BBBB', newPassphrase: 'a brand new passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'recoveryKey', message: 'That recovery key does not open this archive.' },
    });
    // Typed by hand: lower case, spaces instead of dashes.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ');
    expect(normalizeRecoveryKey(typed)).toBe(recoveryKey);
    expect(await t.call('privacy.unlockWithRecoveryKey', { recoveryKey: typed, newPassphrase: 'a brand new passphrase' })).toMatchObject({ locked: false });
    expect((await t.call('journal.list', {})).entries.length).toBeGreaterThan(0);
    t = await t.restart();
    expect(await t.send('privacy.unlock', { passphrase })).toMatchObject({ ok: false, error: { field: 'passphrase' } });
    await t.call('privacy.unlock', { passphrase: 'a brand new passphrase' });
  });
});

describe('changing and removing the passphrase', () => {
  it('change re-wraps the key only: the archive file is untouched and every record kept', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const before = everyRow(t.core);
    const saltOf = () => (JSON.parse(readFileSync(keyFileOf(t.dataDir), 'utf8')) as { passphrase: { kdf: { salt: string } } }).passphrase.kdf.salt;
    const saltBefore = saltOf();
    expect(await t.send('privacy.changePassphrase', { current: 'not the passphrase', next: 'the second passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'current' },
    });
    expect(await t.send('privacy.changePassphrase', { current: passphrase, next: 'short' })).toMatchObject({ ok: false, error: { field: 'next' } });
    await t.call('privacy.changePassphrase', { current: passphrase, next: 'the second passphrase' });
    expect(saltOf()).not.toBe(saltBefore);
    t = await t.restart();
    expect(await t.send('privacy.unlock', { passphrase })).toMatchObject({ ok: false });
    await t.call('privacy.unlock', { passphrase: 'the second passphrase' });
    expect(everyRow(t.core)).toEqual(before);
  });

  it('remove decrypts the archive, keeps every record and removes the key file', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const before = everyRow(t.core);
    expect(await t.send('privacy.removePassphrase', { current: 'wrong wrong wrong' })).toMatchObject({ ok: false, error: { field: 'current' } });
    expect(existsSync(keyFileOf(t.dataDir))).toBe(true);
    expect(await t.call('privacy.removePassphrase', { current: passphrase })).toMatchObject({ encrypted: false, locked: false });
    expect(existsSync(keyFileOf(t.dataDir))).toBe(false);
    expect(startsLikeSqlite(archiveOf(t.dataDir))).toBe(true);
    expect(everyRow(t.core)).toEqual(before);
    // Every earlier backup needs the old passphrase, so a plain one is made at once.
    const [newest] = (await t.call('backup.list', {})).backups;
    expect(newest).toMatchObject({ kind: 'passphrase', encrypted: false });
    expect(startsLikeSqlite(path.join(t.dataDir, 'backups', newest!.name))).toBe(true);
    t = await t.restart();
    expect(await t.call('app.info', {})).toMatchObject({ encrypted: false, locked: false });
    expect(everyRow(t.core)).toEqual(before);
  });

  it('a new recovery key replaces the old one', async () => {
    let t = await openPrivacyCore();
    const first = await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const { recoveryKey } = await t.call('privacy.newRecoveryKey', { current: passphrase });
    expect(recoveryKey).not.toBe(first.recoveryKey);
    t = await t.restart();
    expect(await t.send('privacy.unlockWithRecoveryKey', { recoveryKey: first.recoveryKey, newPassphrase: 'another passphrase' })).toMatchObject({ ok: false });
    await t.call('privacy.unlockWithRecoveryKey', { recoveryKey, newPassphrase: 'another passphrase' });
  });
});

describe('a crash part-way', () => {
  it('a key file beside a plain archive (crash between the renames) is set aside, and the archive opens plain', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: false });
    const keyFile = readFileSync(keyFileOf(t.dataDir));
    await t.call('privacy.removePassphrase', { current: passphrase });
    const before = everyRow(t.core);
    await t.close();
    // What a crash after writing the key file but before renaming the encrypted copy in leaves behind.
    writeFileSync(keyFileOf(t.dataDir), keyFile);
    writeFileSync(`${archiveOf(t.dataDir)}.encrypting`, 'half a copy');
    t = await t.restart();
    expect(await t.call('app.info', {})).toMatchObject({ encrypted: false, locked: false });
    expect(everyRow(t.core)).toEqual(before);
    const names = readdirSync(t.dataDir);
    expect(names).not.toContain('ladder.key.json');
    expect(names.some((n) => n.startsWith('ladder.key.json.stale-'))).toBe(true);
    expect(names).not.toContain('ladder.sqlite3.encrypting');
  });
});

describe('what leaves the core', () => {
  it('no passphrase or recovery key reaches the log, whatever fails', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      let t = await openPrivacyCore();
      await seedEveryRung(t);
      const { recoveryKey } = await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
      t = await t.restart();
      await t.send('privacy.unlock', { passphrase: 'a wrong passphrase here' });
      await t.send('privacy.unlockWithRecoveryKey', { recoveryKey: 'WRONG-KEY', newPassphrase: 'short' });
      await t.call('privacy.unlock', { passphrase });
      await t.send('privacy.changePassphrase', { current: 'another wrong one', next: 'the next passphrase' });
      await t.send('privacy.setPassphrase', { passphrase: 'while already encrypted', deletePlainBackups: false });
      await t.send('privacy.removePassphrase', { current: 'wrong again, sadly' });
      for (const line of logged) {
        for (const secret of [passphrase, recoveryKey, 'a wrong passphrase here', 'another wrong one', 'while already encrypted', 'wrong again, sadly']) {
          expect(line).not.toContain(secret);
        }
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the copy made before a migration', () => {
  it('of an encrypted archive stays encrypted and carries its key file', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    await t.close();
    const keyFile = JSON.parse(readFileSync(keyFileOf(t.dataDir), 'utf8')) as KeyFile;
    const key = (await unwrapKey(keyFile.passphrase, passphrase)) ?? '';
    const archive = await openArchive(archiveOf(t.dataDir), {
      encryption: { key, keyFile: keyFileOf(t.dataDir) },
      migrations: { ...migrations, '9999-rewrites-a-record': { up: async (db) => void (await sql`UPDATE entry SET title = title`.execute(db)) } },
    });
    try {
      expect(await archive.whenCopied()).toBe(true);
      const copy = archive.preMigrationBackup ?? '';
      expect(copy).not.toBe('');
      expect(startsLikeSqlite(copy)).toBe(false);
      expect(holdsWord(copy)).toBe(false);
      expect(existsSync(`${copy}.key.json`)).toBe(true);
    } finally {
      await archive.close();
    }
    t = await openPrivacyCore(t.dataDir);
    expect((await t.call('privacy.status', {})).locked).toBe(true);
  });
});
