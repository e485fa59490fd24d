import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { localDay } from './support/days';
import { handle } from './support/host-requests';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();


/** A dyad whose "Lately settled" has each kind of ending: kept, released with a note, renegotiated. */
async function seed(host: BrowserHost) {
  const ana = await handle(host, 'people.create', { name: 'Ana' });
  const dyad = await handle(host, 'dyads.create', { personId: ana.id, kind: 'peer_coach', intention: 'graceful accountability' });
  const made = { dyadId: dyad.id, madeOn: localDay(-10), direction: 'mine' };
  const bread = await handle(host, 'commitments.create', { ...made, text: 'Bake bread' });
  const tent = await handle(host, 'commitments.create', { ...made, text: 'Return the tent' });
  const retreat = await handle(host, 'commitments.create', { ...made, text: 'Plan the winter retreat with the whole crew, venue and food included' });
  await handle(host, 'commitments.resolve', { id: bread.id, status: 'released', note: 'No oven this month', on: localDay(-1) });
  await handle(host, 'commitments.resolve', { id: tent.id, status: 'kept', on: localDay(-1) });
  await handle(host, 'commitments.resolve', { id: retreat.id, status: 'renegotiated', newTerms: 'Plan the retreat venue only', on: localDay(-1) });
}

/** Each settled row: where its words, badge and note lie. */
const rows = (page: Page) =>
  page.getByRole('list', { name: 'Lately settled commitments' }).locator('li').evaluateAll((items) =>
    items.map((item) => {
      const box = (selector: string) => item.querySelector(selector)?.getBoundingClientRect() ?? null;
      return { row: item.getBoundingClientRect(), words: box('.commitment-settled-words'), end: box('.commitment-settled-end'), badge: box('.tag'), note: box('.commitment-settled-note') };
    }),
  );

describe('"Lately settled" on a dyad, in Chromium', () => {
  for (const width of [1280, 900])
    for (const scheme of ['light', 'dark'] as const) {
      it(`lays every row out alike: words left, badge and Reopen at the right edge, the note under the words (${width}, ${scheme})`, async () => {
        const host = await startHost();
        await seed(host);
        const { page, pageErrors } = await visit(host, scheme);
        await page.setViewportSize({ width, height: 800 });
        await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Dyads' }).click();
        await page.getByRole('button', { name: 'Ana', exact: true }).first().click();
        const list = page.getByRole('list', { name: 'Lately settled commitments' });
        await list.scrollIntoViewIfNeeded();
        const found = await rows(page);
        expect(found).toHaveLength(3);
        for (const { row, words, end, badge, note } of found) {
          expect(Math.abs(end!.right - row.right)).toBeLessThan(1);
          expect(badge!.right).toBeLessThanOrEqual(end!.right);
          expect(badge!.left).toBeGreaterThan(words!.left);
          expect(words!.left).toBe(row.left);
          if (note) {
            expect(note.left).toBe(row.left);
            expect(note.top).toBeGreaterThan(words!.top);
          }
        }
        expect(found.filter((r) => r.note)).toHaveLength(2);
        await saveScreenshot(page, `dyads-lately-settled-${width}-${scheme}`);
        expect(pageErrors).toEqual([]);
      });
    }
});

describe('Reopen, in Chromium', () => {
  it('opens a kept commitment again from "Lately settled", and Ctrl+Z settles it as it was', async () => {
    const host = await startHost();
    await seed(host);
    const { page, pageErrors } = await visit(host);
    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Dyads' }).click();
    await page.getByRole('button', { name: 'Ana', exact: true }).first().click();
    await page.getByRole('button', { name: 'Reopen: Return the tent' }).click();
    const mine = page.getByRole('list', { name: 'My open commitments' });
    await mine.getByText('Return the tent').waitFor();
    await page.getByText('Open again: “Return the tent”').waitFor();

    await page.keyboard.press('Control+z');
    await page.getByRole('list', { name: 'Lately settled commitments' }).getByText('Return the tent').waitFor();
    expect(await mine.getByText('Return the tent').count()).toBe(0);
    const all = await handle(host, 'commitments.list', { dyadId: (await handle(host, 'dyads.list', { today: localDay() }))[0]?.id ?? '', which: 'all' });
    expect(all.find((c) => c.text === 'Return the tent')).toMatchObject({ status: 'kept', resolvedOn: localDay(-1) });
    expect(pageErrors).toEqual([]);
  });
});
