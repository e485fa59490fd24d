import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const { dataDir, startHost, visit } = useChromium();

const text = (page: Page, value: string | RegExp) => page.getByText(value).first();

describe('crews, end to end in Chromium', () => {
  it('calls a crew of four, holds two meetings, prepares the third, and closes the crew gracefully', async () => {
    const folder = dataDir();
    const host = await startHost(folder);
    const light = await visit(host, 'light');
    const { page } = light;
    const crews = new CrewsPage(page);

    await crews.open();
    await crews.callCrew({ name: 'Thursday crew', intention: 'Six case clinics, one for each of us, then a retro.', newMembers: ['Ada', 'Bea', 'Cy'], sessions: '6', rhythmDays: '14' });
    expect(await page.getByRole('table').getByRole('rowheader').allTextContents()).toEqual(['Me', 'Ada', 'Bea', 'Cy']);

    // Meeting 1: two items on the agenda, only one covered; an action item for Bea.
    await crews.openPrep();
    await crews.addAgendaItem('Budget for the retreat', { raisedBy: 'Ada' });
    await crews.addAgendaItem('Introductions');
    await crews.recordMeeting({ place: 'Bea’s kitchen', covered: ['Introductions'], actionItems: [{ text: 'Book a room for the retreat', owner: 'Bea' }] });

    // Meeting 2: nothing covered; the budget carries again and the action item stays open.
    await crews.openPrep();
    await expect.poll(() => text(page, 'carried over once').isVisible()).toBe(true);
    await crews.recordMeeting({ place: 'Online', covered: [] });

    // The prep for meeting 3.
    await crews.openPrep();
    const carried = page.getByRole('list', { name: 'Carried over' });
    await expect.poll(() => carried.textContent()).toMatch(/Budget for the retreat.*raised by Ada.*carried over 2 times/);
    await expect.poll(() => page.getByRole('region', { name: 'Open action items' }).textContent()).toContain('Book a room for the retreat');
    expect(await text(page, 'Session 3 of 6').isVisible()).toBe(true);
    const hostFact = page.locator('.crews-fact').filter({ hasText: 'Suggested host' });
    expect(await hostFact.textContent()).toContain('Bea');
    await crews.addAgendaItem('Feeling stretched this month', { private: true });
    await crews.addAgendaItem('Holidays', { raisedBy: 'Cy' });
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-prep-light');

    // The shared prep leaves private items out; saved as a file where the person says.
    await page.getByRole('button', { name: 'Save as Markdown…' }).click();
    await page.getByLabel('Folder').fill(folder);
    await page.getByRole('button', { name: 'Save the file' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved to');

    // Dark: the Crews page and the prep.
    const dark = await visit(host, 'dark');
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await saveScreenshot(dark.page, 'crews-page-dark');
    await darkCrews.openCrew('Thursday crew');
    await darkCrews.openPrep();
    // The private item is marked as mine; the shared one is not.
    expect(await dark.page.getByRole('listitem').filter({ hasText: 'Holidays' }).textContent()).not.toContain('Private');
    await saveScreenshot(dark.page, 'crews-prep-dark');

    // The retrospective: closing needs a closing note, then the crew closes gracefully.
    await page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await crews.fillRetrospective({ worked: 'Honest listening.', didNotWork: 'Evenings were too late.', change: 'Meet in the morning.', decision: 'Close gracefully', closingNote: '' });
    await crews.saveRetrospective();
    await expect.poll(() => text(page, 'Closing asks for a short closing note.').isVisible()).toBe(true);
    await page.getByLabel('Closing note').fill('Six good sessions. We each found what we came for.');
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-retrospective-form-light');
    await darkCrews.page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await darkCrews.fillRetrospective({ worked: 'Honest listening.', didNotWork: 'Evenings were too late.', change: 'Meet in the morning.', decision: 'Close gracefully', closingNote: 'Six good sessions.' });
    await darkCrews.scrollToTop();
    await saveScreenshot(dark.page, 'crews-retrospective-form-dark');
    await crews.saveRetrospective();
    await page.getByRole('region', { name: 'Closing note' }).waitFor();
    await crews.dismissToasts();
    await page.getByRole('region', { name: 'Retrospectives' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-retrospective-light');
    // The dark page shows the closed crew's whole history too.
    await darkCrews.page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await darkCrews.page.getByRole('region', { name: 'Retrospectives' }).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'crews-retrospective-dark');
    expect(await text(page, 'Six good sessions. We each found what we came for.').isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Stage history' }).textContent()).toMatch(/Calling.*Meeting.*Retrospective.*Closed gracefully/);

    await page.getByRole('button', { name: 'Back to Crews' }).click();
    await page.getByRole('heading', { name: 'Past crews' }).waitFor();
    await crews.dismissToasts();
    await saveScreenshot(page, 'crews-page-light');

    expect(light.foreignRequests).toEqual([]);
    expect(light.pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  }, 120_000);
});
