import { useEffect } from 'react';
import { useAppInfo } from '../app/app-info-store';
import { onLocked } from '../api/client';
import { clearPageAfterLock, usePrivacy } from './privacy-store';

const activity = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const checkEveryMillis = 15_000;

/**
 * Locks after the chosen idle minutes (no keyboard or mouse in the window), and reloads the page
 * whenever the core answers `locked`, so the lock screen shows and nothing readable stays behind.
 */
export function useIdleLock() {
  const encrypted = useAppInfo((state) => state.info?.encrypted === true && state.info.locked === false);
  const minutes = usePrivacy((state) => state.status?.lockAfterMinutes ?? null);
  const load = usePrivacy((state) => state.load);

  useEffect(
    () =>
      onLocked(() => {
        // Locked under an open page: clear it. Before the first app.info (a fresh start), just ask it.
        const info = useAppInfo.getState().info;
        if (info && !info.locked) clearPageAfterLock();
        else void useAppInfo.getState().load();
      }),
    [],
  );

  useEffect(() => {
    if (encrypted) void load();
  }, [encrypted, load]);

  useEffect(() => {
    if (!encrypted || minutes === null) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const type of activity) window.addEventListener(type, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) {
        // A failed save keeps it open; the next check tries again.
        void usePrivacy.getState().lockNow();
        last = Date.now();
      }
    }, checkEveryMillis);
    return () => {
      clearInterval(timer);
      for (const type of activity) window.removeEventListener(type, touch, { capture: true });
    };
  }, [encrypted, minutes]);
}
