import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { forkScript, nextMessage } from '../child';
import type { HostMessage } from '../host-process';
import { type Result, figure, skipped, timed } from '../report';
import { summarize } from '../timing';
import { type Paint, type ScrollOutcome, idleFrames, installPaintProbe, longFrameMs, paintSignals, scrollJournal } from './browser-page';
import type { MeasureContext, Scenario } from './types';

/**
 * The journal in Chromium through the browser host, opened three ways: navigating to its address
 * (`#/self`, as a reload or the desktop app reopening on it does) in a fresh profile, so nothing
 * was compiled before; the same in a profile kept between visits, as the desktop app keeps its
 * compiled scripts between starts; and, as a person first meets it, from the ladder
 * with a click on Self. Each until the first row is painted. Then scrolling far down the list.
 * Until the UI has those labels this reports "skipped: <reason>" rather than failing.
 */

const root = path.resolve(import.meta.dirname, '../../..');
const chromiumPath = process.env.LADDER_CHROMIUM ?? '/usr/bin/chromium';
const paintRuns = { warmup: 1, reps: 7 };
const paintTarget = 500;
const rowsToScroll = 10_000;
/** A brisk fling: 10,000 rows take about 20 s at 60 Hz, waiting for pages included. */
const rowsPerFrame = 8;

const ids = {
  paint: 'browser.journal-painted',
  paintKeptProfile: 'browser.journal-painted.kept-profile',
  paintFromLadder: 'browser.journal-painted.from-ladder',
  scroll: 'browser.scroll',
} as const;
const labels = {
  paint: 'Chromium: navigation → journal painted',
  paintKeptProfile: 'Chromium, kept profile: navigation → journal painted',
  paintFromLadder: 'Chromium: ladder, click Self → journal painted',
  scroll: `Chromium: scroll ${rowsToScroll.toLocaleString('en')} rows, long frames`,
};

class Skip extends Error {}

function ensureRenderer(log: (line: string) => void) {
  if (existsSync(path.join(root, 'out/renderer/index.html'))) return;
  log('  browser: no built renderer, running `npm run build`');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (build.status !== 0) {
    const firstError = build.stderr.split('\n').find((line) => /error/i.test(line)) ?? `exit ${build.status}`;
    throw new Skip(`renderer build failed: ${firstError.trim().slice(0, 160)}`);
  }
}

/** How the journal is reached: its own address, or the ladder and a click on Self. */
type Way = 'address' | 'click';

/** Makes the page report when its shell and first journal row are painted (see browser-page.ts). */
async function probePaint(page: Page) {
  // tsx keeps function names by wrapping them in __name(); the page has no such helper.
  await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await page.addInitScript(installPaintProbe, paintSignals);
}

/** Resolves when the page logs `text`; made before navigating, so the signal cannot be missed. */
function signalled(page: Page, text: string, missing: string): Promise<void> {
  return page.waitForEvent('console', { predicate: (message) => message.text() === text, timeout: 30_000 }).then(
    () => undefined,
    () => {
      throw new Skip(missing);
    },
  );
}

function journalPainted(page: Page): Promise<void> {
  return signalled(page, paintSignals.journal, 'no row appeared in a list labelled "Journal" within 30 s');
}

async function paintOf(page: Page): Promise<Paint> {
  return page.evaluate(() => (window as unknown as { __bench: Paint }).__bench);
}

/** A fresh context each time, so nothing is cached between runs. */
async function openJournal(browser: Browser, url: string, way: Way) {
  const { openPage } = await import('../../e2e/support/browser');
  const watched = await openPage(browser, url);
  const { page } = watched;
  try {
    await probePaint(page);
    const painted = journalPainted(page);
    // Not awaited yet: a rejection before its turn must not go unhandled.
    painted.catch(() => undefined);
    if (way === 'address') await page.goto(`${url}#/self`);
    else {
      const shell = signalled(page, paintSignals.shell, 'no rung buttons appeared in a navigation named "Rungs" within 30 s');
      shell.catch(() => undefined);
      await page.goto(url);
      await shell;
      try {
        await page.getByRole('navigation', { name: 'Rungs' }).getByRole('button', { name: 'Self' }).click({ timeout: 15_000 });
      } catch {
        throw new Skip('no "Self" button in a navigation named "Rungs"');
      }
    }
    await painted;
    return { ...watched, paint: await paintOf(page) };
  } catch (error) {
    await watched.context.close();
    throw error;
  }
}

