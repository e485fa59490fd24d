import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RequestName } from '../../shared/contract';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

async function handle(host: BrowserHost, name: RequestName, input: unknown) {
  const result = await host.core.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as { id: string };
}

const rungs = (page: Page) => page.getByRole('navigation', { name: 'Rungs' });

/** What has keyboard focus, as a person would name it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return 'body';
    return `${active.tagName.toLowerCase()}: ${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim()}`;
  });

async function seed(host: BrowserHost) {
  await handle(host, 'congregations.create', { name: 'Riverside Commons', about: 'Neighbours practising microsolidarity', size: 120, since: '2026-01-01' });
  await handle(host, 'congregations.create', { name: 'Harbour Folk', since: '2026-01-01' });
  await handle(host, 'crews.create', { name: 'Thursday case clinic', startedOn: '2026-11-01' });
  const n = await handle(host, 'networks.create', { name: 'Hosts circle' });
  const rich = await handle(host, 'people.create', { name: 'Rich' });
  await handle(host, 'networks.addHost', { networkId: n.id, personId: rich.id, note: 'How to step back so others step in' });
}

describe('the shell: toasts, theme controls and focus, end to end in Chromium', () => {
  it('keeps toasts in the sidebar, clear of the page, newest on top, and draws native controls in the theme', async () => {
    const host = await startHost();
    await seed(host);
    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors } = await visit(host, scheme);
      await rungs(page).getByRole('button', { name: 'Network' }).click();
      await page.getByRole('list', { name: 'Your networks' }).getByRole('button', { name: /^Hosts circle/ }).click();
      await page.getByRole('button', { name: 'Back to Network' }).waitFor();
      const select = page.getByRole('combobox', { name: 'Congregation to add', exact: true });
      await select.selectOption({ label: scheme === 'light' ? 'Riverside Commons' : 'Harbour Folk' });
      await page.getByRole('button', { name: 'Add congregation' }).click();
      const toasts = page.getByRole('region', { name: 'Notifications' }).locator('.toast');
      await expect.poll(() => toasts.count()).toBe(1);
      // An Undo stays offered; a plain note gives way to the next one.
      await page.getByRole('button', { name: /^Remove Riverside Commons|^Remove Harbour Folk/ }).click();
      await page.getByLabel("Host's name").fill(scheme === 'light' ? 'Ada' : 'Bea');
      await page.getByRole('button', { name: 'Add host' }).click();
      await expect.poll(() => toasts.count()).toBe(2);
      expect(await toasts.nth(1).textContent()).toMatch(/Undo/);
      // The pointer is away from the corner, as it would be after clicking in the page.
      await page.mouse.move(400, 300);

      // Newest on top, both in the sidebar's quiet part just above Search, never over the page.
      const [newest, older] = [await toasts.nth(0).boundingBox(), await toasts.nth(1).boundingBox()];
      const main = await page.locator('#main').boundingBox();
      const search = await rungs(page).getByRole('button', { name: 'Search' }).boundingBox();
      if (!newest || !older || !main || !search) throw new Error('no boxes');
      expect(await toasts.nth(0).textContent()).toMatch(/added to the hosts/);
      expect(newest.y).toBeLessThan(older.y);
      for (const box of [newest, older]) {
        expect(box.x).toBeGreaterThanOrEqual(8);
        expect(box.x + box.width).toBeLessThanOrEqual(main.x);
      }
      expect(older.y + older.height).toBeLessThan(search.y);
      expect(older.y + older.height).toBeGreaterThan(search.y - 40);

      // Checkboxes take the theme's green, and native controls are drawn for the theme.
      const theme = await page.evaluate(() => {
        const box = document.createElement('input');
        box.type = 'checkbox';
        const select = document.createElement('select');
        document.querySelector('main')?.append(box, select);
        const found = { accent: getComputedStyle(box).accentColor, scheme: getComputedStyle(select).colorScheme };
        box.remove();
        select.remove();
        return found;
      });
      expect(theme.accent).toBe(scheme === 'light' ? 'rgb(46, 106, 86)' : 'rgb(141, 197, 174)');
      expect(theme.scheme).toBe(scheme);
      await saveScreenshot(page, `shell-toasts-${scheme}`);

      await rungs(page).getByRole('button', { name: 'Congregations' }).click();
      await page.getByRole('list', { name: 'Your congregations' }).getByRole('button', { name: /^Riverside Commons/ }).click();
      await page.getByRole('button', { name: 'Back to Congregations' }).waitFor();
      await saveScreenshot(page, `congregation-view-${scheme}`);
      expect(pageErrors).toEqual([]);
    }
  });

  it('lets a toast go under a resting pointer, and keeps it while the pointer moves over it', async () => {
    const host = await startHost();
    const { page, pageErrors } = await visit(host);
    await rungs(page).getByRole('button', { name: 'Settings' }).click();
    const backUp = page.getByRole('button', { name: 'Back up now' });
    // The mouse rests where toasts appear (above Search); the person works by keyboard.
    await page.mouse.move(110, 650);
    await backUp.focus();
    await page.keyboard.press('Enter');
    const toast = page.getByRole('region', { name: 'Notifications' }).getByText('Backup made');
    await toast.waitFor();
    await toast.waitFor({ state: 'detached', timeout: 8_000 });
    // "Back up now" kept focus while it was busy, so Enter works again at once.
    expect(await focused(page)).toBe('button: Back up now');

    await page.keyboard.press('Enter');
    await toast.waitFor();
    const box = await toast.boundingBox();
    if (!box) throw new Error('no toast box');
    await page.mouse.move(box.x + 4, box.y + box.height / 2, { steps: 3 });
    await page.waitForTimeout(7_000);
    expect(await toast.count()).toBe(1);
    await page.mouse.move(400, 300);
    await toast.waitFor({ state: 'detached', timeout: 8_000 });
    expect(pageErrors).toEqual([]);
  });

  it('gives focus back after Undo, in the restore question, and after unlocking', async () => {
    const host = await startHost();
    await seed(host);
    // Encrypted (and open) before the page loads, so Ctrl+Shift+L can lock it later.
    await handle(host, 'privacy.setPassphrase', { passphrase: 'lanterns over the quiet harbour', deletePlainBackups: true });
    const { page, pageErrors, foreignRequests } = await visit(host);

    // Undo from the toast, by keyboard: focus lands on the row it brought back.
    await rungs(page).getByRole('button', { name: 'Network' }).click();
    await page.getByRole('list', { name: 'Your networks' }).getByRole('button', { name: /^Hosts circle/ }).click();
    const remove = page.getByRole('button', { name: 'Remove Rich from the hosts of Hosts circle' });
    await remove.click();
    await remove.waitFor({ state: 'detached' });
    const undo = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await remove.waitFor();
    await expect.poll(() => focused(page)).toBe('button: Remove Rich from the hosts of Hosts circle');

    // Settings › Backups: the question takes focus, on the safe choice (one Enter keeps the
    // archive); Escape gives it back to Restore….
    await handle(host, 'backup.now', {});
    await rungs(page).getByRole('button', { name: 'Settings' }).click();
    const restore = page.getByRole('list', { name: 'Backups' }).getByRole('button', { name: /^Restore the backup from .* \(made with back up now\)$/ });
    await restore.click();
    await expect.poll(() => focused(page)).toBe('button: Keep my archive');
    await page.getByRole('group', { name: 'Confirm restore' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'settings-restore-question-light');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Confirm restore' }).waitFor({ state: 'detached' });
    expect(await focused(page)).toMatch(/^button: Restore the backup from/);

    // Locked from Crews, unlocked back on Crews.
    await rungs(page).getByRole('button', { name: 'Crews' }).click();
    await page.getByRole('heading', { name: 'Crews', level: 1 }).waitFor();
    await page.keyboard.press('Control+Shift+L');
    const field = page.getByLabel('Passphrase', { exact: true });
    await field.waitFor({ timeout: 20_000 });
    await field.fill('lanterns over the quiet harbour');
    await field.press('Enter');
    await page.getByRole('heading', { name: 'Crews', level: 1 }).waitFor({ timeout: 20_000 });
    expect(await rungs(page).getByRole('button', { name: 'Crews' }).getAttribute('aria-current')).toBe('page');
    expect(await focused(page)).toBe('h1: Crews');

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('lists the keyboard shortcuts on ? and puts the list away with Escape', async () => {
    const host = await startHost();
    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors } = await visit(host, scheme);
      await rungs(page).getByRole('button', { name: 'Self' }).click();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      expect(await dialog.getByText('Search everything').isVisible()).toBe(true);
      expect(await focused(page)).toBe('button: Close');
      await saveScreenshot(page, `shortcuts-${scheme}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(pageErrors).toEqual([]);
    }
  });
});
