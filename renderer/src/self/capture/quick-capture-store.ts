import { create } from 'zustand';
import { type SelfEnergy, selfEnergyQualities } from '../../../../shared/domain/self';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { isReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { discardDraft, flushKeptDrafts, hasKeptDraft, keepDraft, keptDraft } from '../../ui/kept-drafts-store';
import { useToasts } from '../../ui/toast-store';
import { localDay } from '../dates';
import { useEntryEditor } from '../entry-editor-store';
import { summaryOf, useJournal } from '../journal-store';
import { useParts } from '../parts/parts-store';
import { commandKey } from '../shortcut';

/** What the dialog holds until it is saved: closing it (Escape, Close) keeps it for next time. */
export interface CaptureDraft {
  line: string;
  partIds: string[];
  selfEnergy: SelfEnergy | null;
}

const blank: CaptureDraft = { line: '', partIds: [], selfEnergy: null };

const isBlank = (draft: CaptureDraft) => draft.line.trim() === '' && draft.partIds.length === 0 && draft.selfEnergy === null;

/** Where the capture's words wait in the archive between starts (see kept-drafts-store.ts). */
export const captureDraftKey = 'quick-capture';

/** A capture kept by an earlier session, if it still has the shape of one. */
function asCaptureDraft(value: unknown): CaptureDraft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { line, partIds, selfEnergy } = value as Record<string, unknown>;
  if (typeof line !== 'string' || !Array.isArray(partIds) || !partIds.every((id) => typeof id === 'string')) return null;
  const energy = typeof selfEnergy === 'object' && selfEnergy !== null ? (selfEnergy as Record<string, unknown>) : null;
  const checked: SelfEnergy = {};
  for (const quality of selfEnergyQualities) if (typeof energy?.[quality] === 'number') checked[quality] = energy[quality];
  const draft = { line, partIds, selfEnergy: energy === null ? null : checked };
  return isBlank(draft) ? null : draft;
}

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
  /** After a start: a capture kept from before comes back as the draft, and a note says so once. */
  restoreKept: () => void;
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
    // Closing is when the words should be safe: written now, not after the pause.
    void flushKeptDrafts();
    if (isBlank(get().draft)) return;
    // A stray Escape while a part is loud must not cost the words: they wait for the next opening.
    keptToast = useToasts.getState().show(`Your capture is kept, not saved yet. ${commandKey}Shift+N opens it again.`, {
      action: { kind: 'open', label: 'Open', run: () => get().open() },
    });
  },
  edit: (patch) => {
    set((state) => ({ draft: { ...state.draft, ...patch } }));
    const draft = get().draft;
    if (!isBlank(draft)) keepDraft(captureDraftKey, draft);
    else if (hasKeptDraft(captureDraftKey)) discardDraft(captureDraftKey);
  },
  save: async ({ line, partIds, selfEnergy }) => {
    // A capture kept from before a restart may name a part deleted since: it is simply left out.
    const parts = useParts.getState();
    const live = parts.status === 'ready' ? partIds.filter((id) => parts.byId[id] !== undefined) : partIds;
    try {
      const entry = await call('journal.create', { kind: 'quick_capture', rung: 'self', body: line.trim(), entryDate: localDay(), partIds: live, selfEnergy });
      useJournal.getState().upsert(summaryOf(entry));
      set({ isOpen: false, draft: blank });
      discardDraft(captureDraftKey);
      useToasts.getState().show('Captured in your journal', {
        action: {
          kind: 'open',
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
  restoreKept: () => {
    const kept = asCaptureDraft(keptDraft(captureDraftKey));
    // Words typed since the start are newer; an open dialog already shows them.
    if (!kept || get().isOpen || !isBlank(get().draft)) return;
    set({ draft: kept });
    // A read-only archive cannot take a capture: nothing to offer.
    if (isReadOnly()) return;
    keptToast = useToasts.getState().show('Your capture from before is kept, not saved yet.', {
      action: { kind: 'open', label: 'Open', run: () => get().open() },
    });
  },
  reset: () => {
    keptToast = null;
    set({ isOpen: false, openCount: 0, draft: blank });
  },
}));
