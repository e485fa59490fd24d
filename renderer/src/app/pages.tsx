import { type ComponentType, createElement, Suspense, use, useEffect } from 'react';
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

/** One promise per page, kept, so React's `use` sees the same one on every try. */
function loadPage(id: PageId): Promise<ComponentType> {
  const started = loading[id] ?? loaders[id]().then((component) => (loaded[id] = component));
  loading[id] = started;
  return started;
}

/** Loads every page's code (tests call it first, so pages render at once as they did unsplit). */
export function preloadPages(): Promise<unknown> {
  return Promise.all((Object.keys(loaders) as PageId[]).map(loadPage));
}

export function usePrefetchPages() {
  useEffect(() => {
    const warm = () => void preloadPages().catch(() => undefined);
    // When the main thread has nothing better to do, so the page on screen paints first.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(warm, { timeout: 2_000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(warm, 500);
    return () => clearTimeout(timer);
  }, []);
}

function Loaded({ id }: { id: PageId }) {
  // Already loaded: render now, with no fallback at all; else wait for the chunk.
  // The component comes from a module-level cache: the same one every render, never a new type.
  return createElement(loaded[id] ?? use(loadPage(id)));
}

/** While a page's code loads (a few ms from disk): an empty main area, nothing flashing. */
export function PageView({ id }: { id: PageId }) {
  return (
    <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
      <Loaded id={id} />
    </Suspense>
  );
}
