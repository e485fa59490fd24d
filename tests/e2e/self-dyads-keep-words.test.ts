import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { JournalPage } from './support/journal-page';
import { SearchPage } from './support/search-page';
import { SelfPage } from './support/self-page';
import { handle } from './support/host-requests';
import { useChromium } from './support/session';

/**
 * Words kept on the Self and Dyads rungs (a typed commitment, a quick capture, new terms), far-off
 * dates, and both rungs' pages at 900×700, in light and dark.
 */

const { startHost, visit } = useChromium();

/** A request straight to the host's core, for seeding and checking. */

/**
 * What is clipped for the person: elements past the main column's content edge, and panes whose
 * content is wider than they are (a shortened line ending in "…" is meant, and not counted).
 */
async function overflowing(page: Page) {
  return page.locator('main').evaluate((main) => {
    const style = getComputedStyle(main);
    const edge = main.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) + 0.5;
    const name = (element: Element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80);
    const shown = (element: HTMLElement) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    };
    const all = [...main.querySelectorAll<HTMLElement>('*')].filter(shown);
    const past = all.filter((element) => element.getBoundingClientRect().right > edge).map(name);
    const clipped = all
      .filter((element) => {
        const own = getComputedStyle(element);
        // Fields scroll their own text, and visually hidden labels are 1 px on purpose.
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element.clientWidth <= 1) return false;
        return own.overflowX !== 'visible' && own.textOverflow !== 'ellipsis' && element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => `${name(element)} (${element.scrollWidth} in ${element.clientWidth})`);
    return [...past, ...clipped];
  });
}

/** A screenshot at 1280×800 and at 900×700, checking nothing is clipped at the narrow size. */
async function shoot(page: Page, name: string, scheme: string, scroll?: () => Promise<void>) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await scroll?.();
  await saveScreenshot(page, `${name}-${scheme}`);
  await page.setViewportSize({ width: 900, height: 700 });
  await scroll?.();
  expect({ name, over: await overflowing(page) }).toEqual({ name, over: [] });
  await saveScreenshot(page, `${name}-narrow-${scheme}`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('Self, with nothing lost and nothing clipped', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps a quick capture through Escape, questions far-off dates, and fits at 900 px (${scheme})`, async () => {
      const host = await startHost();
      const critic = await handle(host, 'parts.create', { name: 'The Critic', role: 'manager' });
      const scroller = await handle(host, 'parts.create', { name: 'The Scroller', role: 'firefighter' });
      await handle(host, 'journal.create', {
        title: 'Before the crew call',
        body: 'The Critic was loud before the meeting. I noticed my jaw.',
        entryDate: localDay(),
        partIds: [critic.id, scroller.id],
        tags: ['work', 'jaw'],
      });
      const { page, pageErrors, foreignRequests } = await visit(host, scheme);
      const journal = new JournalPage(page);
      const self = new SelfPage(page);
      await journal.open();
      await journal.openEntry('Before the crew call');
      await shoot(page, 'ux16-entry', scheme);

      // The rest of the rung at both sizes: nothing clipped.
      for (const tab of ['Parts', 'Parts map', 'Self-energy', 'Prompts and templates'] as const) {
        await self.tab(tab);
        await shoot(page, `ux16-self-${tab.toLowerCase().replace(/ /g, '-')}`, scheme);
      }
      await self.tab('Journal');
      await journal.openEntry('Before the crew call');

      // Quick capture: Escape keeps the words, says so, and the next opening has them.
      await page.keyboard.press('Control+Shift+N');
      const dialog = page.getByRole('dialog', { name: 'What’s active right now?' });
      await dialog.getByRole('textbox', { name: 'What’s active right now?' }).fill('Anxious about Sam’s reply');
      await page.getByText('Enter saves. Escape closes and keeps your words for next time.').waitFor();
      await saveScreenshot(page, `ux16-capture-${scheme}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Your capture is kept, not saved yet. Ctrl+Shift+N opens it again.').waitFor();
      await saveScreenshot(page, `ux16-capture-kept-${scheme}`);
      await page.keyboard.press('Control+Shift+N');
      expect(await dialog.getByRole('textbox').inputValue()).toBe('Anxious about Sam’s reply');
      expect(await page.getByText('Your capture is kept, not saved yet.', { exact: false }).count()).toBe(0);
      await page.keyboard.press('Enter');
      await page.getByText('Captured in your journal').waitFor();
      await journal.listItem('Quick capture').waitFor();

      // Far-off dates: a gentle question a year ahead; a clear no after 2100, by the field.
      await journal.newEntry();
      await journal.write({ title: 'A letter to the future', body: 'Dear me, years from now.' });
      const date = page.getByLabel('Date', { exact: true });
      await date.fill(`${new Date().getFullYear() + 3}-06-01`);
      await page.getByText('That’s far in the future: is the year right?').waitFor();
      await journal.waitUntilSaved();
      await shoot(page, 'ux16-date-far', scheme);
      await date.fill('2999-12-31');
      await page.getByText('An entry’s date must fall between 1900 and 2100: is the year right?').waitFor();
      await page.getByRole('status').filter({ hasText: 'Everything but the date is saved. See the note by Date.' }).waitFor();
      await saveScreenshot(page, `ux16-date-refused-${scheme}`);
      await date.fill(localDay());
      await journal.waitUntilSaved();

      // The ladder home never reports a day still ahead as the last activity.
      await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Ladder' }).click();
      await page.getByRole('heading', { name: 'Your ladder' }).waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(new RegExp(`${new Date().getFullYear() + 3}`));

      // Search calls the untitled capture what the journal calls it.
      const search = new SearchPage(page);
      await search.openWithKeyboard();
      await search.type('Anxious');
      const hits = search.group('Journal entries');
      await hits.getByRole('button', { name: /Quick capture.*Anxious about Sam’s reply/ }).waitFor();
      expect(await hits.getByRole('button', { name: /Untitled entry/ }).count()).toBe(0);
      await shoot(page, 'ux16-search-capture', scheme);

      expect(pageErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }
});

