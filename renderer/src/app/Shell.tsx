import type { MouseEvent } from 'react';
import { LockScreen } from '../privacy/LockScreen';
import { QuickCapture } from '../self/capture/QuickCapture';
import { DamagedArchiveScreen } from '../settings/DamagedArchive';
import { Toasts } from '../ui/Toasts';
import { useFocusRescue } from '../ui/focus-rescue';
import { useAppInfo } from './app-info-store';
import { useNavigation } from './navigation-store';
import { PageView, usePrefetchPages } from './pages';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { ShortcutsDialog } from './shortcuts';
import { Sidebar } from './Sidebar';

export function Shell() {
  const page = useNavigation((state) => state.page);
  usePrefetchPages();
  useFocusRescue();
  // A damaged archive cannot be read: the shell shows only the way back (restore a backup).
  const damaged = useAppInfo((state) => state.info?.damaged ?? null);
  // A locked archive is not open at all: only the lock screen shows.
  const locked = useAppInfo((state) => state.info?.locked === true);
  if (locked) {
    return (
      <div className="shell">
        <LockScreen />
        <Toasts />
      </div>
    );
  }
  if (damaged) {
    return (
      <div className="shell">
        <DamagedArchiveScreen damaged={damaged} />
        <Toasts />
      </div>
    );
  }
  return (
    <div className="shell">
      {/* The first Tab on a page: past the eight rung buttons, straight to the page. */}
      <a className="skip-link" href="#main" onClick={skipToPage}>
        Skip to the page
      </a>
      <ReadOnlyBanner />
      <div className="shell-body">
        <Sidebar />
        <main className="main" id="main" tabIndex={-1}>
          <PageView key={page} id={page} />
        </main>
      </div>
      <QuickCapture />
      <ShortcutsDialog />
      <Toasts />
    </div>
  );
}

/** Focus to the page's own heading (or the page itself), as keyboard users expect of a skip link. */
function skipToPage(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById('main');
  (main?.querySelector<HTMLElement>('h1[tabindex]') ?? main)?.focus();
}
