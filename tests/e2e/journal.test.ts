import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../host/browser-host';
import { makeTempDir } from '../support/temp-dir';
import { launchChromium, openPage, saveScreenshot, type WatchedPage } from './support/browser';
import { JournalPage } from './support/journal-page';

let browser: Browser;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHost(dataDir: string) {
  const host = await startBrowserHost({ dataDir });
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await host.close();
    }
  };
  cleanups.push(close);
  return { host, close };
}

async function visit(host: BrowserHost, colorScheme: 'light' | 'dark' = 'light'): Promise<WatchedPage> {
  const watched = await openPage(browser, host.url, { colorScheme });
  cleanups.push(() => watched.context.close());
  await watched.page.goto(host.url);
  return watched;
}

describe('the journal, end to end in Chromium', () => {
  it('keeps an entry across a reload and a restart of the host', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const first = await startHost(temp.dir);
    const watched = await visit(first.host);
    await saveScreenshot(watched.page, 'ladder-home-light');

    const journal = new JournalPage(watched.page);
    await journal.open();
    await saveScreenshot(watched.page, 'journal-empty-light');
    await journal.newEntry();
    await journal.write({ title: 'The critic and the gardener', body: 'A **manager** part kept me from resting.\n\nI thanked it.' });
    await journal.waitUntilSaved();

    await watched.page.reload();
    await journal.open();
    await journal.openEntry('The critic and the gardener');
    expect(await journal.body()).toContain('I thanked it.');

    await first.close();
    const second = await startHost(temp.dir);
    const again = await visit(second.host);
    const journalAgain = new JournalPage(again.page);
    await journalAgain.open();
    await journalAgain.openEntry('The critic and the gardener');
    expect(await journalAgain.body()).toBe('A **manager** part kept me from resting.\n\nI thanked it.');
    await saveScreenshot(again.page, 'journal-entry-light');

    expect(watched.foreignRequests).toEqual([]);
    expect(again.foreignRequests).toEqual([]);
    expect(again.pageErrors).toEqual([]);
  });

  it('deletes an entry and brings it back with Undo', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    const { host } = await startHost(temp.dir);
    const { page } = await visit(host, 'dark');
    const journal = new JournalPage(page);
    await journal.open();
    await journal.newEntry();
    await journal.write({ title: 'Short-lived', body: 'Almost gone.' });
    await journal.waitUntilSaved();
    await journal.newEntry();
    await journal.write({ title: 'A second thought', body: 'Still here.' });
    await journal.waitUntilSaved();
    await saveScreenshot(page, 'journal-entry-dark');

    await journal.openEntry('Short-lived');
    await page.getByRole('button', { name: 'Delete entry' }).click();
    await expect.poll(() => journal.listItem('Short-lived').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => journal.listItem('Short-lived').count()).toBe(1);

    await page.reload();
    await journal.open();
    await expect.poll(() => journal.listItem('Short-lived').count()).toBe(1);
  });
});
