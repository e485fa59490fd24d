import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHost } from '../host/browser-host';
import { localDay } from './support/days';
import { CongregationsPage } from './support/ladder-page';
import { useChromium } from './support/session';

const { startHost, visit, dataDir } = useChromium();

/** What has keyboard focus, as a person would describe it: its role or tag and its name. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'the page body';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
    return `${element.tagName.toLowerCase()}: ${(label ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim()}`;
  });
}

async function seed(host: BrowserHost) {
  const result = await host.core.handle('congregations.create', { name: 'Riverside Commons', role: 'member', since: localDay(-200) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const ana = await host.core.handle('people.create', { name: 'Ana' });
  if (!ana.ok) throw new Error(JSON.stringify(ana.error));
}

describe('keyboard focus after in-page actions, in Chromium', () => {
  it('goes to the form a button opens, and to the section when a form or row goes away, never to the page body', async () => {
    const host = await startHost();
    await seed(host);
    const { page, pageErrors } = await visit(host, 'light');
    const congregations = new CongregationsPage(page);
    await congregations.open();

    // "New congregation" opens its form: typing goes straight into Name.
    await page.getByRole('button', { name: 'New congregation' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('input: Name');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).not.toBe('the page body');

    await congregations.openCongregation('Riverside Commons');
    await page.getByRole('button', { name: 'Add a gathering' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('input: Gathering name');
    await page.keyboard.type('Harvest supper');
    await page.getByRole('form', { name: 'New gathering' }).getByRole('button', { name: /^Save/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Gatherings' }).getByRole('heading', { name: /Harvest supper/ }).waitFor();
    await expect.poll(() => focused(page)).not.toBe('the page body');

    // Deleting the gathering from the keyboard leaves focus in its section.
    await page.getByRole('list', { name: 'Gatherings' }).getByRole('button', { name: /^Delete Harvest supper/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Gatherings' }).getByRole('heading', { name: /Harvest supper/ }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toMatch(/^h2: Gatherings/);

    // "Add people I know here" opens its picker; saving it keeps focus in the section.
    await page.getByRole('button', { name: 'Add people I know here' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).not.toBe('the page body');
    await page.getByRole('checkbox', { name: 'Ana' }).check();
    await page.getByRole('button', { name: 'Save people' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add people I know here' }).waitFor();
    await expect.poll(() => focused(page)).not.toBe('the page body');

    // Adding a lesson clears its form, whose button waits for the next one: focus goes back to the field.
    await page.getByRole('form', { name: 'Add a lesson' }).getByLabel('Lesson', { exact: true }).fill('Rotate the host every time.');
    await page.getByRole('button', { name: 'Add lesson' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Lessons to share' }).getByText('Rotate the host every time.').waitFor();
    await expect.poll(() => focused(page)).toBe('textarea: Lesson');

    // A refused save puts focus on the field that needs changing.
    await page.getByRole('button', { name: 'Back to Congregations' }).click();
    await page.getByRole('button', { name: 'New congregation' }).click();
    await page.getByRole('button', { name: 'Save congregation' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('input: Name');

    // Settings: exporting keeps focus where it was.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Export into this folder').fill(`${dataDir()}/exports`);
    await page.getByRole('button', { name: 'Export everything' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /^Exported/ }).waitFor();
    await expect.poll(() => focused(page)).not.toBe('the page body');
    expect(pageErrors).toEqual([]);
  });
});
