import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { JournalPage } from './support/journal-page';
import { useChromium } from './support/session';

const { dataDir, startHost, visit } = useChromium();

const passphrase = 'lanterns over the quiet harbour';
const secretWord = 'Quillobarra';

/** Light, then dark, of whatever is on screen. */
async function bothThemes(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // Buttons fade their colours (120 ms): let them settle before the picture.
    await page.waitForTimeout(250);
    await saveScreenshot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('encryption at rest and the lock, end to end in Chromium', () => {
  it('sets a passphrase, restarts locked, refuses a wrong passphrase and unlocks to the same entries', async () => {
    const folder = dataDir();
    const first = await startHost(folder);
    const watched = await visit(first);
    const { page } = watched;
    const journal = new JournalPage(page);
    await journal.open();
    await journal.newEntry();
    await journal.write({ title: 'Before the lock', body: `Only for me: ${secretWord}.` });
    await journal.waitUntilSaved();

    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Settings' }).click();
    const privacy = page.getByRole('region', { name: 'Privacy' });
    await privacy.getByRole('button', { name: 'Set a passphrase…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a passphrase' });
    await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await dialog.getByLabel('Repeat the passphrase').fill(passphrase);
    await bothThemes(page, 'privacy-set-passphrase');
    await dialog.getByRole('button', { name: 'Encrypt my archive' }).click();

    const keyDialog = page.getByRole('dialog', { name: 'Your recovery key' });
    await keyDialog.waitFor({ timeout: 20_000 });
    const recoveryKey = (await keyDialog.getByLabel('Recovery key').textContent()) ?? '';
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await bothThemes(page, 'privacy-recovery-key');
    await keyDialog.getByRole('button', { name: 'I have saved it' }).click();
    await privacy.getByText('Encrypted', { exact: true }).waitFor();
    await bothThemes(page, 'privacy-settings');

    // The file on disk holds no word of the entry and no SQLite header.
    await first.close();
    const raw = readFileSync(path.join(folder, 'ladder.sqlite3'));
    expect(raw.includes(Buffer.from(secretWord))).toBe(false);
    expect(raw.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');

    const second = await startHost(folder);
    const again = await visit(second);
    const lockPage = again.page;
    await lockPage.getByRole('heading', { name: 'Ladder is locked' }).waitFor();
    expect(await lockPage.getByRole('navigation', { name: 'Rungs' }).count()).toBe(0);
    await bothThemes(lockPage, 'privacy-lock-screen');

    const field = lockPage.getByLabel('Passphrase', { exact: true });
    await field.fill('lanterns over the loud harbour');
    await lockPage.getByRole('button', { name: 'Unlock' }).click();
    await lockPage.getByText('That passphrase does not open this archive.').waitFor({ timeout: 20_000 });
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await bothThemes(lockPage, 'privacy-lock-wrong');

    await field.fill(passphrase);
    await field.press('Enter');
    const journalAgain = new JournalPage(lockPage);
    await lockPage.getByRole('navigation', { name: 'Rungs' }).waitFor({ timeout: 20_000 });
    await journalAgain.open();
    await journalAgain.openEntry('Before the lock');
    expect(await journalAgain.body()).toBe(`Only for me: ${secretWord}.`);

    // Ctrl+Shift+L locks again at once.
    await lockPage.keyboard.press('Control+Shift+L');
    await lockPage.getByRole('heading', { name: 'Ladder is locked' }).waitFor({ timeout: 10_000 });

    expect(watched.foreignRequests).toEqual([]);
    expect(again.foreignRequests).toEqual([]);
    expect(again.pageErrors).toEqual([]);
  });
});
