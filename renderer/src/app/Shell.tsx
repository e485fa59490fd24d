import type { MouseEvent } from 'react';
import { LockScreen } from '../privacy/LockScreen';
import { QuickCapture } from '../self/capture/QuickCapture';
import { DamagedArchiveScreen } from '../settings/DamagedArchive';
import { Toasts } from '../ui/Toasts';
import { useFocusRescue } from '../ui/focus-rescue';
import { useAppInfo } from './app-info-store';
import { type PageId, useNavigation } from './navigation-store';
import { PageView, usePrefetchPages } from './pages';
import { PageErrorBoundary } from './PageErrorBoundary';
import { canStepBack, stepHistory } from './navigation-history';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { ShortcutsDialog } from './shortcuts';
import { Sidebar } from './Sidebar';

export function Shell() {
  const page = useNavigation((state) => state.page);
  const detail = useNavigation((state) => state.detail);
  usePrefetchPages();
  useFocusRescue();
  // A damaged archive cannot be read: the shell shows only the way back (restore a backup).
  const damaged = useAppInfo((state) => state.info?.damaged ?? null);
  // A locked archive is not open at all: only the lock screen shows.
  const locked = useAppInfo((state) => state.info?.locked === true);
  // The page waits until the archive is known to be open: a locked one would refuse its requests,
  // and after the unlock the page opened on that refusal. An unanswered app.info lets pages say why.
  const known = useAppInfo((state) => state.info !== null || state.error !== null);
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
          {/* Keyed by the rung only, as the page is: a new check-in's address changes on its first
              save, and a page rebuilt then lost the caret and the words in its boxes. */}
          <PageErrorBoundary key={page} shown={`${detail?.kind ?? ''}/${detail?.id ?? ''}`} onLeave={() => leaveFailedPage(page, detail !== null)}>
            {known ? <PageView key={page} id={page} /> : <div className="page-loading" aria-busy="true" />}
          </PageErrorBoundary>
        </main>
      </div>
      <QuickCapture />
      <ShortcutsDialog />
      <Toasts />
    </div>
  );
}

/** Out of a page that failed: back where the person came from, or to the rung's front page. */
function leaveFailedPage(page: PageId, inside: boolean) {
  if (canStepBack()) stepHistory('back');
  else useNavigation.getState().go(inside ? page : 'ladder');
}

/** Focus to the page's own heading (or the page itself), as keyboard users expect of a skip link. */
function skipToPage(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById('main');
  (main?.querySelector<HTMLElement>('h1[tabindex]') ?? main)?.focus();
}
