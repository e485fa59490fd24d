import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const chromium = useChromium();

const url = 'https://www.example.org/microsolidarity/handbook/crews-and-congregations-a-practical-guide-to-mutual-support-2026.pdf';
const longWord = 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsverfahren';

/** True when `inner` lies within `outer` horizontally (a pixel of rounding allowed). */
async function fitsIn(inner: Locator, outer: Locator) {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return a !== null && b !== null && a.x >= b.x - 1 && a.x + a.width <= b.x + b.width + 1;
}

/** True when nothing covers the centre of the element (it can be seen and clicked). */
async function uncovered(target: Locator) {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return top !== null && (top === element || element.contains(top));
  });
}

async function checkAgendaLayout(page: Page) {
  const agenda = page.getByRole('region', { name: 'Agenda' });
  for (const item of await agenda.getByRole('listitem').all()) expect(await fitsIn(item, agenda)).toBe(true);
  const edit = agenda.getByRole('button', { name: 'Edit “Budget for the retreat”' });
  await edit.scrollIntoViewIfNeeded();
  expect(await uncovered(edit)).toBe(true);
  expect(await fitsIn(page.getByLabel('Agenda item'), agenda)).toBe(true);
  expect(await fitsIn(page.getByRole('region', { name: 'Open action items' }), page.getByRole('main'))).toBe(true);
}

