import { describe, expect, it } from 'vitest';
import type { CrewDetail, CrewList } from '../../shared/domain/crews';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const chromium = useChromium();

describe('crews in Chromium: a deleted retrospective puts the crew back, dates are checked at the field, a past crew reopens', () => {
  it('walks the ux17 findings N1, N2, N3 and N6', async () => {
    const host = await chromium.startHost();
    const { page } = await chromium.visit(host, 'light');
    const crews = new CrewsPage(page);
    await crews.open();

    // Called with 6 sessions and a cycle end; one meeting held.
    await crews.callCrew({ name: 'Thursday case clinic', newMembers: ['Ada', 'Bea', 'Cy'], calledOn: '2026-01-08', rhythmDays: '14', sessions: '6', cycleEndsOn: '2026-04-30' });
    await page.getByRole('button', { name: 'Record a meeting' }).click();
    await page.getByLabel('Date', { exact: true }).fill('2026-01-22');
    await page.getByRole('button', { name: 'Save the meeting' }).click();
    await page.getByRole('button', { name: 'Prepare the next meeting' }).waitFor();
    const about = page.getByRole('region', { name: 'About' });
    await about.getByText('Cycle 1: 1 of 6 sessions held').waitFor();

    // N6: the plan's bad date takes focus; the suggestion reads without nested brackets.
    await crews.openPrep();
    await page.getByRole('button', { name: 'Set the date, place, host or focus' }).click();
    const focusOption = await page.getByLabel('Focus (case-giver)').locator('option').first().textContent();
    expect(focusOption).toMatch(/^As suggested(: [^()]+( \(you\))?)?$/);
    await page.getByLabel('Next meeting on').fill('2999-05-01');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText(/The next meeting’s date must fall between 1900 and 2100/).waitFor();
    expect(await page.getByLabel('Next meeting on').evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid') === 'true')).toBe(true);
    await saveScreenshot(page, 'crews-ux17-plan-2999-light');
    await page.getByRole('button', { name: 'Back to Thursday case clinic' }).click();

    // N1: a retrospective starting a 4-session cycle, deleted: cycle 1 is back as it was.
    await crews.fillRetrospective({ worked: 'Honest check-ins', didNotWork: 'Late starts', change: 'Start on time', decision: 'Start a new cycle' });
    await page.getByLabel('Sessions in the next cycle').fill('4');
    await page.getByLabel('Date').fill('2999-04-02');
    await crews.saveRetrospective();
    await page.getByText(/A retrospective’s date must fall between 1900 and 2100/).waitFor();
    expect(await page.getByLabel('Date').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByLabel('Date').fill('2026-04-02');
    await crews.saveRetrospective();
    await page.getByRole('heading', { name: 'Thursday case clinic', level: 1 }).waitFor();
    await about.getByText('Cycle 2: 0 of 4 sessions held').waitFor();
    await crews.dismissToasts();
    await page.getByRole('button', { name: 'Delete the retrospective of cycle 1' }).click();
    await page.getByRole('region', { name: 'Notifications' }).getByText(/the crew is back as it was before it/).waitFor();
    await crews.dismissToasts();
    await about.getByText('Cycle 1: 1 of 6 sessions held').waitFor();
    expect(await about.getByText('Cycle 1 ends').isVisible()).toBe(true);
    const history = page.getByRole('region', { name: 'Stage history' });
    expect(await history.getByRole('list').textContent()).not.toMatch(/Retrospective/);
    expect(await page.locator('.crew-stage').textContent()).toBe('Meeting');
    await history.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-ux17-retro-deleted-light');

    // N2: a far-off closing day is refused at the field, before the question.
    const stage = page.getByRole('form', { name: "Change the crew's stage" });
    await stage.getByLabel('Move to').selectOption({ label: 'Closed gracefully' });
    await stage.getByLabel('Closing day').fill('2999-05-01');
    await stage.getByLabel('Closing note').fill('We did what we came for');
    await stage.getByRole('button', { name: 'Change stage' }).click();
    await stage.getByText(/The day of a stage change must fall between 1900 and 2100/).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await stage.getByLabel('Closing day').evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid') === 'true')).toBe(true);
    await saveScreenshot(page, 'crews-ux17-close-2999-light');

    // N3: closed, the toast gone: the page hides rhythm and cycle, and offers to reopen.
    await stage.getByLabel('Closing day').fill('2026-05-01');
    await stage.getByRole('button', { name: 'Change stage' }).click();
    await page.getByRole('alertdialog', { name: 'Close Thursday case clinic?' }).getByRole('button', { name: 'Close the crew' }).click();
    await page.getByRole('heading', { name: /^Closed gracefully (today|yesterday|on )/ }).waitFor();
    await crews.dismissToasts();
    expect(await about.getByText('Rhythm').count()).toBe(0);
    expect(await about.getByText(/sessions held/).count()).toBe(0);
    await saveScreenshot(page, 'crews-ux17-closed-light');
    await page.getByRole('button', { name: 'Reopen this crew…' }).click();
    const reopen = page.getByRole('alertdialog', { name: 'Reopen Thursday case clinic?' });
    await reopen.waitFor();
    await saveScreenshot(page, 'crews-ux17-reopen-confirm-light');
    await reopen.getByRole('button', { name: 'Reopen the crew' }).click();
    await page.getByRole('button', { name: 'Record a meeting' }).waitFor();
    await page.getByRole('region', { name: 'Notifications' }).getByText('Thursday case clinic reopened: back to Meeting').waitFor();
    expect(await history.getByRole('list').textContent()).toMatch(/Moved from Meeting to Closed gracefully — We did what we came for.*Reopened, back to Meeting/);

    // Dark: closed again, dropping an action item, the page and the question.
    const crewList = await host.core.handle('crews.list', { today: '2026-05-02' });
    if (!crewList.ok) throw new Error('crews.list failed');
    const crewId = (crewList.data as CrewList).active[0]!.id;
    const crewDetail = await host.core.handle('crews.get', { id: crewId, today: '2026-05-02' });
    if (!crewDetail.ok) throw new Error('crews.get failed');
    const ada = (crewDetail.data as CrewDetail).crew.members.find((m) => m.name === 'Ada')!;
    await host.core.handle('actionItems.add', { crewId, text: 'Send the harvest notes to Bea', ownerId: ada.personId });
    const dark = await chromium.visit(host, 'dark');
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await darkCrews.openCrew('Thursday case clinic');
    const darkStage = dark.page.getByRole('form', { name: "Change the crew's stage" });
    await darkStage.getByLabel('Move to').selectOption({ label: 'Closed gracefully' });
    await darkStage.getByLabel('Closing day').fill('2999-05-01');
    await darkStage.getByLabel('Closing note').fill('Thank you all');
    await darkStage.getByRole('button', { name: 'Change stage' }).click();
    await darkStage.getByText(/must fall between 1900 and 2100/).waitFor();
    await saveScreenshot(dark.page, 'crews-ux17-close-2999-dark');
    // Reopened today: the closing comes no earlier.
    await darkStage.getByLabel('Closing day').fill(await dark.page.evaluate(() => new Date().toLocaleDateString('sv')));
    await darkStage.getByRole('radio', { name: /^Drop it with the crew/ }).check();
    await darkStage.getByRole('button', { name: 'Change stage' }).click();
    await dark.page.getByRole('alertdialog').getByRole('button', { name: 'Close the crew' }).click();
    await dark.page.getByRole('heading', { name: /^Closed gracefully (today|yesterday|on )/ }).waitFor();
    await darkCrews.dismissToasts();
    await saveScreenshot(dark.page, 'crews-ux17-closed-dark');
    await dark.page.getByRole('button', { name: 'Reopen this crew…' }).click();
    // The question says what comes back with it: the item the closing dropped.
    const darkReopen = dark.page.getByRole('alertdialog', { name: 'Reopen Thursday case clinic?' });
    await darkReopen.getByText('1 action item dropped at its closing will be open again.').waitFor();
    await saveScreenshot(dark.page, 'crews-ux17-reopen-confirm-dark');
    await darkReopen.getByRole('button', { name: 'Reopen the crew' }).click();
    await dark.page.getByRole('button', { name: 'Mark “Send the harvest notes to Bea” done' }).waitFor();
    await dark.page.getByRole('region', { name: 'Notifications' }).getByText('Thursday case clinic reopened: back to Meeting, with 1 action item open again').waitFor();
  });
});
