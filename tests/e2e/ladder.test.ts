import type { RequestName } from '../../shared/contract';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { useChromium } from './support/session';
import { JournalPage } from './support/journal-page';
import { CongregationsPage, LadderPage } from './support/ladder-page';

const { startHost, visit } = useChromium();

async function handle(host: BrowserHost, name: RequestName, input: unknown) {
  const result = await host.core.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as { id: string };
}

describe('the ladder home, end to end in Chromium', () => {
  it('invites on an empty archive, changes with a congregation, a gathering and a crew, and lists a reflection on its rung', async () => {
    const host = await startHost();
    const { page, foreignRequests, pageErrors } = await visit(host, 'light');
    const ladder = new LadderPage(page);
    await page.getByRole('heading', { name: /Welcome/ }).waitFor();
    expect(await ladder.rung('Congregations').textContent()).toContain('No congregations yet.');
    await page.getByRole('button', { name: 'Reflect on Self' }).waitFor();
    await saveScreenshot(page, 'ladder-home-empty-light');

    // A congregation, but no crew yet: the ladder notices, kindly.
    const congregations = new CongregationsPage(page);
    await congregations.open();
    await congregations.add({ name: 'Riverside Commons', about: 'Neighbours practising microsolidarity', size: '60', role: 'Member' });
    await ladder.open();
    await ladder.signals().getByText(/part of Riverside Commons but not in a crew yet/).waitFor();
    expect(await ladder.rung('Congregations').textContent()).toContain('1 congregation · 0 crews in them');

    // A crew (called on the Crews rung) placed in the congregation, and a gathering eight days ago.
    await handle(host, 'crews.create', { name: 'Thursday crew', startedOn: localDay(-20) });
    await ladder.signals().getByRole('button', { name: 'See who seems crewless' }).click();
    await page.getByRole('heading', { name: 'Riverside Commons', level: 1 }).waitFor();
    await congregations.placeCrew('Thursday crew');
    await congregations.addGathering({
      name: 'Autumn gathering',
      date: localDay(-8),
      place: 'The old mill',
      newCrewmates: ['Ana', 'Ben'],
      harvest: 'Lots of energy for new crews.',
    });
    await page.getByRole('note').getByText(/A week has passed since this gathering/).waitFor();
    expect(await page.getByRole('list', { name: 'Who seems crewless' }).textContent()).toMatch(/Ana.*Ben/);

    await ladder.open();
    await ladder.signals().getByText(/about a week since Autumn gathering/).waitFor();
    expect(await ladder.signals().getByText(/not in a crew yet/).count()).toBe(0);
    expect(await ladder.rung('Congregations').textContent()).toContain('1 congregation · 1 crew in them');
    expect(await ladder.rung('Crews').textContent()).toContain('1 crew · 1 calling');

    // "Reflect" on a rung: the entry is tagged with it, and the rung lists it.
    await ladder.reflectOn('Congregations');
    const journal = new JournalPage(page);
    await journal.write({ title: 'After the gathering', body: 'Ana and Ben both want a crew. I could call one.' });
    await journal.waitUntilSaved();
    await congregations.open();
    await congregations.reflections().getByRole('button', { name: /After the gathering/ }).waitFor();

    await page.getByRole('button', { name: 'Riverside Commons' }).click();
    await page.getByRole('list', { name: 'Gatherings' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.toast').length === 0, null, { timeout: 10_000 }).catch(() => undefined);
    await saveScreenshot(page, 'congregation-light');
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);

    // Fresh windows (no toasts left over) for the pictures of the home.
    for (const scheme of ['light', 'dark'] as const) {
      const fresh = await visit(host, scheme);
      await fresh.page.getByRole('list', { name: 'Worth a look' }).waitFor();
      await fresh.page.getByRole('button', { name: 'Reflect on Network' }).waitFor();
      await saveScreenshot(fresh.page, `ladder-home-${scheme}`);
      // Every "Go to …" button shows its whole name (the longest, Congregations, was once cut off).
      const clipped = await fresh.page
        .getByRole('button', { name: /^Go to / })
        .evaluateAll((buttons) => buttons.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent));
      expect(clipped).toEqual([]);
      expect(fresh.pageErrors).toEqual([]);
    }
  });

  it('draws the belonging map, readable with 50+ people, in light and dark', async () => {
    const host = await startHost();
    await handle(host, 'people.create', { name: 'Sam', isMe: true });
    const names = ['Ada Lovelace', 'Bea', 'Cato', 'Dmitri Ivanov', 'Efua', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kemi', 'Lior', 'Mara', 'Nikolai'];
    for (let i = 0; i < 56; i += 1) {
      const person = await handle(host, 'people.create', { name: i < names.length ? names[i] : `Friend ${i + 1}` });
      if (i < 18) await handle(host, 'dyads.create', { personId: person.id, kind: i % 3 === 0 ? 'peer_coach' : 'friend' });
    }
    for (const name of ['Thursday crew', 'Case clinic', 'Gardeners', 'Writers’ circle']) await handle(host, 'crews.create', { name, startedOn: localDay(-30) });
    for (const [name, size] of [
      ['Riverside Commons', 60],
      ['Enspiral', 150],
      ['Local hosts', 25],
    ] as const)
      await handle(host, 'congregations.create', { name, size, role: 'member', since: localDay(-100) });

    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors } = await visit(host, scheme);
      const ladder = new LadderPage(page);
      await ladder.openMap();
      const map = page.getByRole('group', { name: 'Belonging map' });
      await map.getByRole('button', { name: 'Dyad with Ada Lovelace (peer coach)' }).waitFor();
      expect(await map.getByRole('button', { name: /more dyads/ }).count()).toBe(1);
      await map.getByRole('button', { name: /^Congregation Enspiral/ }).focus();
      await saveScreenshot(page, `belonging-map-${scheme}`);
      expect(pageErrors).toEqual([]);
      if (scheme === 'light') {
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Enspiral', level: 1 }).waitFor();
      }
    }
  });
});