describe('crews in Chromium: long words wrap, the long forms keep their words, closing asks and can be undone', () => {
  it('walks a year of a crew as the ux16 walk-through did', async () => {
    const host = await chromium.startHost();
    const { page } = await chromium.visit(host, 'light');
    const crews = new CrewsPage(page);
    await crews.open();

    // Called in January with a cycle that ended in April: today (late in the year) it has passed.
    await crews.callCrew({ name: 'Thursday case clinic', newMembers: ['Ada', 'Bea', 'Cy'], calledOn: '2026-01-08', rhythmDays: '14', sessions: '6', cycleEndsOn: '2026-04-30' });
    expect(await page.getByText('Cycle 1 ends').isVisible()).toBe(true);
    await page.getByText(/This cycle ended on .*30.*: a good moment for the retrospective\./).waitFor();
    expect(await page.getByText(/sessions are done/).count()).toBe(0);

    // The prep with a URL and a long word on the agenda: everything stays inside its card.
    await crews.openPrep();
    await crews.addAgendaItem('Budget for the retreat', { raisedBy: 'Ada' });
    await crews.addAgendaItem(url);
    await crews.addAgendaItem(longWord);
    await page.getByRole('button', { name: 'Set the date, place, host or focus' }).click();
    await page.getByRole('form', { name: 'Plan the next meeting' }).getByLabel('Place').fill('Online');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    // The place shows with the day it belongs to.
    await page.locator('.crews-fact').filter({ hasText: 'Date and place' }).getByText('Online.', { exact: true }).waitFor();
    await checkAgendaLayout(page);
    await crews.dismissToasts();
    await page.getByRole('region', { name: 'Agenda' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-ux16-prep-long-light');
    await page.setViewportSize({ width: 900, height: 700 });
    await checkAgendaLayout(page);
    await saveScreenshot(page, 'crews-ux16-prep-long-900-light');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Record a meeting: Back and reopen keep the words; a blank row is left out; Enter adds a row.
    await page.getByRole('button', { name: 'Record this meeting' }).click();
    await page.getByRole('heading', { name: 'Record a meeting', level: 1 }).waitFor();
    await page.getByLabel('Notes').fill('…IMPORTANT NOTES');
    await page.getByLabel('My check-in note').fill('Glad to be here');
    await page.getByRole('checkbox', { name: 'Budget for the retreat' }).check();
    await page.getByRole('button', { name: 'Back to Thursday case clinic' }).click();
    // The crew page says the meeting waits: its button goes on with it.
    await page.getByRole('button', { name: 'Continue the meeting you started' }).click();
    expect(await page.getByLabel('Notes').inputValue()).toBe('…IMPORTANT NOTES');
    expect(await page.getByLabel('My check-in note').inputValue()).toBe('Glad to be here');
    await page.getByRole('button', { name: 'Add an action item' }).click();
    await page.keyboard.type('Send notes to Sam');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Action item 2', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Owner of action item 1').selectOption({ label: 'Bea' });
    await page.getByRole('button', { name: 'Add an action item' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-ux16-record-light');
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.getByRole('button', { name: 'Prepare the next meeting' }).waitFor();

    // The retrospective keeps its words too, and can be corrected after saving.
    await crews.fillRetrospective({ worked: 'Honest check-ins', didNotWork: 'Late starts', change: 'Start on time', decision: 'Start a new cycle' });
    await page.getByRole('button', { name: 'Back to Thursday case clinic' }).click();
    await page.getByRole('button', { name: 'Continue the retrospective you started' }).click();
    expect(await page.getByLabel('What worked').inputValue()).toBe('Honest check-ins');
    await page.getByLabel('Date').fill('2026-11-20');
    await page.getByRole('button', { name: 'Save the retrospective' }).click();
    await page.getByRole('heading', { name: 'Thursday case clinic', level: 1 }).waitFor();
    // The next meeting comes after the retrospective that started the cycle.
    // Polled: the facts are drawn again once the saved retrospective's crew arrives.
    await expect.poll(() => page.locator('.crews-facts dd').filter({ hasText: /Dec/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Edit the retrospective of cycle 1' }).click();
    const retroForm = page.getByRole('form', { name: 'Edit the retrospective of cycle 1' });
    await retroForm.getByLabel('What worked').fill('Honest check-ins, and tea');
    await saveScreenshot(page, 'crews-ux16-retro-edit-light');
    await retroForm.getByRole('button', { name: 'Save the changes' }).click();
    await page.getByRole('article', { name: /^Retrospective: Cycle 1/ }).getByText('Honest check-ins, and tea').waitFor();

    // Closing asks first, says what happens to the open item, and Undo (Ctrl+Z) takes it back.
    const stage = page.getByRole('form', { name: "Change the crew's stage" });
    await stage.getByLabel('Move to').selectOption({ label: 'Closed gracefully' });
    await stage.getByLabel('Closing note').fill('We did what we came for');
    await crews.dismissToasts();
    await stage.getByRole('button', { name: 'Change stage' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Close Thursday case clinic?' });
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Keep it going' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'crews-ux16-close-confirm-light');
    await dialog.getByRole('button', { name: 'Close the crew' }).click();
    await page.getByRole('heading', { name: /^Closed gracefully (today|yesterday|on )/ }).waitFor();
    await page.getByRole('heading', { name: 'Still open from this crew' }).waitFor();
    await saveScreenshot(page, 'crews-ux16-closed-light');
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Record a meeting' }).waitFor();
    expect(await page.getByText('We did what we came for').count()).toBe(0);

    // Dark, and narrow: the prep, the meeting form and the closing question.
    const dark = await chromium.visit(host, 'dark');
    await dark.page.setViewportSize({ width: 900, height: 700 });
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await darkCrews.openCrew('Thursday case clinic');
    await darkCrews.openPrep();
    await dark.page.getByRole('region', { name: 'Agenda' }).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'crews-ux16-prep-long-900-dark');
    await dark.page.getByRole('button', { name: 'Record this meeting' }).click();
    await dark.page.getByRole('button', { name: 'Add an action item' }).click();
    await dark.page.getByLabel('Notes').fill('Dark notes');
    await saveScreenshot(dark.page, 'crews-ux16-record-dark');
    await dark.page.getByRole('button', { name: 'Back to Thursday case clinic' }).click();
    const darkStage = dark.page.getByRole('form', { name: "Change the crew's stage" });
    await darkStage.getByLabel('Move to').selectOption({ label: 'Closed gracefully' });
    await darkStage.getByLabel('Closing note').fill('Thank you all');
    await darkStage.getByRole('button', { name: 'Change stage' }).click();
    await dark.page.getByRole('alertdialog').waitFor();
    await saveScreenshot(dark.page, 'crews-ux16-close-confirm-dark');
  });
});
