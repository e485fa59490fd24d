import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const chromium = useChromium();

/** Whether a text field's placeholder fits inside it, measured in the field's own font. */
const placeholderFits = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((element) => {
    const input = element as HTMLInputElement;
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  });

describe('crews: adding one thing inside a bigger form, in Chromium', () => {
  it('Enter adds a person to the crew being called; the agenda form starts afresh; a private item has no raiser', async () => {
    const host = await chromium.startHost();
    const light = await chromium.visit(host, 'light');
    const { page } = light;
    const crews = new CrewsPage(page);

    await crews.open();
    await page.getByRole('button', { name: 'Call a crew' }).first().click();
    await page.getByRole('heading', { name: 'Call a crew', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Thursday case clinic');
    await page.getByLabel('Intention').fill('Six case clinics, then a retro.');
    // Keyboard only: type a name, press Enter, and the next one.
    for (const name of ['Ada', 'Bea']) {
      await page.getByLabel('Someone new').fill(name);
      await page.getByLabel('Someone new').press('Enter');
      await page.getByRole('checkbox', { name, exact: true }).waitFor();
      expect(await page.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
    }
    expect(await page.getByLabel('Someone new').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('heading', { name: 'Call a crew', level: 1 }).isVisible()).toBe(true);
    await page.getByLabel('Agreements (one per line)').fill('What is said here stays here.\nPhones away.');
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-call-enter-light');
    await page.getByRole('button', { name: 'Call this crew' }).click();
    await page.getByRole('heading', { name: 'Thursday case clinic', level: 1 }).waitFor();
    expect(await page.getByRole('table').getByRole('rowheader').allTextContents()).toEqual(['Me', 'Ada', 'Bea']);
    expect(await page.getByText('Me (me)').count()).toBe(0);

    // The prep: a shared item raised by Ada, then my own private one.
    await crews.openPrep();
    await crews.addAgendaItem('Budget for the retreat', { raisedBy: 'Ada' });
    const raisedBy = page.getByLabel('Raised by');
    expect(await raisedBy.inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Agenda item').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Agenda item').fill('Ask about my wobbly confidence');
    await page.getByRole('checkbox', { name: 'Private (my own prep; never shared)' }).check();
    expect(await raisedBy.isDisabled()).toBe(true);
    await crews.dismissToasts();
    await page.getByRole('region', { name: 'Agenda' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-agenda-private-light');
    await page.getByLabel('Agenda item').press('Enter');
    const mine = page.getByRole('listitem').filter({ hasText: 'Ask about my wobbly confidence' });
    await mine.waitFor();
    expect(await mine.textContent()).not.toContain('raised by');
    expect(await page.getByRole('listitem').filter({ hasText: 'Budget for the retreat' }).textContent()).toContain('raised by Ada');
    expect(await page.getByText('If I called a crew', { exact: false }).count()).toBe(0);
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-prep-prompt-light');

    // Record a meeting: the place fits its field; my own row asks how I arrived.
    await page.getByRole('button', { name: 'Record this meeting' }).click();
    await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    expect(await placeholderFits(page, 'Place')).toBe(true);
    expect(await page.getByLabel('My check-in note').getAttribute('placeholder')).toBe('How I arrived');
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.getByLabel('Action item 1', { exact: true }).fill('Book the hall');
    await page.getByLabel('Action item 1', { exact: true }).press('Enter');
    expect(await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).isVisible()).toBe(true);
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-record-light');

    // Dark: the same screens.
    const dark = await chromium.visit(host, 'dark');
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await darkCrews.openCrew('Thursday case clinic');
    await saveScreenshot(dark.page, 'crews-crew-dark');
    await darkCrews.openPrep();
    await dark.page.getByRole('checkbox', { name: 'Private (my own prep; never shared)' }).check();
    await dark.page.getByRole('region', { name: 'Agenda' }).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'crews-agenda-private-dark');
    await dark.page.getByRole('button', { name: 'Record this meeting' }).click();
    await dark.page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    expect(await placeholderFits(dark.page, 'Place')).toBe(true);
    await saveScreenshot(dark.page, 'crews-record-dark');

    expect(light.foreignRequests).toEqual([]);
    expect(light.pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  }, 120_000);

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds someone by name among many while calling a crew (${scheme})`, async () => {
      const host = await chromium.startHost();
      for (let i = 1; i <= 40; i += 1) await host.core.handle('people.create', { name: `Neighbour ${String(i).padStart(2, '0')}` });
      await host.core.handle('people.create', { name: 'Zoë Okafor' });
      const { page, pageErrors } = await chromium.visit(host, scheme);
      const crews = new CrewsPage(page);
      await crews.open();
      await page.getByRole('button', { name: 'Call a crew' }).first().click();
      const members = page.getByRole('group', { name: 'Members' });
      await members.getByRole('checkbox', { name: 'Neighbour 40' }).waitFor();
      await members.getByRole('checkbox', { name: 'Neighbour 07' }).check();
      await members.getByLabel('Find someone by name').fill('zoe');
      await expect.poll(() => members.getByRole('checkbox').count()).toBe(3);
      await members.getByRole('checkbox', { name: 'Zoë Okafor' }).check();
      await saveScreenshot(page, `crews-call-find-someone-${scheme}`);
      expect(await members.getByRole('checkbox', { name: 'Neighbour 07' }).isChecked()).toBe(true);
      expect(pageErrors).toEqual([]);
    });
  }
});
