import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type BrowserHost, startBrowserHost } from '../../host/browser-host';
import { makeTempDir } from '../../support/temp-dir';
import { launchChromium, openPage, type WatchedPage } from './browser';

export interface ChromiumSession {
  /** A fresh data folder, removed after the test. */
  dataDir: () => string;
  /** The browser host over `dataDir` (a fresh folder if none), closed after the test; closing it early, to restart, is fine. */
  startHost: (dataDir?: string) => Promise<BrowserHost>;
  /** A new page in its own context, opened on the host. */
  visit: (host: BrowserHost, colorScheme?: 'light' | 'dark') => Promise<WatchedPage>;
  /** Runs after the test, newest first, with the session's own clean-ups. */
  onCleanup: (cleanup: () => Promise<void> | void) => void;
}

/**
 * One Chromium for a test file, and everything a test opens (folders, hosts, pages) closed after
 * it. Call once at the top of an e2e file.
 */
export function useChromium(): ChromiumSession {
  let browser: Browser | null = null;
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const dataDir = () => {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    return temp.dir;
  };
  return {
    dataDir,
    startHost: async (folder) => {
      const host = await startBrowserHost({ dataDir: folder ?? dataDir() });
      let closing: Promise<void> | null = null;
      const close = () => (closing ??= host.close());
      cleanups.push(close);
      return { ...host, close };
    },
    visit: async (host, colorScheme = 'light') => {
      if (!browser) throw new Error('useChromium() must be called at the top of the test file');
      const watched = await openPage(browser, host.url, { colorScheme });
      cleanups.push(() => watched.context.close());
      await watched.page.goto(host.url);
      return watched;
    },
    onCleanup: (cleanup) => {
      cleanups.push(cleanup);
    },
  };
}
