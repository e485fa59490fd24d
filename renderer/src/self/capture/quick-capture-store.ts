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
import { commandKey } from '../shortcut';

/** What the dialog holds until it is saved: closing it (Escape, Close) keeps it for next time. */
export interface CaptureDraft {
  line: string;
  partIds: string[];
  selfEnergy: SelfEnergy | null;
}

const blank: CaptureDraft = { line: '', partIds: [], selfEnergy: null };

const isBlank = (draft: CaptureDraft) => draft.line.trim() === '' && draft.partIds.length === 0 && draft.selfEnergy === null;

/** The "What's active right now?" dialog: anything in the app may open it; saving makes an entry. */
interface QuickCaptureState {
  isOpen: boolean;
  /** Changes each time the dialog opens, so it starts afresh (with the kept draft, if any). */
  openCount: number;
  draft: CaptureDraft;
  open: () => void;
  /** Closes without saving; the words stay, and a toast says where to find them. */
  close: () => void;
  edit: (patch: Partial<CaptureDraft>) => void;
  /** Saves the capture as an entry of today; resolves with the error to show, or null. */
  save: (capture: { line: string; partIds: string[]; selfEnergy: SelfEnergy | null }) => Promise<LadderError | null>;
  reset: () => void;
}

/** The toast saying a capture was kept, while it shows. */
let keptToast: number | null = null;

export const useQuickCapture = create<QuickCaptureState>()((set, get) => ({
  isOpen: false,
  openCount: 0,
  draft: blank,
  open: () => {
    if (isReadOnly()) {
      useToasts.getState().show('This archive is read-only, so nothing new can be captured in it.');
      return;
    }
    if (get().isOpen) return;
    // The note that the words were kept has done its job once they are back on screen.
    if (keptToast !== null) useToasts.getState().dismiss(keptToast);
    keptToast = null;
    set((state) => ({ isOpen: true, openCount: state.openCount + 1 }));
  },
  close: () => {
    if (!get().isOpen) return;
    set({ isOpen: false });
    if (isBlank(get().draft)) return;
    // A stray Escape while a part is loud must not cost the words: they wait for the next opening.
    keptToast = useToasts.getState().show(`Your capture is kept, not saved yet. ${commandKey}Shift+N opens it again.`, {
      action: { label: 'Open', run: () => get().open() },
    });
  },
  edit: (patch) => set((state) => ({ draft: { ...state.draft, ...patch } })),
  save: async ({ line, partIds, selfEnergy }) => {
    try {
      const entry = await call('journal.create', { kind: 'quick_capture', rung: 'self', body: line.trim(), entryDate: localDay(), partIds, selfEnergy });
      useJournal.getState().upsert(summaryOf(entry));
      set({ isOpen: false, draft: blank });
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
  reset: () => {
    keptToast = null;
    set({ isOpen: false, openCount: 0, draft: blank });
  },
}));
