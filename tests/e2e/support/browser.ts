import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const chromiumPath = process.env.LADDER_CHROMIUM ?? '/usr/bin/chromium';

export const screenshotDir = path.resolve(import.meta.dirname, '../screenshots');

/**
 * Every request any page of this test file tried to send off the loopback host. The e2e setup
 * file (tests/security/e2e-no-network.ts) fails the file if this is not empty, so no test can
 * forget to assert that the app made no network request.
 */
const runForeignRequests: string[] = [];
export const foreignRequestsThisRun = (): readonly string[] => runForeignRequests;

const isLoopback = (url: string) => /^(?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//.test(url);
const isInline = (url: string) => url.startsWith('data:') || url.startsWith('blob:');

const watched = new WeakSet<BrowserContext>();
function watchContext(context: BrowserContext) {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('request', (request) => {
    const url = request.url();
    if (!isLoopback(url) && !isInline(url)) runForeignRequests.push(url);
  });
}

/** Debian's Chromium, headless, with everything that would reach the internet switched off. */
export const chromiumLaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  // Every context, however a test makes it, reports to the run-wide list.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    watchContext(context);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    watchContext(page.context());
    return page;
  };
  return browser;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to send anywhere but the host: the app must make none. */
  foreignRequests: string[];
  /** Errors the page threw or logged: a healthy app logs none. */
  pageErrors: string[];
}

export async function openPage(
  browser: Browser,
  hostUrl: string,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const origin = new URL(hostUrl).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return { page, context, foreignRequests, pageErrors };
}

export async function saveScreenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}
