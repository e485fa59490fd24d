import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const chromium = useChromium();

async function openMeeting(page: Page, number: number) {
  await page.getByRole('button', { name: new RegExp(`^Meeting ${number} · `) }).click();
  await page.getByRole('heading', { name: new RegExp(`^Meeting ${number} · `), level: 1 }).waitFor();
}

describe('crews: a past meeting, editing the crew, and preparing by hand, in Chromium', () => {
  it('reads and corrects a past meeting, adds a member, sets the next date by hand and shares my case', async () => {
    const folder = chromium.dataDir();
    const host = await chromium.startHost();
    const light = await chromium.visit(host, 'light');
    const { page } = light;
    const crews = new CrewsPage(page);

    await crews.open();
    await crews.callCrew({ name: 'Thursday crew', intention: 'Six case clinics, then a retro.', newMembers: ['Ada', 'Bea', 'Cy'], sessions: '6', rhythmDays: '14' });

    // A meeting with check-in notes and an action item.
    await crews.openPrep();
    await crews.addAgendaItem('Budget for the retreat', { raisedBy: 'Ada' });
    await page.getByRole('button', { name: 'Record this meeting' }).click();
    await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    await page.getByLabel('Place').fill('Bea’s kitchen');
    await page.getByLabel('Check-in note for Ada').fill('Glad to be here');
    await page.getByLabel('Check-in note for Cy').fill('Tired after a long week');
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.getByLabel('Action item 1', { exact: true }).fill('Book a room for the retreat');
    await page.getByLabel('Owner of action item 1').selectOption({ label: 'Bea' });
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.getByRole('button', { name: 'Prepare the next meeting' }).waitFor();

    // Open it again from the crew's list and read the check-in notes.
    await openMeeting(page, 1);
    expect(await page.getByLabel('Check-in note for Ada').inputValue()).toBe('Glad to be here');
    expect(await page.getByLabel('Check-in note for Cy').inputValue()).toBe('Tired after a long week');
    expect(await page.getByRole('region', { name: 'Action items' }).textContent()).toContain('Book a room for the retreat');
    // A correction saves itself.
    await page.getByLabel('Notes').fill('We agreed to meet in the mornings from now on.');
    await page.getByRole('checkbox', { name: /Budget for the retreat/ }).check();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Saved');
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-meeting-light');

    // Edit the crew: Dan joins.
    await page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await page.getByRole('button', { name: 'Edit crew' }).click();
    await page.getByRole('heading', { name: 'Edit crew', level: 1 }).waitFor();
    await page.getByLabel('Someone new').fill('Dan');
    await page.getByRole('button', { name: 'Add to the crew' }).click();
    await page.getByRole('checkbox', { name: 'Dan', exact: true }).waitFor();
    await page.getByLabel('Agreements (one per line)').fill('What is said here stays here.\nPhones away.');
    await saveScreenshot(page, 'crews-edit-light');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('heading', { name: 'Thursday crew', level: 1 }).waitFor();
    expect(await page.getByRole('table').getByRole('rowheader').allTextContents()).toEqual(['Me', 'Ada', 'Bea', 'Cy', 'Dan']);
    expect(await page.getByText('Phones away.').isVisible()).toBe(true);

    // The prep: the date set by hand, and I take the focus and write my case.
    await crews.openPrep();
    await page.getByRole('button', { name: 'Set the date, place, host or focus' }).click();
    const plan = page.getByRole('form', { name: 'Plan the next meeting' });
    await plan.getByLabel('Next meeting on').fill('2030-03-14');
    await plan.getByLabel('Place').fill('The park café');
    await plan.getByLabel('Focus (case-giver)').selectOption({ label: 'Me' });
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('set by hand').waitFor();
    expect(await page.locator('.crews-fact').filter({ hasText: 'Date' }).textContent()).toContain('2030');
    await page.getByRole('heading', { name: 'You are the focus: your case' }).waitFor();
    await page.getByLabel('The situation').fill('I am deciding whether to move abroad next spring.');
    await page.getByLabel('Who is involved').fill('My partner, my parents, my team.');
    await page.getByLabel('The future I want').fill('A choice we both feel good about.');
    await page.getByLabel('My learning edge').fill('Letting others see me undecided.');
    await page.getByLabel('The help I ask for').fill('Questions, not advice.');
    await expect.poll(() => page.getByRole('status', { name: 'Your case' }).textContent()).toBe('Saved');
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-prep-plan-light');
    await page.getByRole('region', { name: 'You are the focus: your case' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-prep-case-light');

    // The case goes into the shared Markdown.
    await page.getByRole('button', { name: 'Save as Markdown…' }).click();
    await page.getByLabel('Folder').fill(folder);
    await page.getByRole('button', { name: 'Save the file' }).click();
    await expect.poll(() => page.getByText(/Saved to/).count()).toBe(1);
    const file = readdirSync(folder).find((name) => name.endsWith('.md'));
    expect(file).toBe('Thursday crew - next meeting 2030-03-14.md');
    const markdown = readFileSync(path.join(folder, file!), 'utf8');
    expect(markdown).toContain('- **Place:** The park café');
    expect(markdown).toContain('## My case');
    expect(markdown).toContain('### The help I ask for\n\nQuestions, not advice.');

    // Dark: the same three screens.
    const dark = await chromium.visit(host, 'dark');
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await darkCrews.openCrew('Thursday crew');
    await openMeeting(dark.page, 1);
    expect(await dark.page.getByLabel('Notes').inputValue()).toBe('We agreed to meet in the mornings from now on.');
    await saveScreenshot(dark.page, 'crews-meeting-dark');
    await dark.page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await dark.page.getByRole('button', { name: 'Edit crew' }).click();
    await dark.page.getByRole('checkbox', { name: 'Cy', exact: true }).uncheck();
    await dark.page.getByRole('note').waitFor();
    await saveScreenshot(dark.page, 'crews-edit-dark');
    // Cancel lets the change go, once asked (the change is kept until then).
    await dark.page.getByRole('button', { name: 'Cancel' }).click();
    await dark.page.getByRole('alertdialog', { name: 'Discard this draft?' }).getByRole('button', { name: 'Discard' }).click();
    await darkCrews.openPrep();
    await dark.page.getByRole('region', { name: 'You are the focus: your case' }).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'crews-prep-case-dark');
    expect(await dark.page.getByLabel('The situation').inputValue()).toBe('I am deciding whether to move abroad next spring.');

    expect(light.foreignRequests).toEqual([]);
    expect(light.pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  }, 120_000);
});
