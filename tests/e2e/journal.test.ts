import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { useChromium } from './support/session';
import { JournalPage } from './support/journal-page';

const { dataDir, startHost, visit } = useChromium();

describe('the journal, end to end in Chromium', () => {
  it('keeps an entry across a reload and a restart of the host', async () => {
    const folder = dataDir();
    const first = await startHost(folder);
    const watched = await visit(first);
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
    const second = await startHost(folder);
    const again = await visit(second);
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
    const host = await startHost();
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
