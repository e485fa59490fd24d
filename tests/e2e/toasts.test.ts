import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { handle } from './support/host-requests';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();


/** A dyad with Sam, two open commitments each way, and a journal whose entries fill the page. */
async function seed(host: BrowserHost) {
  const sam = await handle(host, 'people.create', { name: 'Sam Okafor' });
  const dyad = await handle(host, 'dyads.create', { personId: sam.id, kind: 'peer_coach', intention: 'graceful accountability' });
  const made = { dyadId: dyad.id, madeOn: localDay(-20) };
  await handle(host, 'commitments.create', { ...made, direction: 'mine', text: 'Send Sam the draft chapter, with the notes from the retreat in the margins' });
  await handle(host, 'commitments.create', { ...made, direction: 'mine', text: 'Book the cabin for the February walk' });
  await handle(host, 'commitments.create', { ...made, direction: 'theirs', text: 'Ask the writing group about a reading slot' });
  await handle(host, 'commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week, gently' });
  const words = 'The tide came in slowly and the protector part stayed quiet for once; I wrote until the light went. ';
  for (let day = 1; day <= 4; day++) await handle(host, 'journal.create', { title: `Evening pages ${day}`, body: words.repeat(12), entryDate: localDay(-day) });
}

const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications' });

/** Every toast lies beside the page's main column, never over it. */
async function expectClearOfThePage(page: Page) {
  const main = await page.locator('#main').boundingBox();
  const boxes = await notifications(page).locator('.toast').evaluateAll((toasts) => toasts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
  expect(main).not.toBeNull();
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.x + box.width).toBeLessThanOrEqual(main!.x);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
  }
}

/** A picture once the toasts have finished sliding in. */
async function picture(page: Page, name: string) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await saveScreenshot(page, name);
}

