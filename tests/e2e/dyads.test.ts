import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { around, localDay } from './support/days';
import { useChromium } from './support/session';
import { DyadsPage } from './support/dyads-page';

const { startHost, visit } = useChromium();

describe('dyads, end to end in Chromium', () => {
  it('adds a person and a dyad, logs two check-ins with commitments both ways, and shows the timeline and the next check-in', async () => {
    const host = await startHost();
    await host.core.handle('journal.create', { title: 'Thinking of Ada Lovelace', body: 'Her question stayed with me all week.', entryDate: localDay(-3) });

    const { page, foreignRequests, pageErrors } = await visit(host, 'light');
    const dyads = new DyadsPage(page);
    await dyads.open();
    await dyads.addPerson('Ada Lovelace', 'At the spring gathering, in the crew-formation round');
    await dyads.startDyadWith('Ada Lovelace', {
      kind: 'Peer coach',
      intention: 'graceful accountability',
      rhythmDays: '14',
      agreements: ['What we share stays between us', 'Either of us can pause without explaining'],
    });

    // The first check-in, two weeks ago: commitments in both directions.
    await dyads.newCheckin();
    await dyads.writeCheckin({
      date: localDay(-14),
      name: 'Ada Lovelace',
      shared: 'The move has been harder than I let on.',
      heard: 'She is writing again, and nervous about showing anyone.',
      how: 'Walk',
      dial: 3,
    });
    await dyads.addCommitment('mine', 'Ada Lovelace', 'Send her the article on peer coaching');
    await dyads.addCommitment('theirs', 'Ada Lovelace', 'Run three times a week');
    await dyads.waitUntilSaved();
    await dyads.backTo('Back to Ada Lovelace');

    // The second check-in, today: last time's commitments come up one by one.
    await dyads.newCheckin();
    expect(await dyads.reviewText()).toBe('Send her the article on peer coaching');
    await saveScreenshot(page, 'dyads-review-light');
    await dyads.reviewKept();
    await page.getByText('Kept: “Send her the article on peer coaching”').waitFor();
    await expect.poll(() => dyads.reviewText()).toBe('Run three times a week');
    await dyads.reviewRenegotiate('Walk twice a week, and see how it feels');
    await dyads.writeCheckin({
      name: 'Ada Lovelace',
      shared: 'I asked for help with the garden; it felt good to ask.',
      heard: 'Chapter one is done. She wants a reader by the end of the month.',
      how: 'Call',
      dial: 5,
    });
    await dyads.addCommitment('mine', 'Ada Lovelace', 'Read chapter one by Friday');
    await dyads.addCommitment('theirs', 'Ada Lovelace', 'Ask the writing group about a slot');
    await dyads.waitUntilSaved();
    await dyads.scrollTo('top');
    await saveScreenshot(page, 'dyads-checkin-light');
    await dyads.scrollTo('bottom');
    // Scrolled to the end, the status is still in sight at the top, and again beside Done.
    expect(await page.getByRole('status').filter({ hasText: /^Saved$/ }).isVisible()).toBe(true);
    expect(await page.locator('.checkin-done').textContent()).toMatch(/^SavedDone/);
    await saveScreenshot(page, 'dyads-checkin-commitments-light');

    // The dyad: when the next check-in is hoped for (today plus the rhythm). Done goes there.
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: /Ada Lovelace · Peer coach/, level: 1 }).waitFor();
    await expect.poll(() => dyads.fact('Next check-in').textContent()).toMatch(around(localDay(14)));
    expect(await dyads.fact('Last check-in').textContent()).toBe('Today');
    await page.getByRole('list', { name: 'My open commitments' }).getByText('Read chapter one by Friday').waitFor();
    await page.getByRole('list', { name: 'Ada Lovelace’s open commitments' }).getByText('Walk twice a week, and see how it feels').waitFor();
    await page.getByRole('img', { name: /2 check-ins with the dial set, from 3 .* to 5/ }).waitFor();
    await saveScreenshot(page, 'dyads-dyad-light');

    // Settled on the page itself, by keyboard: Kept, and focus stays in my list; it was the last
    // of mine, so it rests on the list's heading (not on Ada's commitment, not on a button, so a
    // second Enter settles nothing by accident).
    const kept = page.getByRole('button', { name: 'Kept: Read chapter one by Friday' });
    await kept.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Kept: “Read chapter one by Friday”').waitFor();
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H3 Mine');
    await page.getByRole('list', { name: 'Lately settled commitments' }).getByText('Read chapter one by Friday').waitFor();
    await saveScreenshot(page, 'dyads-dyad-settled-light');
    // ... and Ctrl+Z takes it back.
    await page.keyboard.press('Control+z');
    await page.getByRole('list', { name: 'My open commitments' }).getByText('Read chapter one by Friday').waitFor();
    await page.getByRole('button', { name: 'Release: Walk twice a week, and see how it feels…' }).click();
    await page.getByLabel('A note on releasing it').fill('She found a running group instead');
    await saveScreenshot(page, 'dyads-dyad-release-light');
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await page.getByText(/^Released: “Walk twice a week/).waitFor();

    // The monthly count waits behind "Rhythm over time".
    expect(await page.getByRole('img', { name: /Check-ins per month/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Rhythm over time' }).click();
    await page.getByRole('img', { name: /Check-ins per month with Ada Lovelace/ }).waitFor();
    await dyads.scrollTo('bottom');
    await saveScreenshot(page, 'dyads-dyad-charts-light');

    // The Dyads page: the card says the same.
    await dyads.backTo('Back to Dyads');
    const card = page.getByRole('article', { name: 'Ada Lovelace' });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toMatch(around(localDay(14)));
    await saveScreenshot(page, 'dyads-page-light');

    // The person's timeline: both check-ins, every commitment with its status, the entry.
    await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    await dyads.timeline().waitFor();
    const timeline = (await dyads.timeline().getByRole('listitem').allTextContents()).join('\n');
    expect(timeline).toContain('Check-in · Call · dial 5');
    expect(timeline).toContain('Check-in · Walk · dial 3');
    expect(timeline).toMatch(/I committed: Send her the article on peer coachingKept/);
    expect(timeline).toMatch(/Ada Lovelace committed: Run three times a weekRenegotiated/);
    expect(timeline).toContain('New terms: Walk twice a week, and see how it feels');
    expect(timeline).toContain('Journal · Thinking of Ada Lovelace');
    await saveScreenshot(page, 'dyads-person-light');

    // The same screens in dark.
    const dark = await visit(host, 'dark');
    const darkDyads = new DyadsPage(dark.page);
    await darkDyads.open();
    await dark.page.getByRole('article', { name: 'Ada Lovelace' }).waitFor();
    await saveScreenshot(dark.page, 'dyads-page-dark');
    await dark.page.getByRole('list', { name: 'People' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    await darkDyads.timeline().waitFor();
    await saveScreenshot(dark.page, 'dyads-person-dark');
    await darkDyads.timeline().getByRole('button', { name: /Check-in · Call/ }).click();
    await dark.page.getByLabel('What I shared').waitFor();
    await saveScreenshot(dark.page, 'dyads-checkin-dark');
    await darkDyads.scrollTo('bottom');
    await saveScreenshot(dark.page, 'dyads-checkin-done-dark');
    await dark.page.getByRole('button', { name: 'Done' }).click();
    await dark.page.getByRole('img', { name: /2 check-ins with the dial set/ }).waitFor();
    await saveScreenshot(dark.page, 'dyads-dyad-dark');
    await dark.page.getByRole('button', { name: 'Rhythm over time' }).click();
    await darkDyads.scrollTo('bottom');
    await saveScreenshot(dark.page, 'dyads-dyad-charts-dark');

    expect(foreignRequests).toEqual([]);
    expect(dark.foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(dark.pageErrors).toEqual([]);
  });

  it('starts a dyad with someone not in the archive yet, from the New dyad form, keeping what was typed', async () => {
    const host = await startHost();
    const { page, pageErrors } = await visit(host, 'dark');
    const dyads = new DyadsPage(page);
    await dyads.open();
    await page.getByRole('button', { name: 'New dyad' }).click();
    await page.getByText('Nobody here yet: add the person below.').waitFor();
    await page.getByLabel('Intention, in our words').fill('walk and talk, monthly');
    await page.getByLabel('Someone new').fill('Ines Moreau');
    await page.getByLabel('Someone new').press('Enter');
    await expect.poll(() => page.getByLabel('With').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Ines Moreau');
    expect(await page.getByLabel('Intention, in our words').inputValue()).toBe('walk and talk, monthly');
    await saveScreenshot(page, 'dyads-new-dyad-someone-new-dark');
    // Ctrl+Enter from a text field sends the form, as Start dyad does.
    await page.getByLabel('Intention, in our words').press('Control+Enter');
    await page.getByRole('heading', { name: /Ines Moreau · Peer coach/, level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("closes a dyad gracefully, and the close stands on the person's timeline with its words", async () => {
    const host = await startHost();
    const ada = await host.core.handle('people.create', { name: 'Ada Lovelace' });
    if (!ada.ok) throw new Error(ada.error.message);
    const dyad = await host.core.handle('dyads.create', { personId: (ada.data as { id: string }).id, kind: 'peer_coach', rhythmDays: 14 });
    if (!dyad.ok) throw new Error(dyad.error.message);
    const { page, pageErrors } = await visit(host, 'light');
    const dyads = new DyadsPage(page);
    await dyads.open();
    await page.getByRole('article', { name: 'Ada Lovelace' }).getByRole('button', { name: 'Ada Lovelace' }).click();
    await page.getByRole('button', { name: 'Close gracefully…' }).click();
    await page.getByLabel('Closing note').fill('She moved to Lisbon; we part as friends.');
    await page.getByRole('button', { name: 'Close gracefully', exact: true }).click();
    await page.getByRole('button', { name: 'Reopen dyad' }).waitFor();

    await dyads.backTo('Back to Dyads');
    await page.getByRole('list', { name: 'People' }).getByRole('button', { name: /Ada Lovelace/ }).click();
    const items = dyads.timeline().getByRole('listitem');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual([
      'TodayClosed a dyad · Peer coachShe moved to Lisbon; we part as friends.',
      expect.stringContaining('Started a dyad · Peer coach'),
    ]);
    await saveScreenshot(page, 'dyads-person-closed-light');
    // It leads back to the dyad, where it can be reopened.
    await dyads.timeline().getByRole('button', { name: /Closed a dyad/ }).click();
    await page.getByRole('button', { name: 'Reopen dyad' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('keeps every key typed into a new check-in where it goes while it is first saved and takes its own address', async () => {
    const host = await startHost();
    const ada = await host.core.handle('people.create', { name: 'Ada Lovelace' });
    if (!ada.ok) throw new Error(ada.error.message);
    const dyad = await host.core.handle('dyads.create', { personId: (ada.data as { id: string }).id, kind: 'peer_coach', rhythmDays: 14 });
    if (!dyad.ok) throw new Error(dyad.error.message);
    const { page, pageErrors } = await visit(host, 'light');
    const dyads = new DyadsPage(page);
    await dyads.open();
    await page.getByRole('article', { name: 'Ada Lovelace' }).getByRole('button', { name: 'Ada Lovelace' }).click();
    await dyads.newCheckin();
    await page.getByLabel('What I shared').click();
    await page.keyboard.type('Slow words');
    // Typed slowly, past the autosave's pause: the first save (and the new address) comes mid-word.
    await page.getByLabel('New commitment of mine').click();
    await page.keyboard.type('Call the landlord', { delay: 120 });
    expect(page.url()).toMatch(/#\/dyads\/checkin\//);
    expect(await page.getByLabel('New commitment of mine').inputValue()).toBe('Call the landlord');
    await page.keyboard.press('Enter');
    const mine = page.getByRole('list', { name: 'I committed to' });
    await mine.getByText('Call the landlord').waitFor();
    expect(await mine.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Call the landlord')]);
    expect(await page.getByLabel('What I shared').inputValue()).toBe('Slow words');
    expect(pageErrors).toEqual([]);
  });
});
