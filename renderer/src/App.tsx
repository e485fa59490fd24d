import { useEffect } from 'react';
import { useAppInfo } from './app/app-info-store';
import { Shell } from './app/Shell';
import { useShortcuts } from './app/use-shortcuts';
import { useIdleLock } from './privacy/use-idle-lock';
import { useAutosaveGuards } from './self/use-autosave-guards';

export function App() {
  const loadInfo = useAppInfo((state) => state.load);
  useShortcuts();
  useAutosaveGuards();
  useIdleLock();
  useEffect(() => {
    void loadInfo();
  }, [loadInfo]);
  return <Shell />;
}
