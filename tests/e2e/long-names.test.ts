import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { handle } from './support/host-requests';
import { useChromium } from './support/session';

/** Names are whatever people type: a very long one wraps where it must, and no page scrolls sideways. */

const { startHost, visit } = useChromium();

const longName = 'Maximiliana Bartholomew-Featherstonehaugh Wolfeschlegelsteinhausenbergerdorff the Third of Northumberland';
const unbroken = 'TheAtlanticMicrosolidarityHostsNetworkOfNetworksWithAVeryLongNameIndeed';

/** How far the main area's content reaches past its width (0 when it fits). */
const sideways = (page: Page) => page.locator('main').evaluate((main) => main.scrollWidth - main.clientWidth);

describe('long names, in Chromium', () => {
  for (const width of [1280, 900])
    for (const scheme of ['light', 'dark'] as const) {
      it(`wrap on a person's, a crew's and a network's page (${width}, ${scheme})`, async () => {
        const host = await startHost();
        const me = await handle(host, 'people.create', { name: 'Sam', isMe: true });
        const max = await handle(host, 'people.create', { name: longName });
        await handle(host, 'crews.create', { name: 'Climate doers', startedOn: localDay(-3), memberIds: [me.id, max.id] });
        await handle(host, 'networks.create', { name: unbroken });
        const { page, pageErrors } = await visit(host, scheme);
        await page.setViewportSize({ width, height: 800 });
        const rungs = page.getByRole('navigation', { name: 'Rungs' });

        await rungs.getByRole('button', { name: 'Dyads' }).click();
        await page.getByRole('button', { name: longName }).first().click();
        await page.getByRole('heading', { name: longName, level: 1 }).waitFor();
        expect(await sideways(page)).toBe(0);
        const start = page.getByRole('button', { name: `Start a dyad with ${longName}` });
        const [button, main] = await Promise.all([start.boundingBox(), page.locator('main').boundingBox()]);
        expect(button!.x + button!.width).toBeLessThanOrEqual(main!.x + main!.width);
        await saveScreenshot(page, `long-name-person-${width}-${scheme}`);

        await rungs.getByRole('button', { name: 'Crews' }).click();
        await page.getByRole('button', { name: /Climate doers/ }).first().click();
        await page.getByRole('heading', { name: 'Climate doers', level: 1 }).waitFor();
        await page.getByRole('table').first().waitFor();
        expect(await sideways(page)).toBe(0);
        await saveScreenshot(page, `long-name-crew-${width}-${scheme}`);

        await rungs.getByRole('button', { name: 'Network' }).click();
        await page.getByRole('button', { name: new RegExp(unbroken) }).first().click();
        await page.getByRole('heading', { name: unbroken, level: 1 }).waitFor();
        expect(await sideways(page)).toBe(0);
        expect(pageErrors).toEqual([]);
      });
    }
});
