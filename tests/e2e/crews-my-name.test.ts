import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { CrewsPage } from './support/crews-page';
import { useChromium } from './support/session';

const chromium = useChromium();

describe('crews: my name and the shared prep, in Chromium', () => {
  it('asks my name when calling the first crew, shares the prep under it into a folder it makes, and follows a rename', async () => {
    const host = await chromium.startHost();
    const folder = path.join(chromium.dataDir(), 'crew notes', 'thursday');

    // Dark first, while nobody is marked as me yet: the form asks "Your name".
    const dark = await chromium.visit(host, 'dark');
    const darkCrews = new CrewsPage(dark.page);
    await darkCrews.open();
    await dark.page.getByRole('button', { name: 'Call a crew' }).first().click();
    await dark.page.getByLabel('Your name').waitFor();
    await saveScreenshot(dark.page, 'crews-my-name-form-dark');

    const { page } = await chromium.visit(host, 'light');
    const crews = new CrewsPage(page);
    await crews.open();
    await page.getByRole('button', { name: 'Call a crew' }).first().click();
    await page.getByRole('heading', { name: 'Call a crew', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Thursday crew');
    await page.getByLabel('Your name').fill('Ana Ruiz');
    for (const name of ['Ada', 'Bea']) {
      await page.getByLabel('Someone new').fill(name);
      await page.getByLabel('Someone new').press('Enter');
      await page.getByRole('checkbox', { name, exact: true }).waitFor();
    }
    await crews.dismissToasts();
    await saveScreenshot(page, 'crews-my-name-form-light');
    await page.getByRole('button', { name: 'Call this crew' }).click();
    await page.getByRole('heading', { name: 'Thursday crew', level: 1 }).waitFor();
    const members = page.getByRole('heading', { name: 'Members' }).locator('xpath=following-sibling::ul[1]');
    expect(await members.getByRole('listitem').allTextContents()).toEqual(['Ana Ruiz (you)', 'Ada', 'Bea']);
    expect(await page.getByText(/by Ana Ruiz \(you\)/).count()).toBe(1);
    await crews.dismissToasts();
    await saveScreenshot(page, 'crews-my-name-crew-light');

    // I take the focus and write my case, then save the prep into a folder that is not there yet.
    await crews.openPrep();
    await page.getByRole('button', { name: 'Set the date, place, host or focus' }).click();
    const plan = page.getByRole('form', { name: 'Plan the next meeting' });
    await plan.getByLabel('Focus (case-giver)').selectOption({ label: 'Ana Ruiz (you)' });
    await plan.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByRole('heading', { name: 'You are the focus: your case' }).waitFor();
    await page.getByLabel('The situation').fill('Deciding whether to move abroad.');
    await page.getByRole('button', { name: 'Save as Markdown…' }).click();
    const field = page.getByLabel('Folder');
    expect(await field.inputValue()).toMatch(/Ladder exports$/);
    await page.getByRole('region', { name: 'Share with the crew' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'crews-my-name-save-light');
    await field.fill(folder);
    await page.getByRole('button', { name: 'Save the file' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Made the folder' }).count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'Made the folder' }).textContent()).toContain(folder);
    await saveScreenshot(page, 'crews-my-name-saved-light');
    expect(existsSync(folder)).toBe(true);
    const [file] = readdirSync(folder);
    const markdown = readFileSync(path.join(folder, file!), 'utf8');
    expect(markdown).toContain('- **Focus (case-giver):** Ana Ruiz');
    expect(markdown).toContain('## The case: Ana Ruiz');
    expect(markdown).not.toMatch(/\bMe\b/);

    // Later: my name is a link to my page, where Edit details changes it; the crew follows.
    await page.getByRole('button', { name: 'Back to Thursday crew' }).click();
    await members.getByRole('button', { name: 'Ana Ruiz (you)' }).click();
    await page.getByText('This is you.').waitFor();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ana R.');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByRole('heading', { name: 'Ana R.', level: 1 }).waitFor();
    await crews.open();
    await crews.openCrew('Thursday crew');
    await expect.poll(() => members.getByRole('listitem').allTextContents()).toEqual(['Ana R. (you)', 'Ada', 'Bea']);

    // Dark: the crew page and the saved prep panel.
    await darkCrews.open();
    await darkCrews.openCrew('Thursday crew');
    await saveScreenshot(dark.page, 'crews-my-name-crew-dark');
    await darkCrews.openPrep();
    await dark.page.getByRole('button', { name: 'Save as Markdown…' }).click();
    await dark.page.getByRole('region', { name: 'Share with the crew' }).scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'crews-my-name-save-dark');
  });

  it('left empty, I am "Me", and the crew page and the prep offer "Add your name"', async () => {
    const host = await chromium.startHost();
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await chromium.visit(host, scheme);
      const crews = new CrewsPage(page);
      await crews.open();
      if (scheme === 'light') await crews.callCrew({ name: 'Pod', intention: 'Co-working mornings.', newMembers: ['Ada', 'Bea'], sessions: '4', rhythmDays: '7' });
      else await crews.openCrew('Pod');
      const members = page.getByRole('heading', { name: 'Members' }).locator('xpath=following-sibling::ul[1]');
      await members.getByRole('button', { name: 'Add your name' }).waitFor();
      await crews.dismissToasts();
      await saveScreenshot(page, `crews-my-name-unnamed-${scheme}`);
      await crews.openPrep();
      const share = page.getByRole('region', { name: 'Share with the crew' });
      await share.getByText('the shared prep calls you “me”', { exact: false }).waitFor();
      await share.scrollIntoViewIfNeeded();
      await saveScreenshot(page, `crews-my-name-unnamed-prep-${scheme}`);
    }
  });
});
