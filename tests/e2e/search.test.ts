import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { archivePath } from '../../electron/core';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../host/browser-host';
import { newId } from '../../electron/core/ids';
import { saveScreenshot } from './support/browser';
import { useChromium } from './support/session';
import { SearchPage, SettingsPage } from './support/search-page';

const chromium = useChromium();
const { visit } = chromium;

/** A host over a fresh data folder, and the folder (exports go inside it). */
async function startHost() {
  const dataDir = chromium.dataDir();
  return { host: await chromium.startHost(dataDir), dataDir };
}

/** An archive with a little of everything, written through the core. */
async function seed(host: BrowserHost) {
  const call = async (name: string, input: unknown) => {
    const answer = await host.core.handle(name, input);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.data as { id: string };
  };
  await call('journal.create', {
    title: 'The gardener and the critic',
    body: 'This morning the critic part was loud again. I asked the gardener in me what it needed, and it wanted slow time outside.',
    entryDate: '2026-11-20',
  });
  await call('journal.create', {
    title: 'Evening pages',
    body: 'A short walk. Thought about the garden, the beans, and how a protector can be a gardener too.',
    entryDate: '2026-11-18',
  });
  await call('journal.create', { title: 'Nothing about plants', body: 'Crew meeting notes.', entryDate: '2026-11-17' });
  const sqlite = host.core.archive.sqlite;
  const now = '2026-11-26T09:00:00.000Z';
  const person = newId();
  const dyad = newId();
  sqlite.prepare('INSERT INTO person (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(person, 'Robin', now, now);
  sqlite.prepare("INSERT INTO dyad (id, person_id, kind, created_at, updated_at) VALUES (?, ?, 'peer coach', ?, ?)").run(dyad, person, now, now);
  sqlite
    .prepare('INSERT INTO checkin (id, dyad_id, checkin_date, i_shared, i_heard, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(newId(), dyad, '2026-11-15', 'I shared how the community garden is going.', 'Robin is a gardener at heart and wants more time for it.', now, now);
}

describe('search, end to end in Chromium', () => {
  it('searches from the keyboard and opens a result', async () => {
    const { host } = await startHost();
    await seed(host);
    const watched = await visit(host);
    const { page } = watched;
    await page.getByRole('heading', { name: 'Your ladder' }).waitFor();

    const search = new SearchPage(page);
    await search.openWithKeyboard();
    await expect.poll(() => search.box().evaluate((el) => el === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'search-empty-light');
    await search.type('gard');
    await search.group('Journal entries').waitFor();
    await search.group('Check-ins').waitFor();
    await expect.poll(() => search.group('Journal entries').getByRole('button').count()).toBe(2);
    expect(await page.locator('mark').first().textContent()).toMatch(/^gard/i);
    // Read aloud as "title, day, rung: snippet", with no space before a comma.
    const heard = await search.group('Journal entries').getByRole('button').first().ariaSnapshot();
    expect(heard).toMatch(/button "The gardener and the critic, [^"]+, Self: …I asked the gardener/);
    expect(heard).not.toMatch(/ [,:]/);
    await saveScreenshot(page, 'search-results-light');

    // Arrow down from the box to the first result, Enter opens it in the journal.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/The gardener and the critic/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Self', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('The gardener and the critic');

    // Back to Search: what was found is still there, and nothing matches an unknown word.
    await search.openWithKeyboard();
    await search.box().fill('');
    await search.type('zebra');
    await page.getByRole('heading', { name: 'Nothing found for “zebra”' }).waitFor();
    await saveScreenshot(page, 'search-nothing-light');

    // Hostile input is searched as plain words.
    await search.box().fill('');
    await search.type('"gardener ( * -');
    await search.group('Journal entries').waitFor();

    expect(watched.foreignRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });

  it('looks right in the dark, with filters', async () => {
    const { host } = await startHost();
    await seed(host);
    const { page, pageErrors } = await visit(host, 'dark');
    await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
    const search = new SearchPage(page);
    await search.openWithKeyboard();
    await search.type('gardener');
    await search.group('Check-ins').waitFor();
    await saveScreenshot(page, 'search-results-dark');
    await page.getByLabel('Rung', { exact: true }).selectOption('self');
    await expect.poll(() => search.group('Check-ins').count()).toBe(0);
    await search.group('Journal entries').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('finds an emoji, says a renegotiated promise as it is now, and whose crew check-in round it was', async () => {
    const { host } = await startHost();
    const call = async (name: string, input: unknown) => {
      const answer = await host.core.handle(name, input);
      if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
      return answer.data as { id: string };
    };
    await call('journal.create', { title: 'Low tide 🌊', body: 'Walked out on the sand at dawn. The sea was far 🌊 and quiet.', entryDate: '2026-11-20' });
    await call('parts.create', { name: 'The surfer', notes: 'Rides every wave 🌊 and never rests.' });
    const me = await call('people.create', { name: 'Ada Lovelace', isMe: true });
    const bea = await call('people.create', { name: 'Bea Okafor' });
    const cy = await call('people.create', { name: 'Cy' });
    const crew = await call('crews.create', { name: 'Thursday case clinic', callerId: me.id, startedOn: '2026-09-01', memberIds: [me.id, bea.id, cy.id] });
    await call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-11-12',
      attendeeIds: [me.id, bea.id, cy.id],
      checkinNotes: [{ personId: me.id, note: 'Tired, but the sea swim 🌊 helped.' }],
    });
    const dyad = await call('dyads.create', { personId: bea.id, kind: 'peer_coach' });
    const promise = await call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'I will send the draft by Friday', madeOn: '2026-11-02' });
    await call('commitments.resolve', { id: promise.id, status: 'renegotiated', newTerms: 'I will send the draft by next Wednesday', newDueOn: null, on: '2026-11-06' });

    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors, foreignRequests } = await visit(host, scheme);
      await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
      const search = new SearchPage(page);
      await search.openWithKeyboard();
      await search.type('🌊');
      await search.group('Journal entries').waitFor();
      await search.group('Parts').waitFor();
      const round = search.group('Check-in rounds').getByRole('button');
      await expect.poll(() => round.getAttribute('aria-label')).toMatch(/^Ada Lovelace \(you\) · Thursday case clinic, [^:]+, Crews: Tired, but the sea swim 🌊 helped\.$/);
      expect(await search.group('Journal entries').locator('mark').first().textContent()).toBe('🌊');
      await saveScreenshot(page, `search-emoji-${scheme}`);

      await search.box().fill('');
      await search.type('friday');
      const promiseHit = search.group('Commitments').getByRole('button');
      await expect.poll(() => promiseHit.getAttribute('aria-label')).toMatch(
        /^My commitment to Bea Okafor, [^:]+, Dyads: now: I will send the draft by next Wednesday \(was: I will send the draft by Friday\)$/,
      );
      await saveScreenshot(page, `search-renegotiated-${scheme}`);
      expect(pageErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    }
  });

  it('shows Settings with backups, export and import', async () => {
    const { host, dataDir } = await startHost();
    await seed(host);
    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors } = await visit(host, scheme);
      const settings = new SettingsPage(page);
      await settings.open();
      await saveScreenshot(page, `settings-top-${scheme}`);
      if (scheme === 'light') {
        await settings.backUpNow();
        // Export through the path field (the browser host has no folder picker).
        await page.getByLabel('Export into this folder').fill(`${dataDir}/exports`);
        await page.getByRole('button', { name: 'Export everything' }).click();
        await page.getByText(/Exported \d+ Markdown files/).waitFor();
      } else {
        await page.getByRole('list', { name: 'Backups' }).getByRole('listitem').first().waitFor();
      }
      await saveScreenshot(page, `settings-${scheme}`);
      await page.getByRole('heading', { name: 'Import' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, `settings-import-${scheme}`);
      expect(pageErrors).toEqual([]);
    }
  });

  it('checks an import first and says when there is nothing new', async () => {
    const { host, dataDir } = await startHost();
    await seed(host);
    const { page, pageErrors } = await visit(host);
    await new SettingsPage(page).open();
    await page.getByLabel('Export into this folder').fill(`${dataDir}/exports`);
    await page.getByRole('button', { name: 'Export everything' }).click();
    const folder = await page.locator('.settings-done code').textContent();
    await page.getByLabel('The JSON file').fill(`${folder}/ladder-archive.json`);
    await page.getByRole('button', { name: 'Check what would change' }).click();
    const nothingNew = page.getByText(/^Everything in it \([\d,]+ records\) is already in your archive\./);
    await nothingNew.waitFor();
    expect(await page.getByRole('table', { name: 'What this import would do' }).count()).toBe(0);
    await nothingNew.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'settings-import-checked-light');
    expect(pageErrors).toEqual([]);
  });
});

