import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RequestName } from '../../shared/contract';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { CongregationsPage } from './support/ladder-page';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

async function handle(host: BrowserHost, name: RequestName, input: unknown) {
  const result = await host.core.handle(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.data as { id: string };
}

/** The space between the bottom of `above` and the top of `below`, in pixels. */
async function spaceBetween(above: Locator, below: Locator) {
  const [a, b] = await Promise.all([above.boundingBox(), below.boundingBox()]);
  if (!a || !b) throw new Error('not on screen');
  return b.y - (a.y + a.height);
}

/** What has keyboard focus: its tag, type and label. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element || element === document.body) return 'the page body';
    return `${element.tagName.toLowerCase()}${element.type ? `[${element.type}]` : ''}: ${(element.labels?.[0]?.textContent ?? element.textContent ?? '').trim()}`;
  });
}

describe('a congregation and a network, as a first-time user meets them, in Chromium', () => {
  it('keeps a little space under Edit and Delete when a 900px window puts them under the name', async () => {
    const host = await startHost();
    const c = await handle(host, 'congregations.create', { name: 'Riverside Commons', about: 'Neighbours', size: 60, role: 'member', since: localDay(-30) });
    const n = await handle(host, 'networks.create', { name: 'Hosts circle' });
    await handle(host, 'networks.addCongregation', { networkId: n.id, congregationId: c.id });
    const { page, pageErrors } = await visit(host, 'light');
    await page.setViewportSize({ width: 900, height: 800 });
    const congregations = new CongregationsPage(page);
    await congregations.open();
    await congregations.openCongregation('Riverside Commons');
    const facts = page.getByText('Member · about 60 people · part of Hosts circle');
    expect(await spaceBetween(page.getByRole('button', { name: 'Delete congregation…' }), facts)).toBeGreaterThanOrEqual(8);
    await saveScreenshot(page, 'congregation-900');

    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Network' }).click();
    await page.getByRole('list', { name: 'Your networks' }).getByRole('button', { name: /^Hosts circle/ }).click();
    const firstPanel = page.getByRole('region', { name: 'Congregations in it' });
    expect(await spaceBetween(page.getByRole('button', { name: 'Delete network…' }), firstPanel)).toBeGreaterThanOrEqual(8);
    await saveScreenshot(page, 'network-900');
    expect(pageErrors).toEqual([]);
  });

  it('takes the keyboard into "Add people I know here" when it opens, and Enter on a name saves it with the rest', async () => {
    const host = await startHost();
    await handle(host, 'congregations.create', { name: 'Riverside Commons', role: 'member', since: localDay(-30) });
    await handle(host, 'people.create', { name: 'Ana' });
    const { page, pageErrors } = await visit(host, 'dark');
    const congregations = new CongregationsPage(page);
    await congregations.open();
    await congregations.openCongregation('Riverside Commons');

    await page.getByRole('button', { name: 'Add people I know here' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('input[checkbox]: Ana');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dara');
    // Straight on to Save people, without "Add to people I know here": Dara comes along.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('button[submit]: Save people');
    await page.keyboard.press('Enter');
    const chips = page.getByRole('list', { name: 'People I know here' });
    await chips.getByText('Dara').waitFor();
    await chips.getByText('Ana').waitFor();
    await saveScreenshot(page, 'congregation-people-added-dark');
    expect(pageErrors).toEqual([]);
  });
});
