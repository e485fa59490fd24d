import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../host/browser-host';
import { saveScreenshot } from './support/browser';
import { useChromium } from './support/session';

const { dataDir, visit, onCleanup } = useChromium();

describe('opening the archive, end to end in Chromium', () => {
  it('says the archive is opening while the first answers wait, then shows the Ladder home', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      // As in the desktop app during a one-time migration: every request waits for the archive.
      let open = () => {};
      const opened = new Promise<void>((resolve) => (open = resolve));
      const host = await startBrowserHost({ dataDir: dataDir(), answersAfter: opened });
      onCleanup(() => host.close());
      const { page, foreignRequests, pageErrors } = await visit(host, scheme);

      const status = page.getByRole('status', { name: 'Opening your archive…' });
      await status.waitFor();
      expect(await status.textContent()).toContain('Ladder reads the whole archive through to make sure it is sound');
      // The app waits underneath, out of reach: Tab cannot wander into the hidden sidebar.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      // Once faded in (its rungs keep pulsing gently, so wait only for the fade).
      await page.evaluate(() =>
        Promise.all(
          document
            .getAnimations()
            .filter((animation) => (animation.effect as KeyframeEffect | null)?.target?.classList.contains('opening-status'))
            .map((animation) => animation.finished),
        ),
      );
      await saveScreenshot(page, `opening-status-${scheme}`);

      open();
      await status.waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'Your ladder', level: 1 }).waitFor();
      await page.getByRole('heading', { name: /^Welcome\./ }).waitFor();
      await saveScreenshot(page, `opening-done-${scheme}`);
      expect(foreignRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
    }
  });
});
