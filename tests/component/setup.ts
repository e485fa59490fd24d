import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { preloadPages } from '../../renderer/src/app/pages';
import { useAppInfo } from '../../renderer/src/app/app-info-store';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { useShortcutHelp } from '../../renderer/src/app/shortcuts';
import { forgetKeptDrafts } from '../../renderer/src/ui/kept-draft';
import { useEntryEditor } from '../../renderer/src/self/entry-editor-store';
import { useJournal } from '../../renderer/src/self/journal-store';
import { useQuickCapture } from '../../renderer/src/self/capture/quick-capture-store';
import { useTags } from '../../renderer/src/self/entry/tags-store';
import { useLibrary } from '../../renderer/src/self/library/prompts-store';
import { useMap } from '../../renderer/src/self/map/map-store';
import { useProtectorFlow } from '../../renderer/src/self/protector/protector-store';
import { useSelfEnergy } from '../../renderer/src/self/charts/self-energy-store';
import { useToday } from '../../renderer/src/self/today-store';
import { usePartPage } from '../../renderer/src/self/parts/part-page-store';
import { usePartProfile } from '../../renderer/src/self/parts/part-profile-store';
import { useParts } from '../../renderer/src/self/parts/parts-store';
import { useToasts } from '../../renderer/src/ui/toast-store';
import { useCheckinEditor } from '../../renderer/src/dyads/checkin-editor-store';
import { useDyad } from '../../renderer/src/dyads/dyad-store';
import { useDyads } from '../../renderer/src/dyads/dyads-store';
import { usePerson } from '../../renderer/src/dyads/person-store';
import { useSearch } from '../../renderer/src/search/search-store';
import { useBackups } from '../../renderer/src/settings/backup-store';
import { useJobs } from '../../renderer/src/settings/job-store';
import { useCrews } from '../../renderer/src/crews/crews-store';
import { useLadder } from '../../renderer/src/ladder/ladder-store';
import { useReflections } from '../../renderer/src/ladder/reflections-store';
import { useCongregations } from '../../renderer/src/congregations/congregations-store';
import { useNetworks } from '../../renderer/src/network/network-store';
import { forgetEarlyAnswers } from '../../renderer/src/api/early-answers';
import { closeCoreBridge, installCoreBridge } from './core-bridge';
import { forgetAddress } from './render-app';

// jsdom lays nothing out; the virtualised journal renders rows only inside a measured box.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

// Pages are split into chunks that load on demand; loaded up front, they render at once as before.
beforeAll(() => preloadPages(), 30_000);

function resetStores() {
  forgetEarlyAnswers();
  useShortcutHelp.getState().hide();
  forgetKeptDrafts();
  useEntryEditor.getState().reset();
  useJournal.getState().reset();
  useParts.getState().reset();
  usePartPage.getState().reset();
  usePartProfile.getState().reset();
  useLibrary.getState().reset();
  useTags.getState().reset();
  useQuickCapture.getState().reset();
  useMap.getState().reset();
  useProtectorFlow.getState().reset();
  useSelfEnergy.getState().reset();
  useToday.getState().reset();
  useToasts.getState().reset();
  useNavigation.getState().reset();
  useAppInfo.getState().reset();
  useDyads.getState().reset();
  useDyad.getState().reset();
  usePerson.getState().reset();
  useCheckinEditor.getState().reset();
  useSearch.getState().reset();
  useCrews.getState().reset();
  useBackups.getState().reset();
  useJobs.getState().reset();
  useLadder.getState().reset();
  useReflections.getState().reset();
  useCongregations.getState().reset();
  useNetworks.getState().reset();
}

beforeEach(async () => {
  resetStores();
  await installCoreBridge();
});

afterEach(async () => {
  cleanup();
  forgetAddress();
  resetStores();
  await closeCoreBridge();
});
