import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { CongregationsPage } from './support/ladder-page';
import { handle } from './support/host-requests';
import { useChromium } from './support/session';

/**
 * "Ana (you)" wherever people are listed; far-off days refused at their field in each form; and a
 * double Enter in a check-in's review settling one commitment, not two.
 */

const { startHost, visit } = useChromium();


/** What a screen reader says about a field beyond its name: its linked hint or error. */
function description(field: Locator) {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function refusedAt(field: Locator, message: string) {
  await expect.poll(() => description(field)).toContain(message);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
}

const rungs = (page: Page) => page.getByRole('navigation', { name: 'Rungs' });
const range = (meaning: string) => `${meaning} must fall between 1900 and 2100: is the year right?`;

describe('naming you, far-off days and the review’s focus, in Chromium', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`says "(you)", refuses far-off days by their field, and a double Enter settles one (${scheme})`, async () => {
      const host = await startHost();
      const me = await handle(host, 'people.create', { name: 'Ana', isMe: true, howWeMet: 'Born', notes: 'Learning to rest' });
      const sam = await handle(host, 'people.create', { name: 'Sam Okafor', howWeMet: 'At the Lisbon gathering' });
      const dyad = await handle(host, 'dyads.create', { personId: sam.id, kind: 'peer_coach', rhythmDays: 14 });
      const made = { dyadId: dyad.id, madeOn: localDay() };
      await handle(host, 'commitments.create', { ...made, direction: 'mine', text: 'Send the article' });
      await handle(host, 'commitments.create', { ...made, direction: 'theirs', text: 'Sam will send the podcast link' });
      await handle(host, 'commitments.create', { ...made, direction: 'mine', text: 'Learn Portuguese' });
      const lisbon = await handle(host, 'congregations.create', { name: 'Lisbon gatherings', since: localDay() });
      await handle(host, 'congregations.addPeople', { congregationId: lisbon.id, personIds: [me.id, sam.id] });
      const { page, pageErrors, foreignRequests } = await visit(host, scheme);

      // Dyads: the people list names me once, the same way as everywhere.
      await rungs(page).getByRole('button', { name: 'Dyads' }).click();
      const people = page.getByRole('list', { name: 'People' });
      await people.getByRole('button', { name: /^Ana \(you\)/ }).waitFor();
      await saveScreenshot(page, `you-dyads-people-${scheme}`);

      // My own details: no "How we met", and the way back is "your page".
      await people.getByRole('button', { name: /^Ana \(you\)/ }).click();
      await page.getByText('This is you.').waitFor();
      await page.getByRole('button', { name: 'Edit details' }).click();
      await page.getByRole('heading', { name: 'Edit details', level: 1 }).waitFor();
      expect(await page.getByLabel('How we met').count()).toBe(0);
      await page.getByRole('button', { name: 'Back to your page' }).waitFor();
      const birthday = page.getByLabel('Birthday (optional)');
      await birthday.fill('2999-12-31');
      await page.getByRole('button', { name: 'Save details' }).click();
      await refusedAt(birthday, 'A birthday must fall between 1900 and today: is the year right?');
      await saveScreenshot(page, `you-edit-details-${scheme}`);
      await page.getByRole('button', { name: 'Back to your page' }).click();
      await page.getByText('This is you.').waitFor();

      // A new check-in's review: Kept starts in focus; after it, focus is on the next card's words.
      await rungs(page).getByRole('button', { name: 'Dyads' }).click();
      await page.getByRole('button', { name: /^Sam Okafor/ }).first().click();
      await page.getByRole('button', { name: 'New check-in' }).click();
      const review = page.getByRole('region', { name: 'Last time’s commitments' });
      await review.getByText('1 of 3').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Kept');
      await page.keyboard.press('Enter');
      await review.getByText('2 of 3').waitFor();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      expect(await review.getByText('2 of 3').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('review-words');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Sam will send the podcast link');
      expect((await handle(host, 'commitments.list', { dyadId: dyad.id })).map((c) => c.text)).toEqual(['Sam will send the podcast link', 'Learn Portuguese']);
      await saveScreenshot(page, `you-review-focus-${scheme}`);

      // The check-in's Date and a commitment's "Hoped for by": refused by the field.
      await review.getByRole('button', { name: 'Skip to the check-in' }).click();
      const date = page.getByLabel('Date', { exact: true });
      await date.fill('2999-12-31');
      await refusedAt(date, range('A check-in’s date'));
      await saveScreenshot(page, `far-dates-checkin-${scheme}`);
      await date.fill(localDay());
      await page.getByLabel('What I shared').fill('A slow week, and a good one.');
      await page.getByLabel('New commitment of mine').fill('Call my sister');
      const due = page.getByLabel('Hoped for by (optional), of mine');
      await due.fill('2999-01-01');
      await page.getByLabel('New commitment of mine').press('Enter');
      await refusedAt(due, range('The “Hoped for by” date'));
      await saveScreenshot(page, `far-dates-hoped-for-${scheme}`);
      await due.fill('');
      await page.getByLabel('New commitment of mine').fill('');

      // Calling a crew on a far-off day.
      await rungs(page).getByRole('button', { name: 'Crews' }).click();
      await page.getByRole('button', { name: 'Call a crew' }).first().click();
      await page.getByLabel('Name', { exact: true }).fill('Thursday case clinic');
      const calledOn = page.getByLabel('Called on');
      await calledOn.fill('2999-01-08');
      await page.getByRole('button', { name: 'Call this crew' }).click();
      await refusedAt(calledOn, range('The day a crew was called'));
      await saveScreenshot(page, `far-dates-crew-${scheme}`);

      // A congregation's people say "(you)"; a gathering on a far-off day is refused at its Date.
      const congregations = new CongregationsPage(page);
      await congregations.open();
      await page.getByRole('button', { name: /Lisbon gatherings/ }).first().click();
      await page.getByRole('heading', { name: 'Lisbon gatherings', level: 1 }).waitFor();
      await page.getByRole('list', { name: 'People I know here' }).getByText('Ana (you)').waitFor();
      await page.getByRole('button', { name: 'Add a gathering' }).click();
      const form = page.getByRole('form', { name: 'New gathering' });
      await form.getByLabel('Gathering name').fill('Spring gathering');
      const held = form.getByLabel('Date');
      await held.fill('2999-04-01');
      await form.getByRole('button', { name: 'Save gathering' }).click();
      await refusedAt(held, range('A gathering’s date'));
      await held.scrollIntoViewIfNeeded();
      await saveScreenshot(page, `far-dates-gathering-${scheme}`);
      await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
      await saveScreenshot(page, `you-congregation-${scheme}`);

      expect(pageErrors).toEqual([]);
      expect(foreignRequests).toEqual([]);
    });
  }
});
