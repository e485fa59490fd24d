import { type ComponentType, createElement, useEffect, useState } from 'react';
import { askSelfFirst } from '../self/first-requests';
import { useAppInfo } from './app-info-store';
import { type PageDetail, type PageId, useNavigation } from './navigation-store';

/**
 * A page's code: its component, and optionally what to start as the page is chosen, before React
 * renders it (its first requests, so their answers travel while the page renders). `prepare` may
 * be called again for the same visit and must not start anything twice.
 */
interface PageModule {
  component: ComponentType;
  prepare?: (detail: PageDetail | null) => void;
}

/**
 * Starts what the page shown needs, if `page` is still the one shown and the archive is open:
 * while it is locked or damaged (or not yet known) the page is not shown, and its requests would
 * only fail. Once the archive's state arrives, the page shown is prepared then.
 */
function prepareIfShown(id: PageId, page: PageModule) {
  const shown = useNavigation.getState();
  const info = useAppInfo.getState().info;
  if (shown.page === id && info && !info.locked && !info.damaged) page.prepare?.(shown.detail);
}

/**
 * Each rung's page is its own chunk, so the first paint parses only the shell and the page shown
 * (the benchmark measured first paint over its 500 ms target with one bundle). Once the shell is
 * up the others load behind it (`usePrefetchPages`), so a click on a rung renders at once.
 */
const loaders: Record<PageId, () => Promise<PageModule>> = {
  ladder: () => import('../ladder/LadderHome').then((m) => ({ component: m.LadderHome })),
  self: () => import('../self/SelfPage').then((m) => ({ component: m.SelfPage, prepare: m.prepareSelfPage })),
  dyads: () => import('../dyads/DyadsPage').then((m) => ({ component: m.DyadsPage })),
  crews: () => import('../crews/CrewsPage').then((m) => ({ component: m.CrewsPage })),
  congregations: () => import('../congregations/CongregationsPage').then((m) => ({ component: m.CongregationsPage })),
  network: () => import('../network/NetworkPage').then((m) => ({ component: m.NetworkPage })),
  search: () => import('../search/SearchPage').then((m) => ({ component: m.SearchPage })),
  settings: () => import('../settings/SettingsPage').then((m) => ({ component: m.SettingsPage })),
};

const loaded: Partial<Record<PageId, PageModule>> = {};
const loading: Partial<Record<PageId, Promise<PageModule>>> = {};

/** One promise per page, kept, so a page's code is fetched once however often it is asked for. */
function loadPage(id: PageId): Promise<PageModule> {
  const started =
    loading[id] ??
    loaders[id]().then(
      (page) => {
        loaded[id] = page;
        // Chosen before its code had arrived: what it would have started as chosen, it starts now.
        prepareIfShown(id, page);
        return page;
      },
      (error: unknown) => {
        // Forgotten, so the next visit to the page tries again.
        delete loading[id];
        throw error;
      },
    );
  loading[id] = started;
  return started;
}

// A page is prepared as it is chosen (inside the click, so its requests leave before it renders),
// and once the archive's state is known, for the page the window opened on.
useNavigation.subscribe((state, before) => {
  const page = loaded[state.page];
  if (state.page !== before.page && page) prepareIfShown(state.page, page);
});
useAppInfo.subscribe((state, before) => {
  const { page: id } = useNavigation.getState();
  const page = loaded[id];
  if (state.info !== before.info && page) prepareIfShown(id, page);
});

/** What a page asks for first, sent before its code or the archive's state has arrived. */
const firstRequests: Partial<Record<PageId, (detail: PageDetail | null) => void>> = {
  self: askSelfFirst,
};

/**
 * Called once as the window starts, before React's first render: the code of the page the
 * address names is fetched, and its first rows asked for, while React renders the shell.
 */
export function loadShownPage() {
  const { page, detail } = useNavigation.getState();
  firstRequests[page]?.(detail);
  void loadPage(page).catch(() => undefined);
}

/** Resolves once the page has a moment with nothing to do (or after 2 s in any case). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 20);
  });
}

/**
 * How long the page on screen stays unchanged before the other pages' code loads behind it. A
 * chunk runs on the main thread as it arrives; idle moments alone came while the journal waited
 * for its rows, and running the Crews page's code then held the rows back 70 ms (benchmark).
 */
const settleMillis = 1_000;
let lastMove = 0;
useNavigation.subscribe((state, before) => {
  if (state.page !== before.page || state.detail !== before.detail) lastMove = performance.now();
});

/** Resolves once the page shown has stayed for `settleMillis` and the window is idle. */
async function whenSettled(): Promise<void> {
  for (;;) {
    const waited = performance.now() - lastMove;
    if (waited < settleMillis) await new Promise((resolve) => setTimeout(resolve, settleMillis - waited));
    await whenIdle();
    if (performance.now() - lastMove >= settleMillis) return;
  }
}

/**
 * Loads every page's code: Self's first, the most visited rung, then the others one at a time,
 * each once `beforeEach` resolves. Tests call it first, with no wait, so pages render at once.
 */
export async function preloadPages(beforeEach: () => Promise<void> = whenIdle): Promise<void> {
  const quietly = (id: PageId) => loadPage(id).catch(() => undefined);
  await quietly('self');
  for (const id of Object.keys(loaders) as PageId[]) {
    if (loaded[id]) continue;
    await beforeEach();
    await quietly(id);
  }
}

/**
 * Self's code loads as soon as the first frame is painted, not when the window is first idle: a
 * click on Self soon after the start waited 200 ms for it (benchmark, Chromium). The other pages
 * follow once the page on screen has settled.
 */
export function usePrefetchPages() {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () =>
      (timer = setTimeout(() => {
        // The first page counts as shown from its first frame, not from the start of loading.
        lastMove = Math.max(lastMove, performance.now());
        void preloadPages(whenSettled);
      }, 0));
    // A task queued from a frame callback runs after that frame is painted.
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(start) : (start(), 0);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
}

/**
 * The page's component, or undefined while its code loads. Not React's Suspense: once a Suspense
 * fallback shows, React 19 holds the content back until 300 ms have passed (its fallback
 * throttle), and a click on a rung whose code was still loading waited those 300 ms in the
 * benchmark before the page even asked for its data.
 */
function usePageComponent(id: PageId): { component?: ComponentType; failed: boolean } {
  const [state, setState] = useState<{ component?: ComponentType; failed: boolean }>(() => ({ component: loaded[id]?.component, failed: false }));
  useEffect(() => {
    if (state.component || state.failed) return;
    let current = true;
    void loadPage(id).then(
      (page) => {
        if (current) setState({ component: page.component, failed: false });
      },
      () => {
        if (current) setState({ failed: true });
      },
    );
    return () => {
      current = false;
    };
  }, [id, state]);
  return state;
}

/** While a page's code loads (a few ms from disk): an empty main area, nothing flashing. */
export function PageView({ id }: { id: PageId }) {
  const { component, failed } = usePageComponent(id);
  // The component comes from a module-level cache: the same one every render, never a new type.
  if (component) return createElement(component);
  if (failed) {
    return (
      <p className="page" role="alert">
        This page could not be loaded. Please quit Ladder and open it again; your archive is safe.
      </p>
    );
  }
  return <div className="page-loading" aria-busy="true" />;
}
