/**
 * Code that runs inside the page. Playwright sends each function as source text, so each one
 * stands alone: no imports, no outside names, arguments only.
 */

export interface Paint {
  /** performance.now() (0 = start of navigation) when the page's HTML had been parsed. */
  domContentLoaded: number;
  /** performance.now() once the rung buttons have been painted. */
  shellAt: number;
  /** performance.now() of the click on Self. */
  clickAt: number;
  /** performance.now() once the frame showing the first journal row has been painted. */
  paintedAt: number;
}

export interface ScrollOutcome {
  error?: string;
  rowsScrolled: number;
  /** Distance from one row to the next. */
  rowPitch: number;
  frames: number;
  longFrames: number;
  /** Long frames in which a new page of rows arrived (the list grew). */
  longFramesWithNewRows: number;
  maxFrameMs: number;
  p95FrameMs: number;
  durationMs: number;
  /** True when the list stopped growing before the target was reached. */
  stalled: boolean;
  /** The aria-posinset of the row at the top of the view when done: proof of how far it went. */
  rowAtTop: number | null;
  /** Chromium's own record of frames over 50 ms, with the scripts that ran in them. */
  longAnimationFramesSupported: boolean;
  longAnimationFrames: { ms: number; blockingMs: number; layoutMs: number; scripts: string[] }[];
}

/** At 60 Hz a frame has 16.7 ms; one that takes longer makes the next rAF a whole vsync late. */
export const longFrameMs = 1.5 * (1000 / 60);

/** What the page logs (console.debug) as the shell and the journal's first row are painted. */
export const paintSignals = { shell: 'ladder-bench: shell painted', journal: 'ladder-bench: journal painted' } as const;

/** Installed before the app's scripts: records when the shell and the first journal row are
 * painted, and when Self is clicked, and says so on the console: Playwright hears that over the
 * DevTools protocol, where polling for it would run Playwright's scripts in the page while the app
 * starts (its first poll alone held the main thread ~15 ms; the journal painted ~60 ms later). */