/** What has focus, and whether a ring is drawn around it. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement;
    const style = getComputedStyle(active);
    return { text: active.textContent?.trim() ?? '', ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
  });

const wordsIn = (list: Locator, text: string) => list.locator('.commitment-words', { hasText: text });

describe('toasts and focus, end to end in Chromium at 1280×800', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps two toasts' worth of Undo beside the page, and focus in my own list (${scheme})`, async () => {
      const host = await startHost();
      await seed(host);
      const { page, pageErrors } = await visit(host, scheme);
      await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Dyads' }).click();
      await page.getByRole('button', { name: 'Sam Okafor', exact: true }).first().click();
      await page.getByRole('heading', { name: /Sam Okafor · Peer coach/, level: 1 }).waitFor();
      const mine = page.getByRole('list', { name: 'My open commitments' });
      const theirs = page.getByRole('list', { name: 'Sam Okafor’s open commitments' });

      // Kept, with the mouse: focus moves on to my other commitment, with a ring to show it.
      await page.getByRole('button', { name: 'Kept: Book the cabin for the February walk' }).click();
      await notifications(page).getByText('Kept: “Book the cabin for the February walk”').waitFor();
      await expect.poll(() => focusRing(page)).toEqual({ text: 'Send Sam the draft chapter, with the notes from the retreat in the margins', ring: true });
      expect(await wordsIn(mine, 'Send Sam the draft chapter').evaluate((el) => el === document.activeElement)).toBe(true);

      // New terms for one of Sam's: focus is on them.
      await page.getByRole('button', { name: 'Renegotiate: Run three times a week, gently…' }).click();
      await page.getByLabel('New terms').fill('Walk twice a week');
      await page.getByRole('button', { name: 'Save new terms' }).click();
      await notifications(page).getByText('Renegotiated: the new terms are open now').waitFor();
      await expect.poll(() => focusRing(page)).toEqual({ text: 'Walk twice a week', ring: true });
      expect(await wordsIn(theirs, 'Walk twice a week').evaluate((el) => el === document.activeElement)).toBe(true);

      // Two Undos, in the sidebar's quiet part above Search and Settings, clear of the page.
      await page.mouse.move(700, 300);
      const toasts = notifications(page).locator('.toast');
      expect(await toasts.count()).toBe(2);
      await expectClearOfThePage(page);
      const search = await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Search' }).boundingBox();
      const lowest = await toasts.nth(1).boundingBox();
      expect(lowest!.y + lowest!.height).toBeLessThan(search!.y);
      await picture(page, `toasts-dyad-${scheme}`);

      // A capture saved over the page: its "Open" is newest, yet Ctrl+Z takes back the renegotiation.
      await page.keyboard.press('Control+Shift+N');
      await page.keyboard.type('A protector is loud today');
      await page.keyboard.press('Enter');
      await notifications(page).getByText('Captured in your journal').waitFor();
      await expect.poll(() => focusRing(page).then((f) => f.text)).toBe('Walk twice a week');
      await page.keyboard.press('Control+z');
      await wordsIn(theirs, 'Run three times a week, gently').waitFor();
      expect(await notifications(page).getByText('Renegotiated: the new terms are open now').count()).toBe(0);
      expect(await notifications(page).getByText('Captured in your journal').count()).toBe(1);
      expect(await page.getByRole('heading', { name: /Sam Okafor · Peer coach/, level: 1 }).count()).toBe(1);

      // The journal, where toasts used to lie over the entry's text.
      await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Self' }).click();
      await page.getByRole('list', { name: 'Journal' }).getByRole('button', { name: /Evening pages 1/ }).click();
      await page.getByLabel('Entry', { exact: true }).waitFor();
      await page.keyboard.press('Control+Shift+N');
      await page.keyboard.type('Another part, curious this time');
      await page.keyboard.press('Escape');
      await notifications(page).getByText(/Your capture is kept, not saved yet/).waitFor();
      await page.mouse.move(700, 300);
      await expectClearOfThePage(page);
      await picture(page, `toasts-journal-${scheme}`);
      expect(pageErrors).toEqual([]);
    });
  }

  /** Three Undos, one after the other, on a network's page. */
  async function threeRemovals(page: Page) {
    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Network' }).click();
    await page.getByRole('list', { name: 'Your networks' }).getByRole('button', { name: /^Hosts circle/ }).click();
    for (const name of ['Rich', 'Nati', 'Ana']) {
      const remove = page.getByRole('button', { name: `Remove ${name} from the hosts of Hosts circle` });
      await remove.click();
      await remove.waitFor({ state: 'detached' });
    }
    await page.mouse.move(700, 300);
  }

  async function seedHosts(host: BrowserHost) {
    const network = await handle(host, 'networks.create', { name: 'Hosts circle' });
    for (const name of ['Rich', 'Nati', 'Ana']) {
      const person = await handle(host, 'people.create', { name });
      await handle(host, 'networks.addHost', { networkId: network.id, personId: person.id });
    }
  }

  /** Whether a click at the centre of each rung button reaches that button, not a toast. */
  const rungsReachable = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sidebar .nav-button')].map((button) => {
        const box = button.getBoundingClientRect();
        return { name: button.textContent?.trim(), hit: button.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)) };
      }),
    );

  const visibleToasts = (page: Page) => notifications(page).locator('.toast:not(.toast-waiting)');

  it('shows only the newest in a short window, the rest behind "+2 more", and a focused Undo wholly in view', async () => {
    const host = await startHost();
    await seedHosts(host);
    const { page, pageErrors } = await visit(host);
    await page.setViewportSize({ width: 1280, height: 600 });
    await threeRemovals(page);
    await expect.poll(() => notifications(page).locator('.toast').count()).toBe(3);
    // The newest, whole, above Search and Settings and below the rung buttons; the two older ones wait.
    expect(await visibleToasts(page).count()).toBe(1);
    await visibleToasts(page).getByText(/Ana/).waitFor();
    const main = await page.locator('#main').boundingBox();
    const region = await notifications(page).boundingBox();
    expect(region!.x + region!.width).toBeLessThanOrEqual(main!.x);
    const network = await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Network' }).boundingBox();
    expect(region!.y).toBeGreaterThanOrEqual(network!.y + network!.height);
    expect((await rungsReachable(page)).filter((rung) => !rung.hit)).toEqual([]);
    await picture(page, 'toasts-600-collapsed-light');

    // "+2 more" opens the stack; it scrolls in the same room, and a focused Undo is wholly in view.
    await notifications(page).getByRole('button', { name: '+2 more' }).click();
    expect(await visibleToasts(page).count()).toBe(3);
    const undos = notifications(page).getByRole('button', { name: 'Undo' });
    await undos.nth(2).focus();
    const stack = await notifications(page).boundingBox();
    const undo = await undos.nth(2).boundingBox();
    expect(undo!.y).toBeGreaterThanOrEqual(stack!.y);
    expect(undo!.y + undo!.height).toBeLessThanOrEqual(stack!.y + stack!.height);
    expect((await rungsReachable(page)).filter((rung) => !rung.hit)).toEqual([]);
    await picture(page, 'toasts-600-opened-focus-light');

    // Ctrl+Z still takes back the newest: Ana is a host again.
    await page.locator('h1').first().click();
    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Remove Ana from the hosts of Hosts circle' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`never covers a rung button at 1280×450: the newest lies over the page's lower edge instead (${scheme})`, async () => {
      const host = await startHost();
      await seedHosts(host);
      const { page, pageErrors } = await visit(host, scheme);
      await page.setViewportSize({ width: 1280, height: 450 });
      await threeRemovals(page);
      await expect.poll(() => notifications(page).locator('.toast').count()).toBe(3);
      expect(await visibleToasts(page).count()).toBe(1);
      const rungs = await rungsReachable(page);
      expect(rungs.map((rung) => rung.name)).toEqual(expect.arrayContaining(['Congregations', 'Network', 'Search', 'Settings']));
      expect(rungs.filter((rung) => !rung.hit)).toEqual([]);
      // Off the sidebar, wholly in the window.
      const main = await page.locator('#main').boundingBox();
      const newest = await visibleToasts(page).first().boundingBox();
      expect(newest!.x).toBeGreaterThanOrEqual(main!.x);
      expect(newest!.y + newest!.height).toBeLessThanOrEqual(450);
      await picture(page, `toasts-450-${scheme}`);
      // Opened, the stack stays off the navigation too.
      await notifications(page).getByRole('button', { name: '+2 more' }).click();
      expect((await rungsReachable(page)).filter((rung) => !rung.hit)).toEqual([]);
      await picture(page, `toasts-450-opened-${scheme}`);
      await page.keyboard.press('Control+z');
      await page.getByRole('button', { name: 'Remove Ana from the hosts of Hosts circle' }).waitFor();
      expect(pageErrors).toEqual([]);
    });
  }
});
