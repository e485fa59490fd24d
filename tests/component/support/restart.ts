import { cleanup } from '@testing-library/react';
import { useAppInfo } from '../../../renderer/src/app/app-info-store';
import { useNavigation } from '../../../renderer/src/app/navigation-store';
import { useCrews } from '../../../renderer/src/crews/crews-store';
import { useQuickCapture } from '../../../renderer/src/self/capture/quick-capture-store';
import { forgetKeptDrafts } from '../../../renderer/src/ui/kept-draft';
import { useToasts } from '../../../renderer/src/ui/toast-store';

/** Everything a restart of the window empties: the page, its stores and the drafts held in memory (the archive keeps its own). */
export function restartWindow() {
  cleanup();
  forgetKeptDrafts();
  useCrews.getState().reset();
  useQuickCapture.getState().reset();
  useToasts.getState().reset();
  useNavigation.getState().reset();
  useAppInfo.getState().reset();
}
