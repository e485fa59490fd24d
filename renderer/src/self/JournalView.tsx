import { useEffect, useRef } from 'react';
import { useNavigation } from '../app/navigation-store';
import { EmptyState } from '../ui/EmptyState';
import { Glyph } from '../ui/Glyph';
import { EntryEditor } from './EntryEditor';
import { useEntryEditor } from './entry-editor-store';
import { JournalFilters } from './JournalFilters';
import { JournalList } from './JournalList';
import { isFiltered, useJournal } from './journal-store';
import { TemplateMenu } from './library/TemplateMenu';
import { NewEntryButton } from './NewEntryButton';
import { TodayPanel } from './TodayPanel';

/** Whether the journal is empty and unfiltered: then the page welcomes instead of listing. */
function useJournalState() {
  const status = useJournal((state) => state.status);
  const isEmpty = useJournal((state) => state.ids.length === 0);
  const filtered = useJournal((state) => isFiltered(state.filter));
  const loadedOnce = useJournal((state) => state.loadedOnce);
  const isOpen = useEntryEditor((state) => state.isOpen);
  const missing = useEntryEditor((state) => state.missingId !== null);
  const welcome = status === 'ready' && isEmpty && !filtered && !isOpen && !missing;
  // Until the first page arrives, show nothing rather than a layout that may turn into the welcome.
  const settling = (status === 'idle' || status === 'loading') && !isOpen && !loadedOnce;
  return { welcome, settling };
}

export function JournalActions() {
  const { welcome, settling } = useJournalState();
  if (welcome || settling) return null;
  return (
    <div className="journal-actions">
      <TemplateMenu />
      <NewEntryButton />
    </div>
  );
}

/** The journal: its list of entries beside the open one, or beside today's invitations. */
export function JournalView() {
  const load = useJournal((state) => state.load);
  const isOpen = useEntryEditor((state) => state.isOpen);
  const draftKey = useEntryEditor((state) => state.draftKey);
  const missing = useEntryEditor((state) => state.missingId !== null);
  const { welcome, settling } = useJournalState();

  useEffect(() => {
    void load();
  }, [load]);

  if (settling) return null;
  if (welcome) {
    return (
      <div className="journal-welcome">
        <EmptyState title="Your journal is ready when you are" art={<Glyph page="self" className="empty-glyph" />} action={<NewEntryButton />}>
          <p>
            This is a private place to get to know yourself and your parts. Nothing here leaves this computer, and nothing
            needs to be finished or polished.
          </p>
          <p>Write your first entry whenever you like. A single line is plenty.</p>
        </EmptyState>
        <TodayPanel compact />
      </div>
    );
  }
  return (
    <div className="journal-layout">
      <section className="journal-pane" aria-label="Entries">
        <JournalFilters />
        <JournalPane />
      </section>
      <div className="editor-pane">{isOpen ? <EntryEditor key={draftKey} /> : missing ? <EntryGone /> : <TodayPanel />}</div>
    </div>
  );
}

/** Where an entry asked for would be, when it isn't in the journal (deleted, or its link is old). */
function EntryGone() {
  const go = useNavigation((state) => state.go);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Arriving from another page (Back, a link), the note is what to read first.
    if (useNavigation.getState().moves > 0) heading.current?.focus();
  }, []);
  return (
    <section className="today-card entry-gone" aria-labelledby="entry-gone-heading">
      <h2 id="entry-gone-heading" ref={heading} tabIndex={-1}>
        This entry isn&rsquo;t in your journal
      </h2>
      <p>It may have been deleted, or the link to it is an old one. Everything else you wrote is here, as you left it.</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          useEntryEditor.getState().clearMissing();
          go('self');
        }}
      >
        Back to the journal
      </button>
    </section>
  );
}

function JournalPane() {
  const status = useJournal((state) => state.status);
  const error = useJournal((state) => state.error);
  const isEmpty = useJournal((state) => state.ids.length === 0);
  const filtered = useJournal((state) => isFiltered(state.filter));
  const load = useJournal((state) => state.load);
  if (status === 'error') {
    return (
      <div className="journal-pane-note">
        <p>{error}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  if (isEmpty) {
    let note = 'Opening your journal…';
    if (status === 'ready') note = filtered ? 'No entries match these filters.' : 'Your entries will gather here as you write.';
    return <p className="journal-pane-note">{note}</p>;
  }
  return <JournalList />;
}
