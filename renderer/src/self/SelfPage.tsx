import '../styles/journal.css';
import './self.css';
import { useEffect, useRef } from 'react';
import { type PageDetail, useNavigation } from '../app/navigation-store';
import { afterPaint } from '../ui/after-paint';
import { PageHeading } from '../ui/PageHeading';
import { SelfEnergyView } from './charts/SelfEnergyView';
import { useEntryEditor } from './entry-editor-store';
import { useTags } from './entry/tags-store';
import { useJournal } from './journal-store';
import { JournalActions, JournalView } from './JournalView';
import { LibraryView } from './library/LibraryView';
import { useLibrary } from './library/prompts-store';
import { MapView } from './map/MapView';
import { PartPage } from './parts/PartPage';
import { PartsView } from './parts/PartsView';
import { useParts } from './parts/parts-store';
import { ProtectorFlow } from './protector/ProtectorFlow';
import { selfTabs, tabOf, viewOf } from './self-views';

/**
 * Called as Self is chosen, before React renders it: the journal's first page is asked for at
 * once, so it travels while the page renders (60 ms on a cold start, benchmark). The journal's
 * `load` skips when a load is under way or done, so the page's own call on mounting changes nothing.
 */
export function prepareSelfPage(detail: PageDetail | null) {
  if (viewOf(detail) === 'journal') void useJournal.getState().load();
}

/** The Self rung: the journal, your parts and their map, Self-energy over time, and prompts. */
export function SelfPage() {
  const detail = useNavigation((state) => state.detail);
  const view = viewOf(detail);
  const entryId = detail?.kind === 'entry' ? detail.id : undefined;

  // Parts, prompts and tags name things in the journal's rows and its side panel, so on the
  // journal they are asked for once its first rows are painted; on their own views, at once.
  const openedOn = useRef(view);
  useEffect(() => {
    const load = () => {
      void useParts.getState().load();
      void useLibrary.getState().load();
      void useTags.getState().load();
    };
    if (openedOn.current === 'journal') return afterPaint(load);
    load();
  }, []);

  // Other pages link to an entry with `go('self', { kind: 'entry', id })`. A note that one
  // wasn't there belongs to its address only: anywhere else on Self it would be stale.
  useEffect(() => {
    if (entryId) void useEntryEditor.getState().open(entryId);
    else useEntryEditor.getState().clearMissing();
  }, [entryId]);

  // The entry open in the journal is named in the address, so a reload keeps it: in place, since
  // going from entry to entry in the list is no step for Back.
  // Once that entry leaves the editor (deleted, closed, a new draft), the address names the journal
  // alone again, or a reload would look for a deleted entry; Undo brings both back.
  const openId = useEntryEditor((state) => state.entryId);
  const namedId = useRef<string | null>(null);
  useEffect(() => {
    const named = useNavigation.getState().detail;
    if (openId && view === 'journal' && named?.id !== openId) useNavigation.getState().mark({ kind: 'entry', id: openId });
    // Only the entry that was open: an address whose entry is still opening is left alone.
    else if (!openId && view === 'journal' && named?.kind === 'entry' && named.id === namedId.current) useNavigation.getState().mark(null);
    namedId.current = openId;
  }, [openId, view]);

  return (
    <div className={`page self-page self-view-${view}`}>
      <header className="self-header">
        <PageHeading lead="A quiet place for you and your parts.">Self</PageHeading>
        {view === 'journal' ? <JournalActions /> : null}
      </header>
      <SelfTabs current={tabOf(view)} />
      {view === 'journal' ? <JournalView /> : null}
      {view === 'parts' ? <PartsView /> : null}
      {view === 'part' && detail?.id ? <PartPage key={detail.id} id={detail.id} /> : null}
      {view === 'map' ? <MapView /> : null}
      {view === 'self-energy' ? <SelfEnergyView /> : null}
      {view === 'library' ? <LibraryView /> : null}
      {view === 'protector' ? <ProtectorFlow partId={detail?.id ?? null} /> : null}
    </div>
  );
}

function SelfTabs({ current }: { current: string }) {
  const go = useNavigation((state) => state.go);
  return (
    <nav className="self-tabs" aria-label="Self">
      {selfTabs.map((tab) => (
        <button
          key={tab.view}
          type="button"
          className="self-tab"
          aria-current={current === tab.view ? 'page' : undefined}
          onClick={() => go('self', tab.view === 'journal' ? null : { kind: tab.view })}
        >
          {tab.label}
        </button>
      ))}
    </nav>
  );
}
