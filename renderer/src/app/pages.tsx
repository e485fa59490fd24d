import { type ComponentType, createElement, useEffect, useState } from 'react';
import type { PageId } from './navigation-store';

/**
 * Each rung's page is its own chunk, so the first paint parses only the shell and the page shown
 * (the benchmark measured first paint over its 500 ms target with one bundle). Once the shell is
 * up the others load while the window is idle, so a click on a rung renders at once.
 */
const loaders: Record<PageId, () => Promise<ComponentType>> = {
  ladder: () => import('../ladder/LadderHome').then((m) => m.LadderHome),
  self: () => import('../self/SelfPage').then((m) => m.SelfPage),
  dyads: () => import('../dyads/DyadsPage').then((m) => m.DyadsPage),
  crews: () => import('../crews/CrewsPage').then((m) => m.CrewsPage),
  congregations: () => import('../congregations/CongregationsPage').then((m) => m.CongregationsPage),
  network: () => import('../network/NetworkPage').then((m) => m.NetworkPage),
  search: () => import('../search/SearchPage').then((m) => m.SearchPage),
  settings: () => import('../settings/SettingsPage').then((m) => m.SettingsPage),
};

const loaded: Partial<Record<PageId, ComponentType>> = {};
const loading: Partial<Record<PageId, Promise<ComponentType>>> = {};

/** One promise per page, kept, so a page's code is fetched once however often it is asked for. */
function loadPage(id: PageId): Promise<ComponentType> {
  const started =
    loading[id] ??
    loaders[id]().then(
      (component) => (loaded[id] = component),
      (error: unknown) => {
        // Forgotten, so the next visit to the page tries again.
        delete loading[id];
        throw error;
      },
    );
  loading[id] = started;
  return started;
}

/** Resolves once the page has a moment with nothing to do (or after 2 s in any case). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 20);
  });
}

/**
 * Loads every page's code: Self's first, the most visited rung, then the others one at a time,
 * each when the window is idle. All at once, Self's code shared the wire with the others and took
 * 200 ms to arrive, and the others' code was still being run when a click came (the journal asked
 * for its rows 80-120 ms after the click; benchmark, Chromium). Tests call it first, so pages
 * render at once.
 */
export async function preloadPages(): Promise<void> {
  const quietly = (id: PageId) => loadPage(id).catch(() => undefined);
  await quietly('self');
  for (const id of Object.keys(loaders) as PageId[]) {
    if (loaded[id]) continue;
    await whenIdle();
    await quietly(id);
  }
}

export function usePrefetchPages() {
  useEffect(() => {
    const warm = () => void preloadPages();
    // When the main thread has nothing better to do, so the page on screen paints first.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(warm, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(warm, 500);
    return () => clearTimeout(timer);
  }, []);
}

/**
 * The page's component, or undefined while its code loads. Not React's Suspense: once a Suspense
 * fallback shows, React 19 holds the content back until 300 ms have passed (its fallback
 * throttle), and a click on a rung whose code was still loading waited those 300 ms in the
 * benchmark before the page even asked for its data.
 */
function usePageComponent(id: PageId): { component?: ComponentType; failed: boolean } {
  const [state, setState] = useState<{ component?: ComponentType; failed: boolean }>(() => ({ component: loaded[id], failed: false }));
  useEffect(() => {
    if (state.component || state.failed) return;
    let current = true;
    void loadPage(id).then(
      (component) => {
        if (current) setState({ component, failed: false });
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
