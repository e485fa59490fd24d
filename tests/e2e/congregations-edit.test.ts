import type { RequestName } from '../../shared/contract';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { CongregationsPage } from './support/ladder-page';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

async function handle(host: BrowserHost, name: RequestName, input: unknown) {
  const result = await host.core.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as { id: string };
}

/** A congregation with a gathering, a lesson and people, and a network it belongs to. */
async function seed(host: BrowserHost) {
  const c = await handle(host, 'congregations.create', { name: 'Riverside Comons', about: 'Neighbours', size: 60, role: 'member', since: localDay(-200) });
  const ana = await handle(host, 'people.create', { name: 'Ana' });
  const robin = await handle(host, 'people.create', { name: 'Robin' });
  await handle(host, 'congregations.addPeople', { congregationId: c.id, personIds: [ana.id, robin.id] });
  await handle(host, 'gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: localDay(-3), place: 'The old mill', possibleCrewmateIds: [ana.id] });
  await handle(host, 'lessons.share', { congregationId: c.id, text: 'Six sessions is a good first cycle.', sharedOn: localDay(-1) });
  const n = await handle(host, 'networks.create', { name: 'Hosts circle' });
  await handle(host, 'networks.addCongregation', { networkId: n.id, congregationId: c.id });
  await handle(host, 'practices.add', { networkId: n.id, name: 'Troika consulting', learnedFrom: 'Liberating Structures' });
  return c;
}

describe('editing and deleting on the Congregations and Network pages, end to end in Chromium', () => {
  it('renames a congregation, deletes a gathering and undoes it, deletes a lesson, and deletes a network after confirming', async () => {
    const host = await startHost();
    await seed(host);
    const { page, foreignRequests, pageErrors } = await visit(host, 'light');
    const congregations = new CongregationsPage(page);
    await congregations.open();
    await congregations.openCongregation('Riverside Comons');

    // Fix a typo in the name.
    await page.getByRole('button', { name: 'Edit congregation' }).click();
    const form = page.getByRole('form', { name: 'Edit congregation' });
    await form.getByLabel('Name').fill('Riverside Commons');
    await form.getByLabel('What it is about').fill('Neighbours practising microsolidarity');
    await form.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Riverside Commons', level: 1 }).waitFor();

    // Delete a gathering, then bring it back with Undo.
    const gatherings = page.getByRole('list', { name: 'Gatherings' });
    await gatherings.getByRole('button', { name: /^Delete Autumn gathering on/ }).click();
    await gatherings.getByRole('heading', { name: /Autumn gathering/ }).waitFor({ state: 'detached' });
    await congregations.undo('Autumn gathering deleted').click();
    await gatherings.getByRole('heading', { name: /Autumn gathering/ }).waitFor();

    // Delete a lesson (and let it go).
    const lessons = page.getByRole('list', { name: 'Lessons to share' });
    await lessons.getByRole('button', { name: 'Delete the lesson “Six sessions is a good first cycle.”' }).click();
    await lessons.getByText('Six sessions is a good first cycle.').waitFor({ state: 'detached' });
    const search = (await host.core.handle('search.query', { text: 'sessions' })) as { ok: true; data: { groups: unknown[] } };
    expect(search.data.groups).toEqual([]);

    // Delete a network, after confirming.
    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Network' }).click();
    await page.getByRole('list', { name: 'Your networks' }).getByRole('button', { name: /^Hosts circle/ }).click();
    await page.getByRole('heading', { name: 'Hosts circle', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Delete network…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete Hosts circle?' });
    expect(await dialog.textContent()).toContain('Hosts circle leaves your Network page, with its 1 adapted practice.');
    expect(await dialog.textContent()).toContain('Riverside Commons stays in your archive, untouched; only their place in this network goes.');
    await dialog.getByRole('button', { name: 'Delete network' }).click();
    await page.getByRole('heading', { name: 'No networks yet' }).waitFor();

    const detail = (await host.core.handle('congregations.list', {})) as { ok: true; data: { name: string; about: string }[] };
    expect(detail.data.map((c) => [c.name, c.about])).toEqual([['Riverside Commons', 'Neighbours practising microsolidarity']]);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the edit form and the confirmation, in light and dark', async () => {
    const host = await startHost();
    await seed(host);
    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors } = await visit(host, scheme);
      const congregations = new CongregationsPage(page);
      await congregations.open();
      await congregations.openCongregation('Riverside Comons');
      await page.getByRole('button', { name: 'Edit congregation' }).click();
      await page.getByRole('form', { name: 'Edit congregation' }).waitFor();
      await saveScreenshot(page, `congregation-edit-${scheme}`);
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('button', { name: 'Delete congregation…' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Delete Riverside Comons?' });
      await dialog.waitFor();
      await saveScreenshot(page, `congregation-delete-confirm-${scheme}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      // The rows with Edit, Delete and Remove, scrolled into view.
      await page.getByRole('list', { name: 'Gatherings' }).scrollIntoViewIfNeeded();
      await saveScreenshot(page, `congregation-rows-${scheme}`);

      // The network, with Remove beside each congregation and Edit/Delete on each practice.
      await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Network' }).click();
      await page.getByRole('list', { name: 'Your networks' }).getByRole('button', { name: /^Hosts circle/ }).click();
      await page.getByRole('button', { name: 'Remove Riverside Comons from Hosts circle' }).waitFor();
      await page.getByRole('button', { name: 'Delete network…' }).click();
      await page.getByRole('alertdialog', { name: 'Delete Hosts circle?' }).waitFor();
      await saveScreenshot(page, `network-delete-confirm-${scheme}`);
      await page.getByRole('button', { name: 'Keep it' }).click();
      await page.getByRole('button', { name: 'Rename network' }).click();
      await page.getByRole('form', { name: 'Rename network' }).waitFor();
      await saveScreenshot(page, `network-rename-${scheme}`);
      expect(pageErrors).toEqual([]);
    }
  });

  it('keeps the "Add people I know here" editor inside its card, wide and narrow, in light and dark', async () => {
    const host = await startHost();
    const c = await handle(host, 'congregations.create', { name: 'Test size', since: localDay(-10) });
    for (const name of ['Ana Torres', 'Ben Okafor', 'Cleo Park', 'Dev Shah', 'Eli Moss', 'Fay Wong']) await handle(host, 'people.create', { name });
    expect(c.id).toBeTruthy();
    for (const scheme of ['light', 'dark'] as const) {
      const { page, pageErrors } = await visit(host, scheme);
      const congregations = new CongregationsPage(page);
      await congregations.open();
      await congregations.openCongregation('Test size');
      await page.getByRole('button', { name: 'Add people I know here' }).click();
      const panel = page.getByRole('region', { name: 'People I know here' });
      const picker = panel.getByRole('group', { name: 'People I know here' });
      for (const name of ['Ana Torres', 'Ben Okafor', 'Cleo Park', 'Dev Shah', 'Eli Moss', 'Fay Wong']) await picker.getByRole('checkbox', { name }).check();
      for (const width of [1280, 1000, 760]) {
        await page.setViewportSize({ width, height: 800 });
        const card = await panel.boundingBox();
        const inside: { what: string; right: number }[] = await panel
          .locator('.form-card, .people-picker, .button, input')
          .evaluateAll((elements) => elements.map((element) => ({ what: element.getAttribute('class') ?? element.tagName, right: element.getBoundingClientRect().right })));
        if (!card) throw new Error('no People I know here panel');
        // Everything in the panel ends at or before the panel's own edge.
        const edge = card.x + card.width + 0.5;
        expect({ width, over: inside.filter((box) => box.right > edge).map((box) => box.what) }).toEqual({ width, over: [] });
        if (width === 1280) {
          await panel.scrollIntoViewIfNeeded();
          await saveScreenshot(page, `congregation-add-people-${scheme}`);
        }
      }
      expect(pageErrors).toEqual([]);
    }
  });
});
