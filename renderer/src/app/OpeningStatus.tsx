import './opening-status.css';
import { type ReactNode, useEffect, useState } from 'react';
import { useAppInfo } from './app-info-store';

/** How long the first answer may take before the page says Ladder is still opening: fast starts never see it. */
export const openingStatusDelayMillis = 400;

/**
 * True once the app's first request (app.info, asked as the app starts) has waited longer than the
 * delay, until it is answered. The desktop shell shows the window while the archive opens, and a
 * one-time migration after an update can take a while; every request waits for it.
 */
function useStillOpening(): boolean {
  const waiting = useAppInfo((state) => state.info === null && state.error === null);
  const [due, setDue] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setDue(true), openingStatusDelayMillis);
    return () => {
      clearTimeout(timer);
      setDue(false);
    };
  }, [waiting]);
  return waiting && due;
}

/**
 * The app, with a calm status over it while the archive is still opening. The shell stays mounted
 * underneath (the page fills in once the archive is open, see Shell) but inert, so focus cannot
 * wander into it unseen.
 */
export function OpeningGate({ children }: { children: ReactNode }) {
  const opening = useStillOpening();
  return (
    <>
      <div className="opening-gate" inert={opening}>
        {children}
      </div>
      {opening ? <OpeningStatus /> : null}
    </>
  );
}

function OpeningStatus() {
  return (
    <div className="opening-status" role="status" aria-labelledby="opening-status-title">
      <div className="opening-card">
        <div className="opening-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24" focusable="false">
            <path d="M7 3v18M17 3v18" />
            <path className="opening-rung" d="M7 17h10" />
            <path className="opening-rung" d="M7 12h10" />
            <path className="opening-rung" d="M7 7h10" />
          </svg>
        </div>
        <h1 id="opening-status-title">Opening your archive…</h1>
        <p>Now and then Ladder reads the whole archive through to make sure it is sound, and after an update it may rebuild the search index. On a large archive this takes a little while.</p>
        <p>Everything you've written stays exactly as it is.</p>
      </div>
    </div>
  );
}
