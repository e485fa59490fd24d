import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { useAppInfo } from '../../renderer/src/app/app-info-store';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { useEntryEditor } from '../../renderer/src/self/entry-editor-store';
import { useJournal } from '../../renderer/src/self/journal-store';
import { useToasts } from '../../renderer/src/ui/toast-store';
import { closeCoreBridge, installCoreBridge } from './core-bridge';

// jsdom lays nothing out; the virtualised journal renders rows only inside a measured box.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

function resetStores() {
  useEntryEditor.getState().reset();
  useJournal.getState().reset();
  useToasts.getState().reset();
  useNavigation.getState().reset();
  useAppInfo.getState().reset();
}

beforeEach(async () => {
  resetStores();
  await installCoreBridge();
});

afterEach(async () => {
  cleanup();
  resetStores();
  await closeCoreBridge();
});