describe('a damaged archive, end to end', () => {
  it('says so plainly and restores the newest good backup', async () => {
    const folder = chromium.dataDir();
    const first = await chromium.startHost(folder);
    await seed(first);
    const made = await first.core.handle('backup.now', {});
    expect(made.ok).toBe(true);
    await first.close();
    writeFileSync(archivePath(folder), 'This is not a database any more. '.repeat(100));

    const second = await chromium.startHost(folder);
    for (const scheme of ['dark', 'light'] as const) {
      const { page, pageErrors } = await visit(second, scheme);
      await page.getByRole('heading', { name: 'Your archive is damaged' }).waitFor();
      await saveScreenshot(page, `damaged-${scheme}`);
      if (scheme === 'light') {
        await page.getByRole('button', { name: /^Restore the backup from/ }).click();
        await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
        const search = new SearchPage(page);
        await search.openWithKeyboard();
        await search.type('critic');
        await search.result(/The gardener and the critic/).waitFor();
      }
      expect(pageErrors).toEqual([]);
    }
  });

  it('makes a recovered copy of what can still be read, and puts it in place', async () => {
    const folder = chromium.dataDir();
    const first = await chromium.startHost(folder);
    await seed(first);
    for (let i = 0; i < 150; i += 1) await first.core.handle('journal.create', { title: `Day ${i}`, body: `A few words about day ${i}.`, entryDate: '2026-11-10' });
    const leaf = first.core.archive.sqlite
      .prepare("SELECT pageno FROM dbstat WHERE name = 'entry' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 1")
      .pluck()
      .get() as number;
    await first.close();
    const fd = openSync(archivePath(folder), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (leaf - 1) * 4096);
    closeSync(fd);

    const second = await chromium.startHost(folder);
    for (const scheme of ['dark', 'light'] as const) {
      const { page, pageErrors } = await visit(second, scheme);
      await page.getByRole('heading', { name: 'Your archive is damaged' }).waitFor();
      await page.getByRole('button', { name: 'Make a recovered copy' }).click();
      await page.getByText(/^Recovered \d+ entries/).waitFor();
      await page.getByRole('button', { name: 'Use the recovered copy' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, `damaged-recovered-${scheme}`);
      if (scheme === 'light') {
        await page.getByRole('button', { name: 'Use the recovered copy' }).click();
        await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
        expect(second.core.damaged).toBeNull();
      }
      expect(pageErrors).toEqual([]);
    }
  });
});
