import { useEffect } from 'react';
import { useAppInfo } from './app/app-info-store';
import { OpeningGate } from './app/OpeningStatus';
import { Shell } from './app/Shell';
import { useShortcuts } from './app/use-shortcuts';
import { useKeptDrafts } from './app/use-kept-drafts';
import { useIdleLock } from './privacy/use-idle-lock';
import { useEntryEditor } from './self/entry-editor-store';
import { useSaveGuards } from './ui/use-save-guards';

export function App() {
  const openInfo = useAppInfo((state) => state.open);
  useShortcuts();
  useSaveGuards(useEntryEditor);
  useIdleLock();
  useKeptDrafts();
  useEffect(() => {
    void openInfo();
  }, [openInfo]);
  return (
    <OpeningGate>
      <Shell />
    </OpeningGate>
  );
}