/**
 * Chromium keeps a script's compiled code on its second load and uses it from the third: two
 * visits warm the profile, as the desktop app's first two starts do.
 */
const visitsBeforeCodeIsKept = 2;

/**
 * One profile kept on disk for all runs, each run a new tab (so a new renderer process, with
 * nothing compiled in memory) navigating to `#/self`. One Chromium for all, as for the fresh-profile
 * runs: a Chromium just started is still busy with itself and would slow the first navigation.
 */
async function keptProfileVisits(context: MeasureContext, url: string): Promise<Paint[]> {
  const { chromium } = await import('playwright-core');
  const { chromiumLaunchOptions } = await import('../../e2e/support/browser');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ladder-bench-profile-'));
  const measured: Paint[] = [];
  const runs = context.reps(paintRuns);
  try {
    const browser = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, viewport: { width: 1280, height: 800 } });
    try {
      // The tab Chromium opens with stays on about:blank, so the browser lives between runs.
      for (let i = 0; i < visitsBeforeCodeIsKept + runs.reps; i += 1) {
        const page = await browser.newPage();
        try {
          await probePaint(page);
          const painted = journalPainted(page);
          painted.catch(() => undefined);
          await page.goto(`${url}#/self`);
          await painted;
          const paint = await paintOf(page);
          if (i >= visitsBeforeCodeIsKept) measured.push(paint);
        } finally {
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return measured;
}

function scrollResult(scroll: ScrollOutcome, idleLong: number, pageErrors: string[]): Result {
  if (scroll.error !== undefined) return skipped(ids.scroll, labels.scroll, 'frames', scroll.error, 0);
  const note = [
    `${scroll.frames} frames, p95 ${scroll.p95FrameMs.toFixed(1)} ms, max ${scroll.maxFrameMs.toFixed(0)} ms`,
    `${scroll.longFramesWithNewRows} of the long ones as a page arrived`,
  ];
  if (scroll.stalled) note.push(`stopped at row ${scroll.rowsScrolled.toLocaleString('en')}: the list stopped growing`);
  if (pageErrors.length > 0) note.push(`${pageErrors.length} page errors (see JSON)`);
  const { error: _none, ...figures } = scroll;
  return {
    ...figure(ids.scroll, labels.scroll, 'frames', scroll.longFrames, 0, note.join('; ')),
    detail: { ...figures, rowsPerFrame, longFrameMs, idleLongFramesPerSecond: idleLong, pageErrors },
  };
}

/**
 * The app's part of opening the journal: until the rung buttons are painted, plus from the
 * click to the first row painted. The gap between the two is Playwright finding and clicking
 * the button (tens of ms, more on a busy machine), which a person's click would replace.
 */
function appTime({ shellAt, clickAt, paintedAt }: Paint) {
  if (shellAt < 0 || clickAt < shellAt) return paintedAt;
  return Math.min(paintedAt, shellAt + (paintedAt - clickAt));
}

/** Opens the journal the given way, a warm-up run and then the measured ones. */
async function paints(context: MeasureContext, browser: Browser, url: string, way: Way): Promise<Paint[]> {
  const measured: Paint[] = [];
  const runs = context.reps(paintRuns);
  for (let i = 0; i < runs.warmup + runs.reps; i += 1) {
    const { paint, context: pageContext } = await openJournal(browser, url, way);
    await pageContext.close();
    if (i >= runs.warmup) measured.push(paint);
  }
  return measured;
}

async function measureInBrowser(context: MeasureContext, browser: Browser, url: string): Promise<Result[]> {
  const byAddress = await paints(context, browser, url, 'address');
  const direct = summarize(byAddress.map((paint) => paint.paintedAt));
  context.log(`  browser: journal painted ${direct.median.toFixed(0)} ms after navigating to its address (median)`);
  const byKeptProfile = await keptProfileVisits(context, url);
  const keptProfile = summarize(byKeptProfile.map((paint) => paint.paintedAt));
  context.log(`  browser: kept profile, journal painted ${keptProfile.median.toFixed(0)} ms after navigating to its address (median)`);
  const fromLadder = await paints(context, browser, url, 'click');
  const app = summarize(fromLadder.map(appTime));
  const driven = summarize(fromLadder.map((paint) => paint.paintedAt));
  context.log(`  browser: from the ladder, journal painted ${app.median.toFixed(0)} ms after navigation (median; ${driven.median.toFixed(0)} ms as driven)`);

  const page = await openJournal(browser, url, 'click');
  try {
    const idle = await page.page.evaluate(idleFrames, { ms: 1_000, longMs: longFrameMs });
    const scroll = await page.page.evaluate(scrollJournal, { rows: rowsToScroll, rowsPerFrame, stallMs: 10_000, longMs: longFrameMs });
    return [
      { ...timed(ids.paint, labels.paint, direct, paintTarget, 'navigating to #/self, first start: nothing compiled yet'), detail: { runs: byAddress } },
      {
        ...timed(ids.paintKeptProfile, labels.paintKeptProfile, keptProfile, paintTarget, "a profile kept from two earlier visits: Chromium's compiled code for the scripts used"),
        detail: { runs: byKeptProfile },
      },
      {
        ...timed(ids.paintFromLadder, labels.paintFromLadder, app, paintTarget, `until the rungs are painted, plus click → row painted; as driven, click delay included: median ${driven.median.toFixed(0)} ms`),
        detail: { runs: fromLadder },
      },
      scrollResult(scroll, idle.long, page.pageErrors),
    ];
  } finally {
    await page.context.close();
  }
}

/** Starts the host in its own process; see host-process.ts. */
async function startHost(dataDir: string) {
  const child = forkScript('host-process.ts', [dataDir]);
  const first = await nextMessage<HostMessage>(child, 'the browser host');
  if (first.type === 'error') throw new Skip(`the browser host could not start: ${first.message}`);
  if (first.type !== 'ready') throw new Error(`the browser host said ${first.type} first`);
  return {
    url: first.url,
    stop: async () => {
      const done = nextMessage<HostMessage>(child, 'the browser host');
      child.send('stop');
      const last = await done;
      if (last.type !== 'done') throw new Error(`the browser host said ${last.type} on stopping`);
      return last.figures;
    },
  };
}

async function measure(context: MeasureContext): Promise<Result[]> {
  const skip = (reason: string) => [
    skipped(ids.paint, labels.paint, 'ms', reason, paintTarget),
    skipped(ids.paintKeptProfile, labels.paintKeptProfile, 'ms', reason, paintTarget),
    skipped(ids.paintFromLadder, labels.paintFromLadder, 'ms', reason, paintTarget),
    skipped(ids.scroll, labels.scroll, 'frames', reason, 0),
  ];
  if (!context.browser) return skip('--no-browser');
  try {
    if (!existsSync(chromiumPath)) throw new Skip(`no Chromium at ${chromiumPath} (set LADDER_CHROMIUM)`);
    ensureRenderer(context.log);
    const host = await startHost(context.dataDir);
    let results: Result[] | undefined;
    try {
      const { launchChromium } = await import('../../e2e/support/browser');
      const browser = await launchChromium();
      try {
        results = await measureInBrowser(context, browser, host.url);
      } finally {
        await browser.close();
      }
    } finally {
      context.recordProcess(await host.stop());
    }
    return results;
  } catch (error) {
    if (error instanceof Skip) {
      context.log(`  browser: skipped: ${error.message}`);
      return skip(error.message);
    }
    throw error;
  }
}

export const browserScenario: Scenario = { name: 'browser', coreElsewhere: true, measure };
