import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { SearchPage } from './support/search-page';
import { useChromium } from './support/session';

const chromium = useChromium();

/** The accessible name of whatever has focus. */
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? null);

describe('crews: correcting agenda items and action items, in Chromium', () => {
  it('corrects a mistyped action item and agenda item in place, with Enter, Escape and an error beside its field', async () => {
    const host = await chromium.startHost();
    const light = await chromium.visit(host, 'light');
    const { page } = light;
    const crews = new CrewsPage(page);

    await crews.open();
    await crews.callCrew({ name: 'Thursday crew', intention: 'Six case clinics, then a retro.', newMembers: ['Ada', 'Bea', 'Cy'], sessions: '6', rhythmDays: '14' });
    await crews.openPrep();
    await crews.addAgendaItem('Bugdet for the retreat', { raisedBy: 'Ada' });
    await crews.recordMeeting({ place: 'Bea’s kitchen', covered: [], actionItems: [{ text: 'Book the hal', owner: 'Ada' }] });

    // The crew view: correct the action item's text, owner and date; Enter saves.
    await page.getByRole('button', { name: 'Edit “Book the hal”' }).click();
    const action = page.getByRole('form', { name: 'Edit the action item “Book the hal”' });
    expect(await focusedName(page)).not.toBeNull();
    await action.getByLabel('Text').fill('Book the hall');
    await action.getByLabel('Owner').selectOption({ label: 'Bea' });
    await action.getByLabel('Due date (optional)').fill('2030-03-10');
    await crews.dismissToasts();
    await saveScreenshot(page, 'crews-item-edit-action-light');
    await action.getByLabel('Text').press('Enter');
    const edit = page.getByRole('button', { name: 'Edit “Book the hall”' });
    await edit.waitFor();
    await expect.poll(() => focusedName(page)).toBe('Edit “Book the hall”');
    expect(await page.getByRole('listitem').filter({ hasText: 'Book the hall' }).textContent()).toContain('Bea · by ');

    // Escape leaves it as it was and gives focus back to Edit.
    await edit.click();
    await page.getByRole('form', { name: 'Edit the action item “Book the hall”' }).getByLabel('Text').fill('Something else');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('Edit “Book the hall”');
    expect(await page.getByRole('form', { name: /Edit the action item/ }).count()).toBe(0);

    // The prep: an agenda item; an empty text is refused beside the field, then corrected.
    await crews.openPrep();
    await page.getByRole('button', { name: 'Edit “Bugdet for the retreat”' }).click();
    const agenda = page.getByRole('form', { name: 'Edit the agenda item “Bugdet for the retreat”' });
    await agenda.getByLabel('Text').fill('');
    await agenda.getByRole('button', { name: 'Save' }).click();
    await agenda.getByRole('alert').filter({ hasText: 'This cannot be empty.' }).waitFor();
    await crews.dismissToasts();
    await page.getByRole('region', { name: 'Agenda' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-item-edit-agenda-error-light');
    await agenda.getByLabel('Text').fill('Budget for the retreat');
    await agenda.getByLabel('Raised by').selectOption({ label: 'Cy' });
    await agenda.getByLabel('Private (my own prep; never shared)').check();
    // A private item is my own prep: nobody raised it.
    expect(await agenda.getByLabel('Raised by').isDisabled()).toBe(true);
    await agenda.getByLabel('Private (my own prep; never shared)').press('Enter');
    await page.getByRole('button', { name: 'Edit “Budget for the retreat”' }).waitFor();
    const row = page.getByRole('listitem').filter({ hasText: 'Budget for the retreat' });
    expect(await row.textContent()).not.toContain('raised by');
    expect(await row.textContent()).toContain('Private · only in my prep');
    await crews.dismissToasts();
    await saveScreenshot(page, 'crews-item-edit-prep-light');

    // The meeting view lists its action items too.
    await page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await page.getByRole('button', { name: /^Meeting 1 · / }).click();
    await page.getByRole('heading', { name: /^Meeting 1 · /, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit “Book the hall”' }).click();
    const inMeeting = page.getByRole('form', { name: 'Edit the action item “Book the hall”' });
    await inMeeting.getByLabel('Text').fill('Book the hall for March');
    await inMeeting.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-item-edit-meeting-light');
    await inMeeting.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit “Book the hall for March”' }).waitFor();

    // Search follows: the new words are found, the old ones are not.
    const search = new SearchPage(page);
    await search.openWithKeyboard();
    await search.type('hall');
    await search.group('Action items').waitFor();
    expect(await search.group('Action items').textContent()).toContain('hall');
    await search.box().fill('"hal"');
    await expect.poll(() => search.group('Action items').count()).toBe(0);

    // Dark: the same forms, an error showing.
    const dark = await chromium.visit(host, 'dark');
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await darkCrews.openCrew('Thursday crew');
    await dark.page.getByRole('button', { name: 'Edit “Book the hall for March”' }).click();
    const darkAction = dark.page.getByRole('form', { name: 'Edit the action item “Book the hall for March”' });
    await darkAction.getByLabel('Text').fill('   ');
    await darkAction.getByLabel('Text').press('Enter');
    await darkAction.getByRole('alert').waitFor();
    await saveScreenshot(dark.page, 'crews-item-edit-action-dark');
    await dark.page.keyboard.press('Escape');
    await darkCrews.openPrep();
    await dark.page.getByRole('button', { name: 'Edit “Budget for the retreat”' }).click();
    await dark.page.getByRole('region', { name: 'Agenda' }).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'crews-item-edit-agenda-dark');

    expect(light.foreignRequests).toEqual([]);
    expect(light.pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  }, 120_000);
});