export function installPaintProbe(signals: typeof paintSignals) {
  const probe = { domContentLoaded: -1, shellAt: -1, clickAt: -1, paintedAt: -1 };
  document.addEventListener('DOMContentLoaded', () => (probe.domContentLoaded = performance.now()));
  Object.defineProperty(window, '__bench', { value: probe });
  document.addEventListener(
    'click',
    () => {
      if (probe.clickAt < 0) probe.clickAt = performance.now();
    },
    true,
  );
  // rAF runs just before a frame is painted; a task queued from it runs after.
  const afterPaint = (record: (at: number) => void) => requestAnimationFrame(() => setTimeout(() => record(performance.now()), 0));
  let shellSeen = false;
  const observer = new MutationObserver(() => {
    if (!shellSeen && document.querySelector('nav[aria-label="Rungs"] button')) {
      shellSeen = true;
      afterPaint((at) => {
        probe.shellAt = at;
        console.debug(signals.shell);
      });
    }
    if (!document.querySelector('[aria-label="Journal"] li, [aria-label="Journal"] [role="listitem"]')) return;
    observer.disconnect();
    afterPaint((at) => {
      probe.paintedAt = at;
      console.debug(signals.journal);
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Long frames on a page doing nothing for `ms`: the machine's own noise floor. */
export function idleFrames({ ms, longMs }: { ms: number; longMs: number }): Promise<{ frames: number; long: number }> {
  return new Promise((resolve) => {
    let frames = 0;
    let long = 0;
    let start = -1;
    let last = -1;
    const tick = (now: number) => {
      if (start < 0) start = now;
      else {
        frames += 1;
        if (now - last > longMs) long += 1;
      }
      last = now;
      if (now - start < ms) requestAnimationFrame(tick);
      else resolve({ frames, long });
    };
    requestAnimationFrame(tick);
  });
}

/**
 * Scrolls the journal's scroll container down by `rowsPerFrame` rows each frame until `rows`
 * rows have gone by, timing every frame. The list loads more pages as it nears its end, so the
 * scroll waits for them when it catches up, as a person's would.
 */
export function scrollJournal(options: { rows: number; rowsPerFrame: number; stallMs: number; longMs: number }): Promise<ScrollOutcome> {
  const empty = {
    rowsScrolled: 0,
    rowPitch: 0,
    frames: 0,
    longFrames: 0,
    longFramesWithNewRows: 0,
    maxFrameMs: 0,
    p95FrameMs: 0,
    durationMs: 0,
    stalled: false,
    rowAtTop: null,
    longAnimationFramesSupported: false,
    longAnimationFrames: [],
  };
  const list = document.querySelector<HTMLElement>('[aria-label="Journal"]');
  const rows = list ? [...list.querySelectorAll('li, [role="listitem"]')].map((row) => row.getBoundingClientRect()) : [];
  const [first, second] = rows;
  if (!list || !first) return Promise.resolve({ ...empty, error: 'no list labelled "Journal" with rows' });
  // Virtualised rows are placed by transform, so the pitch is the distance between two of them.
  const rowPitch = second && second.top > first.top ? second.top - first.top : first.height;
  if (rowPitch <= 0) return Promise.resolve({ ...empty, error: 'journal rows have no height' });

  const scrolls = (element: Element) =>
    element.scrollHeight > element.clientHeight + 1 && /(auto|scroll|overlay)/.test(getComputedStyle(element).overflowY);
  let scroller: Element | null = list;
  while (scroller && !scrolls(scroller)) scroller = scroller.parentElement;
  scroller ??= document.scrollingElement;
  if (!scroller || scroller.scrollHeight <= scroller.clientHeight + 1) {
    return Promise.resolve({ ...empty, rowPitch, error: 'found no scroll container around the journal list' });
  }
  const box = scroller;
  const startTop = box.scrollTop;
  const targetTop = startTop + options.rows * rowPitch;

  interface LongAnimationFrame extends PerformanceEntry {
    blockingDuration: number;
    renderStart: number;
    styleAndLayoutStart: number;
    scripts: { invoker: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number }[];
  }
  const longAnimationFrames: ScrollOutcome['longAnimationFrames'] = [];
  const loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  const loafObserver = loafSupported
    ? new PerformanceObserver((entries) => {
        for (const entry of entries.getEntries() as LongAnimationFrame[]) {
          const scripts = [...entry.scripts]
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 3)
            .map(
              (script) =>
                `${script.invoker} ${script.sourceFunctionName || '(anonymous)'} ${Math.round(script.duration)} ms ` +
                `(forced layout ${Math.round(script.forcedStyleAndLayoutDuration)} ms)`,
            );
          const layoutMs = entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0;
          longAnimationFrames.push({ ms: Math.round(entry.duration), blockingMs: Math.round(entry.blockingDuration), layoutMs: Math.round(layoutMs), scripts });
        }
      })
    : undefined;
  loafObserver?.observe({ type: 'long-animation-frame' });

  const frames: number[] = [];
  let longFramesWithNewRows = 0;
  return new Promise((resolve) => {
    let start = -1;
    let last = -1;
    let lastMove = -1;
    let lastTop = box.scrollTop;
    let lastHeight = box.scrollHeight;
    const finish = (now: number, stalled: boolean) => {
      loafObserver?.disconnect();
      const viewTop = box === document.scrollingElement ? 0 : box.getBoundingClientRect().top;
      const atTop = [...list.querySelectorAll('[aria-posinset]')].find((row) => row.getBoundingClientRect().bottom > viewTop + 1);
      const sorted = [...frames].sort((a, b) => a - b);
      resolve({
        rowsScrolled: Math.floor((box.scrollTop - startTop) / rowPitch),
        rowPitch,
        frames: frames.length,
        longFrames: frames.filter((ms) => ms > options.longMs).length,
        longFramesWithNewRows,
        maxFrameMs: sorted.at(-1) ?? 0,
        p95FrameMs: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
        durationMs: now - start,
        stalled,
        rowAtTop: atTop ? Number(atTop.getAttribute('aria-posinset')) : null,
        longAnimationFramesSupported: loafSupported,
        longAnimationFrames: longAnimationFrames.sort((a, b) => b.ms - a.ms).slice(0, 10),
      });
    };
    // A declaration, so Chromium's long-frame records name it ("scrollTick").
    function scrollTick(now: number) {
      if (start < 0) {
        start = now;
        lastMove = now;
      } else {
        const ms = now - last;
        frames.push(ms);
        if (ms > options.longMs && box.scrollHeight !== lastHeight) longFramesWithNewRows += 1;
      }
      last = now;
      lastHeight = box.scrollHeight;
      const bottom = box.scrollHeight - box.clientHeight;
      box.scrollTop = Math.min(box.scrollTop + options.rowsPerFrame * rowPitch, targetTop, bottom);
      if (box.scrollTop >= targetTop - 1) return finish(now, false);
      if (box.scrollTop > lastTop) {
        lastTop = box.scrollTop;
        lastMove = now;
      } else if (now - lastMove > options.stallMs) return finish(now, true);
      requestAnimationFrame(scrollTick);
    }
    requestAnimationFrame(scrollTick);
  });
}
