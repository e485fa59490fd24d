import { create } from 'zustand';
import type { SelfEnergy } from '../../../../shared/domain/self';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { isReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { useToasts } from '../../ui/toast-store';
import { localDay } from '../dates';
import { useEntryEditor } from '../entry-editor-store';
import { summaryOf, useJournal } from '../journal-store';

/** The "What's active right now?" dialog: anything in the app may open it; saving makes an entry. */
interface QuickCaptureState {
  isOpen: boolean;
  /** Changes each time the dialog opens, so it starts empty. */
  openCount: number;
  open: () => void;
  close: () => void;
  /** Saves the capture as an entry of today; resolves with the error to show, or null. */
  save: (capture: { line: string; partIds: string[]; selfEnergy: SelfEnergy | null }) => Promise<LadderError | null>;
  reset: () => void;
}

export const useQuickCapture = create<QuickCaptureState>()((set, get) => ({
  isOpen: false,
  openCount: 0,
  open: () => {
    if (isReadOnly()) {
      useToasts.getState().show('This archive is read-only, so nothing new can be captured in it.');
      return;
    }
    if (!get().isOpen) set((state) => ({ isOpen: true, openCount: state.openCount + 1 }));
  },
  close: () => set({ isOpen: false }),
  save: async ({ line, partIds, selfEnergy }) => {
    try {
      const entry = await call('journal.create', { kind: 'quick_capture', rung: 'self', body: line.trim(), entryDate: localDay(), partIds, selfEnergy });
      useJournal.getState().upsert(summaryOf(entry));
      set({ isOpen: false });
      useToasts.getState().show('Captured in your journal', {
        action: {
          label: 'Open',
          run: () => {
            useNavigation.getState().go('self');
            void useEntryEditor.getState().open(entry.id);
          },
        },
      });
      return null;
    } catch (error) {
      return asLadderError(error);
    }
  },
  reset: () => set({ isOpen: false, openCount: 0 }),
}));
