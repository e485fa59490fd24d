import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

const box = async (locator: Locator) => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
};

/** The tops of the prep's four fact cards, rounded: which share a row. */
const factTops = async (page: Page) => Promise.all([0, 1, 2, 3].map(async (i) => Math.round((await box(page.locator('.crews-fact').nth(i))).y)));

describe('crews in a 900px-wide window, in the dark', () => {
  it('lays the prep facts out two by two (never three and one alone), and a meeting’s host and focus side by side', async () => {
    const host = await startHost();
    const { page, pageErrors } = await visit(host, 'dark');
    await page.setViewportSize({ width: 900, height: 800 });
    const crews = new CrewsPage(page);
    await crews.open();
    await crews.callCrew({ name: 'Narrow crew', newMembers: ['Ada', 'Bea'], sessions: '6', rhythmDays: '14' });
    await crews.openPrep();
    await page.getByRole('button', { name: 'Set the date, place, host or focus' }).click();
    await page.getByLabel('Place').fill('Online');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('Date and place').waitFor();

    const [date, session, hostFact, focus] = await factTops(page);
    expect(session).toBe(date);
    expect(focus).toBe(hostFact);
    expect(hostFact).toBeGreaterThan(date!);
    await crews.dismissToasts();
    await crews.scrollToTop();
    await saveScreenshot(page, 'crews-narrow-prep-dark');

    await page.getByRole('button', { name: 'Record this meeting' }).click();
    await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    const hostBox = await box(page.getByLabel('Host', { exact: true }));
    const focusBox = await box(page.getByLabel('Focus (case-giver)'));
    expect(Math.round(focusBox.y)).toBe(Math.round(hostBox.y));
    // Each has room for a name, not squeezed to its arrow.
    expect(hostBox.width).toBeGreaterThan(150);
    await saveScreenshot(page, 'crews-narrow-record-dark');

    // Wide again: the four facts share one row.
    await page.getByRole('button', { name: 'Back to Narrow crew' }).click();
    await page.setViewportSize({ width: 1280, height: 800 });
    await crews.openPrep();
    expect(new Set(await factTops(page)).size).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
