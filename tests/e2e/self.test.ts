import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { useChromium } from './support/session';
import { SelfPage } from './support/self-page';

const { startHost, visit } = useChromium();

describe('the Self rung, end to end in Chromium', () => {
  it('two polarised parts, a 6 F’s reflection, its entry in the part’s history, and both parts on the map', async () => {
    const host = await startHost();
    const watched = await visit(host, 'light');
    const { page } = watched;
    const self = new SelfPage(page);
    await self.open();

    await self.createPart('The Critic', 'Manager');
    await self.createPart('Rebel', 'Firefighter');
    await self.openPart('The Critic');
    await self.relate('Is polarised with', 'Rebel');

    // The 6 F's for the Critic, naming three C's.
    await page.getByRole('button', { name: 'Reflect with the 6 F’s' }).click();
    await self.flowStep('Find', { 'Where you notice it': 'A tight jaw and shoulders' });
    await self.next();
    await self.flowStep('Focus', { 'What you notice': 'It leans forward, watching every word I write.' });
    await self.next();
    await self.flowStep('Flesh out', { 'How old it seems': 'about twelve', 'Image, voice, feelings, beliefs': 'A teacher with a red pen.' });
    await self.next();
    await self.flowStep('Feel toward', {}, { Curiosity: 4, Calm: 3, Compassion: 3 });
    await self.next();
    await self.flowStep('Befriend', { 'Its job': 'Checks everything twice', 'What it is trying to do for you': 'Keep me from being laughed at' });
    await self.next();
    await self.flowStep('Fears', { 'What it fears would happen if it stopped': 'That I would be rejected' });
    await page.getByRole('button', { name: 'Save reflection' }).click();
    await page.getByRole('heading', { name: 'Saved' }).waitFor();

    // The entry is in the Critic's history, one click from the entry itself.
    await page.getByRole('button', { name: 'Go to The Critic' }).click();
    await self.partHeading('The Critic').waitFor();
    const appearance = self.appearances().getByRole('button', { name: /Getting to know The Critic/ });
    await appearance.waitFor();
    expect(await page.getByLabel('Its positive intent').inputValue()).toBe('Keep me from being laughed at');
    await saveScreenshot(page, 'self-part-light');
    await appearance.click();
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Getting to know The Critic');
    const body = await page.getByLabel('Entry', { exact: true }).inputValue();
    expect(body).toContain('curiosity 4/5, compassion 3/5');
    expect(body).toContain('If it stopped, it fears: That I would be rejected');
    expect(await page.getByRole('group', { name: 'Parts that showed up' }).getByRole('button', { name: 'The Critic' }).getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'self-entry-light');

    // Both parts on the map, with the line between them.
    await self.tab('Parts map');
    await self.mapPart('The Critic, manager').waitFor();
    await self.mapPart('Rebel, firefighter').waitFor();
    const map = page.getByRole('group', { name: 'Parts map' });
    expect(await map.locator('.map-line-polarised').count()).toBe(1);
    await saveScreenshot(page, 'self-map-light');

    await self.tab('Journal');
    await page.getByRole('button', { name: 'Close entry' }).click();
    await page.getByRole('heading', { name: 'Today’s prompt' }).waitFor();
    await saveScreenshot(page, 'self-page-light');

    // The same screens in the dark.
    const dark = await visit(host, 'dark');
    const darkSelf = new SelfPage(dark.page);
    await darkSelf.open();
    await dark.page.getByRole('heading', { name: 'Today’s prompt' }).waitFor();
    await saveScreenshot(dark.page, 'self-page-dark');
    await darkSelf.openPart('The Critic');
    await darkSelf.appearances().waitFor();
    await saveScreenshot(dark.page, 'self-part-dark');
    await darkSelf.tab('Parts map');
    await darkSelf.mapPart('Rebel, firefighter').waitFor();
    await saveScreenshot(dark.page, 'self-map-dark');

    expect(watched.foreignRequests).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  });

  it('quick capture from anywhere with Ctrl+Shift+N', async () => {
    const host = await startHost();
    const { page, pageErrors } = await visit(host, 'light');
    await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
    await page.keyboard.press('Control+Shift+N');
    const dialog = page.getByRole('dialog', { name: 'What’s active right now?' });
    await dialog.waitFor();
    await saveScreenshot(page, 'self-quick-capture-light');
    await page.keyboard.type('Restless, wanting to check my phone');
    await page.keyboard.press('Enter');
    await page.getByText('Captured in your journal').waitFor();
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByLabel('Entry', { exact: true }).inputValue()).toBe('Restless, wanting to check my phone');
    expect(pageErrors).toEqual([]);
  });

  it('a part’s profile saves itself and survives a change of tab; the Self-energy check is easy to find; native controls follow the theme', async () => {
    const host = await startHost();
    const { page, pageErrors } = await visit(host, 'light');
    const self = new SelfPage(page);
    await self.open();
    await self.createPart('Inner critic', 'Not sure yet');
    await self.tab('Parts');
    // The role's note sits under Role, not under Name.
    const form = page.getByRole('form', { name: 'New part' });
    const [roleBox, hintBox, nameBox] = await Promise.all([
      form.getByLabel('Role').boundingBox(),
      form.getByText('You can decide later').boundingBox(),
      form.getByLabel('Name').boundingBox(),
    ]);
    expect(Math.abs(hintBox!.x - roleBox!.x)).toBeLessThan(2);
    expect(hintBox!.y).toBeGreaterThan(Math.max(roleBox!.y + roleBox!.height, nameBox!.y + nameBox!.height) - 1);
    await saveScreenshot(page, 'self-parts-light');

    await self.openPart('Inner critic');
    await page.getByLabel('Notes').fill('Loud right before meetings');
    // Straight to the journal, without waiting: nothing is lost, and it is there on coming back.
    await self.tab('Journal');
    await self.openPart('Inner critic');
    expect(await page.getByLabel('Notes').inputValue()).toBe('Loud right before meetings');
    await page.getByLabel('Trust (0–10)').selectOption('4');
    await page.getByRole('form', { name: 'Profile' }).getByRole('status').filter({ hasText: /^Saved$/ }).waitFor();
    await page.getByRole('form', { name: 'Profile' }).getByRole('status').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'self-part-profile-light');

    // An entry: the Self-energy check is named and explained, and opens with one button.
    await self.tab('Journal');
    await page.getByRole('button', { name: 'New entry' }).first().click();
    await page.getByLabel('Entry', { exact: true }).fill('The critic was loud today.');
    const check = page.getByRole('region', { name: 'Self-energy check' });
    await check.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'self-entry-energy-folded-light');
    await check.getByRole('button', { name: 'Rate the 8 C’s' }).click();
    await page.getByRole('radiogroup', { name: 'Curiosity' }).getByRole('radio', { name: '4' }).check();
    await check.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'self-entry-energy-light');

    const dark = await visit(host, 'dark');
    const darkSelf = new SelfPage(dark.page);
    await darkSelf.open();
    await dark.page.getByRole('button', { name: /The critic was loud today/ }).click();
    const rung = dark.page.getByLabel('Rung', { exact: true });
    await rung.waitFor();
    // Native controls are drawn dark in the dark theme, like the card they sit on.
    const looks = await rung.evaluate((select) => {
      const style = getComputedStyle(select);
      return { background: style.backgroundColor, scheme: style.colorScheme };
    });
    expect(looks.background).toBe('rgb(34, 33, 29)');
    expect(looks.scheme).toMatch(/dark/);
    await saveScreenshot(dark.page, 'self-entry-energy-dark');
    await darkSelf.openPart('Inner critic');
    await dark.page.getByLabel('Notes').scrollIntoViewIfNeeded();
    await saveScreenshot(dark.page, 'self-part-profile-dark');
    await darkSelf.tab('Parts');
    await saveScreenshot(dark.page, 'self-parts-dark');

    expect(pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  });
});
