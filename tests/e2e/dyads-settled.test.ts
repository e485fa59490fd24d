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
      return { row: item.getBoundingClientRect(), words: box('.commitment-settled-words'), badge: box('.tag'), note: box('.commitment-settled-note') };
    }),
  );

describe('"Lately settled" on a dyad, in Chromium', () => {
  for (const width of [1280, 900])
    for (const scheme of ['light', 'dark'] as const) {
      it(`lays every row out alike: words left, badge at the right edge, the note under the words (${width}, ${scheme})`, async () => {
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
        for (const { row, words, badge, note } of found) {
          expect(Math.abs(badge!.right - row.right)).toBeLessThan(1);
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
