import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const chromium = useChromium();

describe('crews in Chromium: what looks back on meetings waits for the first one', () => {
  it('offers the retrospective only once a meeting is recorded, and its address says why', async () => {
    const host = await chromium.startHost();
    const { page } = await chromium.visit(host, 'light');
    const crews = new CrewsPage(page);
    await crews.open();
    await crews.callCrew({ name: 'Morning mastermind', newMembers: ['Dee', 'Eli'], rhythmDays: '14', sessions: '6' });

    // Nothing to look back on yet: neither the button nor the stage is offered.
    await page.getByRole('button', { name: 'Record a meeting' }).waitFor();
    expect(await page.getByRole('button', { name: 'Run the retrospective' }).count()).toBe(0);
    expect(await page.getByLabel('Move to').locator('option', { hasText: 'Retrospective' }).count()).toBe(0);

    // The retrospective's address (a kept link, a reload) says so before any words are typed.
    await page.goto(page.url().replace('#/crews/crew/', '#/crews/retrospective/'));
    await page.getByText(/none is recorded in cycle 1 yet/).waitFor();
    expect(await page.getByRole('button', { name: 'Save the retrospective' }).count()).toBe(0);
    await saveScreenshot(page, 'crews-retro-before-first-meeting-light');
    await page.getByRole('button', { name: 'Record a meeting' }).click();
    await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.getByRole('button', { name: 'Prepare the next meeting' }).waitFor();

    await crews.fillRetrospective({ worked: 'Showing up', didNotWork: 'Late starts', change: 'Start on time', decision: 'Pause' });
    await page.getByRole('button', { name: 'Save the retrospective' }).click();
    await page.getByRole('heading', { name: 'Morning mastermind', level: 1 }).waitFor();
    await page.getByRole('article', { name: /^Retrospective: Cycle 1/ }).getByText('Showing up').waitFor();
  });
});
