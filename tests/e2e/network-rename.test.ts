import { describe, expect, it } from 'vitest';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import type { BrowserHost } from '../host/browser-host';
import { useChromium } from './support/session';

const { startHost, visit } = useChromium();

async function direct<N extends RequestName>(host: BrowserHost, name: N, input: RequestInput<N>): Promise<RequestResult<N>> {
  const envelope = await host.core.handle(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
  return envelope.data as RequestResult<N>;
}

describe('Rename network, end to end in Chromium', () => {
  it('keeps a new name typed into it through a reload, and lets it go only after asking', async () => {
    const host = await startHost();
    const network = await direct(host, 'networks.create', { name: 'Host circle' });
    const { page, pageErrors } = await visit(host, 'light');
    await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Network' }).click();
    await page.getByRole('button', { name: /Host circle/ }).click();
    await page.getByRole('button', { name: 'Rename network' }).click();
    await page.getByLabel('Network name').fill('Hosts of the coast');
    await expect.poll(async () => (await direct(host, 'drafts.list', {})).map((d) => d.key)).toContain(`network:${network.id}:rename`);

    // The browser host keeps the archive: a reload is a restart of the window.
    await page.reload();
    await page.getByRole('navigation', { name: 'Rungs' }).waitFor();
    const form = page.getByRole('form', { name: 'Rename network' });
    await form.waitFor();
    expect(await form.getByLabel('Network name').inputValue()).toBe('Hosts of the coast');

    await form.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alertdialog', { name: 'Discard this draft?' }).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('heading', { name: 'Host circle', level: 1 }).waitFor();
    await expect.poll(() => direct(host, 'drafts.list', {})).toEqual([]);
    expect((await direct(host, 'networks.get', { id: network.id })).network.name).toBe('Host circle');
    expect(pageErrors).toEqual([]);
  });
});
