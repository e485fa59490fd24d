import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import type { LadderBridge } from '../../shared/bridge';
import { openingStatusDelayMillis } from '../../renderer/src/app/OpeningStatus';
import { usePrivacy } from '../../renderer/src/privacy/privacy-store';
import { makeTempDir } from '../support/temp-dir';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

const opening = { name: 'Opening your archive…' };
const welcome = "Welcome. This is where you'll see where you belong.";
const pause = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

/** Records whether the opening status was ever in the page, however briefly. */
function watchForStatus() {
  let seen = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector('.opening-status')) seen = true;
  });
  observer.observe(document.body, { childList: true, subtree: true });
  return {
    seen: () => seen,
    stop: () => observer.disconnect(),
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  usePrivacy.getState().reset();
});

describe('the status while the archive opens', () => {
  it('says the archive is opening when the first answer is slow, and goes as soon as it arrives', async () => {
    const release = coreBridge().hold();
    renderApp();
    // The shell is there at once (the page once the archive is open); the status only after the
    // delay, so a fast start never sees it.
    expect(screen.getByRole('navigation', { name: 'Rungs' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your ladder', level: 1 })).not.toBeInTheDocument();
    expect(coreBridge().callsOf('app.info')).not.toHaveLength(0);
    expect(screen.queryByRole('status', opening)).not.toBeInTheDocument();
    await pause(openingStatusDelayMillis / 2);
    expect(screen.queryByRole('status', opening)).not.toBeInTheDocument();

    const status = await screen.findByRole('status', opening, { timeout: 2_000 });
    expect(status).toHaveTextContent(/Ladder reads the whole archive through to make sure it is sound/);
    expect(status).toHaveTextContent(/Everything you've written stays exactly as it is\./);
    expect(screen.getByRole('heading', { level: 1, name: 'Opening your archive…' })).toBeInTheDocument();
    // The shell waits underneath, out of reach of focus.
    expect(screen.getByRole('navigation', { name: 'Rungs' }).closest('[inert]')).not.toBeNull();
    // Still waiting a while later: it stays, calmly.
    await pause(300);
    expect(screen.getByRole('status', opening)).toBeInTheDocument();

    release();
    await waitFor(() => expect(screen.queryByRole('status', opening)).not.toBeInTheDocument());
    expect(screen.getByRole('navigation', { name: 'Rungs' }).closest('[inert]')).toBeNull();
    expect(await screen.findByText(welcome)).toBeInTheDocument();
  });

  it('never shows when the answers come quickly', async () => {
    const watch = watchForStatus();
    cleanups.push(watch.stop);
    renderApp();
    expect(await screen.findByText(welcome)).toBeInTheDocument();
    await pause(openingStatusDelayMillis + 300);
    expect(watch.seen()).toBe(false);
    expect(screen.queryByRole('status', opening)).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Rungs' }).closest('[inert]')).toBeNull();
  });

  it('gives way to the lock screen of an encrypted archive, with the passphrase field ready', async () => {
    const temp = makeTempDir('ladder-opening-');
    cleanups.push(temp.remove);
    const options = { dataDir: temp.dir, version: 'test', automaticBackups: false, kdfCost: { N: 2 ** 12, r: 8, p: 1 } };
    const first = await createCore(options);
    await first.handle('privacy.setPassphrase', { passphrase: 'correct horse battery staple', deletePlainBackups: true });
    await first.close();
    const core: Core = await createCore(options);
    cleanups.push(() => core.close());
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    const bridge: LadderBridge = {
      invoke: (async (name: string, input: unknown) => {
        await opened;
        return core.handle(name, structuredClone(input));
      }) as LadderBridge['invoke'],
    };
    Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });

    renderApp();
    expect(await screen.findByRole('status', opening, { timeout: 2_000 })).toBeInTheDocument();
    open();
    expect(await screen.findByRole('heading', { name: 'Ladder is locked' })).toBeInTheDocument();
    expect(screen.queryByRole('status', opening)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Passphrase')).toHaveFocus();
  });
});
