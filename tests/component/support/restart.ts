import { cleanup } from '@testing-library/react';
import { useAppInfo } from '../../../renderer/src/app/app-info-store';
import { useNavigation } from '../../../renderer/src/app/navigation-store';
import { useCongregations } from '../../../renderer/src/congregations/congregations-store';
import { useCrews } from '../../../renderer/src/crews/crews-store';
import { useDyad } from '../../../renderer/src/dyads/dyad-store';
import { useDyads } from '../../../renderer/src/dyads/dyads-store';
import { usePerson } from '../../../renderer/src/dyads/person-store';
import { useQuickCapture } from '../../../renderer/src/self/capture/quick-capture-store';
import { forgetKeptDrafts } from '../../../renderer/src/ui/kept-draft';
import { useToasts } from '../../../renderer/src/ui/toast-store';

/** Everything a restart of the window empties: the page, its stores and the drafts held in memory (the archive keeps its own). */
export function restartWindow() {
  cleanup();
  forgetKeptDrafts();
  useCrews.getState().reset();
  useDyads.getState().reset();
  useDyad.getState().reset();
  usePerson.getState().reset();
  useCongregations.getState().reset();
  useQuickCapture.getState().reset();
  useToasts.getState().reset();
  useNavigation.getState().reset();
  useAppInfo.getState().reset();
}
