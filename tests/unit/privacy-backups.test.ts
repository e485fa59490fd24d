import { existsSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../electron/core/host';
import { everyRow, holdsWord, openPrivacyCore, passphrase, seedEveryRung, secretWord, startsLikeSqlite } from './privacy-support';

const backupsIn = (dir: string) => readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.sqlite3'));

describe('backups of an encrypted archive', () => {
  it('stay encrypted, carry their key file, and restore (with Undo)', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const backup = await t.call('backup.now', {});
    const file = path.join(t.dataDir, 'backups', backup.name);
    expect(startsLikeSqlite(file)).toBe(false);
    expect(holdsWord(file)).toBe(false);
    expect(existsSync(`${file}.key.json`)).toBe(true);
    const atBackup = everyRow(t.core);

    await t.call('journal.create', { entryDate: '2026-11-26', body: 'Written after the backup.' });
    const afterWriting = everyRow(t.core);
    const restored = await t.call('backup.restore', { name: backup.name });
    expect(everyRow(t.core)).toEqual(atBackup);
    // The archive set aside stays encrypted and can be put back.
    expect(startsLikeSqlite(restored.restored.setAside)).toBe(false);
    await t.call('backup.undoRestore', {});
    expect(everyRow(t.core)).toEqual(afterWriting);
  });

  it('a backup under an older passphrase still restores (the database key did not change)', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const backup = await t.call('backup.now', {});
    await t.call('privacy.changePassphrase', { current: passphrase, next: 'a newer passphrase' });
    await t.call('backup.restore', { name: backup.name });
    expect((await t.call('app.info', {})).encrypted).toBe(true);
  });

  it('a backup made under another key asks for its own passphrase; a wrong one changes nothing', async () => {
    let t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const made = await t.call('backup.now', {});
    // Renamed out of the daily rotation (the test clock never moves, so later copies would replace it).
    const old = { name: 'pre-migration-v1-2026-01-01T00-00-00-000Z.sqlite3' };
    const dir = path.join(t.dataDir, 'backups');
    renameSync(path.join(dir, made.name), path.join(dir, old.name));
    renameSync(path.join(dir, `${made.name}.key.json`), path.join(dir, `${old.name}.key.json`));
    const atOld = everyRow(t.core);
    // Remove and set again: a new database key, so the old backup needs its old passphrase.
    await t.call('privacy.removePassphrase', { current: passphrase });
    await t.call('journal.create', { entryDate: '2026-11-26', body: 'Under the second key.' });
    await t.call('privacy.setPassphrase', { passphrase: 'the second passphrase', deletePlainBackups: true });
    const before = everyRow(t.core);

    expect(await t.send('backup.restore', { name: old.name })).toMatchObject({ ok: false, error: { code: 'validation', field: 'passphrase' } });
    expect(await t.send('backup.restore', { name: old.name, passphrase: 'the second passphrase' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'passphrase', message: expect.stringContaining('does not open this backup') as string },
    });
    expect(everyRow(t.core)).toEqual(before);

    await t.call('backup.restore', { name: old.name, passphrase });
    expect(everyRow(t.core)).toEqual(atOld);
    // From now on the archive opens with the passphrase that backup was made under.
    t = await t.restart();
    expect(await t.send('privacy.unlock', { passphrase: 'the second passphrase' })).toMatchObject({ ok: false });
    await t.call('privacy.unlock', { passphrase });
    expect(everyRow(t.core)).toEqual(atOld);
  });

  it('a plain backup is not restored over an encrypted archive', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    const made = await t.call('backup.now', {});
    const plain = 'pre-migration-v1-2026-01-01T00-00-00-000Z.sqlite3';
    renameSync(path.join(t.dataDir, 'backups', made.name), path.join(t.dataDir, 'backups', plain));
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: false });
    expect(backupsIn(t.dataDir)).toContain(plain);
    const before = everyRow(t.core);
    expect(await t.send('backup.restore', { name: plain })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringContaining('Remove the passphrase first') as string },
    });
    expect(everyRow(t.core)).toEqual(before);
  });
});

describe('remember on this device', () => {
  /** Stands in for Electron's safeStorage: a reversible scramble is enough to test the logic. */
  function fakeKeyStore(backend: string): Platform {
    return {
      keyStore: {
        backend: () => Promise.resolve(backend),
        encrypt: (text) => Promise.resolve(Buffer.from(text, 'utf8').reverse()),
        decrypt: (data) => Promise.resolve(Buffer.from(data).reverse().toString('utf8')),
      },
    };
  }

  it('unlocks at start without asking, until forgotten', async () => {
    const platform = fakeKeyStore('gnome_libsecret');
    let t = await openPrivacyCore(undefined, platform);
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    t = await t.restart();
    expect(await t.call('privacy.status', {})).toMatchObject({ locked: true, rememberAvailable: true, remembered: false });
    await t.call('privacy.unlock', { passphrase, remember: true });
    t = await t.restart();
    expect(await t.call('privacy.status', {})).toMatchObject({ locked: false, remembered: true });
    expect((await t.call('journal.list', {})).entries.length).toBeGreaterThan(0);
    await t.call('privacy.forgetOnThisDevice', {});
    t = await t.restart();
    expect(await t.call('privacy.status', {})).toMatchObject({ locked: true, remembered: false });
  });

  it('is refused where the only store is basic_text, and absent without a key store', async () => {
    let t = await openPrivacyCore(undefined, fakeKeyStore('basic_text'));
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    t = await t.restart();
    const status = await t.call('privacy.status', {});
    expect(status).toMatchObject({ rememberAvailable: false, rememberUnavailableReason: expect.stringContaining('no safe place') as string });
    expect(await t.send('privacy.unlock', { passphrase, remember: true })).toMatchObject({ ok: false, error: { field: 'remember' } });
    const plain = await openPrivacyCore();
    expect(await plain.call('privacy.status', {})).toMatchObject({ encrypted: false, rememberAvailable: false });
  });
});

describe('the idle lock setting', () => {
  it('is kept in the key file, readable while locked, and refused for a plain archive', async () => {
    let t = await openPrivacyCore();
    expect(await t.send('privacy.setLockAfter', { minutes: 5 })).toMatchObject({ ok: false, error: { field: 'minutes' } });
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    expect(await t.send('privacy.setLockAfter', { minutes: 7 })).toMatchObject({ ok: false, error: { field: 'minutes' } });
    await t.call('privacy.setLockAfter', { minutes: 5 });
    t = await t.restart();
    expect(await t.call('privacy.status', {})).toMatchObject({ locked: true, lockAfterMinutes: 5 });
    await t.call('privacy.unlock', { passphrase });
    await t.call('privacy.setLockAfter', { minutes: null });
    expect((await t.call('privacy.status', {})).lockAfterMinutes).toBeNull();
    expect(secretWord).toBeTruthy();
  });
});