describe('Dyads, with nothing lost and nothing clipped', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`adds a typed commitment on Done, settles safely by keyboard, and checks a birthday (${scheme})`, async () => {
      const host = await startHost();
      const sam = await handle(host, 'people.create', { name: 'Sam Okafor' });
      const dyad = await handle(host, 'dyads.create', { personId: sam.id, kind: 'peer_coach', rhythmDays: 14, intention: 'graceful accountability' });
      const made = { dyadId: dyad.id, madeOn: localDay(-7) };
      await handle(host, 'commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week', dueOn: localDay(20) });
      await handle(host, 'commitments.create', { ...made, direction: 'mine', text: 'Send Sam the draft chapter' });
      const { page, pageErrors, foreignRequests } = await visit(host, scheme);
      const main = page.locator('main');

      await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Dyads' }).click();
      await page.getByRole('heading', { name: 'Dyads', level: 1 }).waitFor();
      await shoot(page, 'ux16-dyads-front', scheme);
      await page.getByRole('button', { name: /Sam Okafor/ }).first().click();
      await page.getByRole('heading', { name: /Sam Okafor · Peer coach/, level: 1 }).waitFor();

      // Kept by keyboard: my list is now empty, so focus lands on its heading (not on Sam's
      // commitment), and a second Enter settles nothing.
      await page.getByRole('button', { name: 'Kept: Send Sam the draft chapter' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Kept: “Send Sam the draft chapter”').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName ?? '')).toBe('H3');
      expect(await page.evaluate(() => document.activeElement?.nextElementSibling?.textContent ?? '')).toBe('Nothing of mine is open.');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      expect(await page.getByRole('button', { name: 'Kept: Run three times a week' }).count()).toBe(1);

      // Renegotiate starts from the current wording.
      await page.getByRole('button', { name: 'Renegotiate: Run three times a week…' }).click();
      expect(await page.getByLabel('New terms').inputValue()).toBe('Run three times a week');
      await page.keyboard.type(', or walk twice');
      await shoot(page, 'ux16-dyad-renegotiate', scheme, () => main.evaluate((m) => m.scrollTo(0, 200)));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Renegotiate: Run three times a week…' }).click();
      expect(await page.getByLabel('New terms').inputValue()).toBe('Run three times a week, or walk twice');
      await page.getByRole('button', { name: 'Back', exact: true }).click();

      // A check-in whose commitment was typed but never added with "Add": Done adds it.
      await page.getByRole('button', { name: 'New check-in' }).click();
      await page.getByRole('button', { name: 'Leave open for now' }).click();
      await page.getByLabel('What I shared').fill('A long week; I asked for help.');
      await page.getByLabel('New commitment of Sam Okafor’s').fill('Sam will send me the podcast link');
      await shoot(page, 'ux16-checkin', scheme, () => main.evaluate((m) => m.scrollTo(0, m.scrollHeight)));
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('heading', { name: /Sam Okafor · Peer coach/, level: 1 }).waitFor();
      await page.getByRole('list', { name: 'Sam Okafor’s open commitments' }).getByText('Sam will send me the podcast link').waitFor();
      await shoot(page, 'ux16-dyad', scheme);

      // Their page: a check-in on offer, not a second dyad.
      await page.getByRole('button', { name: 'Sam Okafor’s page' }).click();
      await page.getByRole('heading', { name: 'Sam Okafor', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'New check-in with Sam Okafor' }).waitFor();
      expect(await page.getByRole('button', { name: /Start a (new )?dyad/ }).count()).toBe(0);
      await shoot(page, 'ux16-person', scheme);

      // A birthday that does not exist is named at the field, not quietly dropped.
      await page.getByRole('button', { name: 'Edit details' }).click();
      const birthday = page.getByLabel('Birthday (optional)');
      await birthday.click();
      await page.keyboard.type('02291985');
      await page.getByRole('button', { name: 'Save details' }).click();
      await page.getByText('That isn’t a real day: check the day and month (February has 28 days, 29 in a leap year).').waitFor();
      expect(await birthday.getAttribute('aria-invalid')).toBe('true');
      await shoot(page, 'ux16-birthday', scheme);
      expect((await handle(host, 'people.get', { id: sam.id })).birthday).toBe(null);

      expect(pageErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }
});
