import { type PageDetail, type PageId, pageIds, useNavigation } from './navigation-store';

/**
 * The page on screen is written into the window's address (`#/dyads/person/<id>`), one history
 * step per move, so Back and Forward (Alt+←/→, ⌘[ / ⌘], the mouse's side buttons, the browser's
 * own) walk between pages, and a reload keeps the page (in development and the browser preview).
 * Only ids go there, never words: the address is as private as the archive's structure.
 */

export function addressOf(page: PageId, detail: PageDetail | null): string {
  const parts: string[] = [page];
  if (detail) {
    parts.push(detail.kind);
    if (detail.id !== undefined) parts.push(detail.id);
  }
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

/** The page an address names, or null for an empty or unknown one (the ladder home then). */
export function readAddress(hash: string): { page: PageId; detail: PageDetail | null } | null {
  if (!hash.startsWith('#/')) return null;
  let parts: string[];
  try {
    parts = hash.slice(2).split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
  const [page, kind, id, ...rest] = parts;
  if (!pageIds.includes(page as PageId) || rest.length > 0) return null;
  if (!kind) return { page: page as PageId, detail: null };
  return { page: page as PageId, detail: id ? { kind, id } : { kind } };
}

/**
 * Starts on the page the address names and keeps the two in step from then on; returns the
 * undoing of it. Called once at start (main.tsx), not by the App, so tests of the App begin at
 * the ladder home whatever an earlier test left in the address.
 */
export function followAddress(target: Window = window): () => void {
  const start = readAddress(target.location.hash);
  if (start) useNavigation.setState({ page: start.page, detail: start.detail });
  const { page, detail } = useNavigation.getState();
  target.history.replaceState({ step: stepOf(target) }, '', addressOf(page, detail));

  const unsubscribe = useNavigation.subscribe((state) => {
    const address = addressOf(state.page, state.detail);
    if (target.location.hash === address) return;
    if (state.inPlace) target.history.replaceState({ step: stepOf(target) }, '', address);
    else target.history.pushState({ step: stepOf(target) + 1 }, '', address);
  });
  const onPopState = () => {
    const shown = readAddress(target.location.hash) ?? { page: 'ladder' as const, detail: null };
    useNavigation.getState().go(shown.page, shown.detail);
  };
  target.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    target.removeEventListener('popstate', onPopState);
  };
}

/** How many pages back this one is from where the window started (kept in each history step). */
function stepOf(target: Window): number {
  const state: unknown = target.history.state;
  return typeof state === 'object' && state !== null && 'step' in state && typeof state.step === 'number' ? state.step : 0;
}

/** Whether Back has a page of ours to go to. */
export function canStepBack(target: Window = window): boolean {
  return stepOf(target) > 0;
}

/** One step back or forward in the pages seen, as the keys and mouse buttons ask. */
export function stepHistory(direction: 'back' | 'forward', target: Window = window) {
  if (direction === 'back') target.history.back();
  else target.history.forward();
}
