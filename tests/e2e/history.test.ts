import { describe, expect, it } from 'vitest';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

describe('Back, Forward and reload, end to end in Chromium', () => {
  it('walks back one page at a time and keeps the page shown through a reload', async () => {
    const host = await startHost();
    const ruth = await host.core.handle('people.create', { name: 'Ruth Okafor' });
    if (!ruth.ok) throw new Error('could not add Ruth');
    const { page, pageErrors } = await visit(host);
    const rungs = page.getByRole('navigation', { name: 'Rungs' });
    const heading = (name: string) => page.getByRole('heading', { name, level: 1 });

    await rungs.getByRole('button', { name: 'Dyads' }).click();
    await page.getByRole('button', { name: /^Ruth Okafor/ }).first().click();
    await heading('Ruth Okafor').waitFor();

    await page.reload();
    await heading('Ruth Okafor').waitFor();

    // Once, not twice: the app's Alt+← and the browser's own must not both go back.
    await page.keyboard.press('Alt+ArrowLeft');
    await heading('Dyads').waitFor();
    await page.waitForTimeout(300);
    expect(await heading('Dyads').isVisible()).toBe(true);
    await page.keyboard.press('Alt+ArrowRight');
    await heading('Ruth Okafor').waitFor();
    await page.goBack();
    await page.goBack();
    await heading('Your ladder').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
