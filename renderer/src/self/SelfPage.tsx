import '../styles/journal.css';
import { useEffect } from 'react';
import { EmptyState } from '../ui/EmptyState';
import { Glyph } from '../ui/Glyph';
import { PageHeading } from '../ui/PageHeading';
import { EntryEditor } from './EntryEditor';
import { useEntryEditor } from './entry-editor-store';
import { JournalList } from './JournalList';
import { useJournal } from './journal-store';
import { NewEntryButton } from './NewEntryButton';
import { commandKey } from './shortcut';

/** The Self rung: the journal, its list of entries beside the open one. */
export function SelfPage() {
  const load = useJournal((state) => state.load);
  const status = useJournal((state) => state.status);
  const isEmpty = useJournal((state) => state.ids.length === 0);
  const isOpen = useEntryEditor((state) => state.isOpen);
  const draftKey = useEntryEditor((state) => state.draftKey);
  const welcome = status === 'ready' && isEmpty && !isOpen;
  // Until the first page arrives, show nothing rather than a layout that may turn into the welcome.
  const settling = (status === 'idle' || status === 'loading') && !isOpen;

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page self-page">
      <header className="self-header">
        <PageHeading lead="Your journal: a quiet place for you and your parts.">Self</PageHeading>
        {welcome || settling ? null : <NewEntryButton />}
      </header>
      {settling ? null : welcome ? (
        <EmptyState
          title="Your journal is ready when you are"
          art={<Glyph page="self" className="empty-glyph" />}
          action={<NewEntryButton />}
        >
          <p>
            This is a private place to get to know yourself and your parts. Nothing here leaves this computer, and nothing
            needs to be finished or polished.
          </p>
          <p>Write your first entry whenever you like. A single line is plenty.</p>
        </EmptyState>
      ) : (
        <div className="journal-layout">
          <section className="journal-pane" aria-label="Entries">
            <JournalPane />
          </section>
          <div className="editor-pane">{isOpen ? <EntryEditor key={draftKey} /> : <NothingOpen />}</div>
        </div>
      )}
    </div>
  );
}

function JournalPane() {
  const status = useJournal((state) => state.status);
  const error = useJournal((state) => state.error);
  const isEmpty = useJournal((state) => state.ids.length === 0);
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
    return <p className="journal-pane-note">{status === 'ready' ? 'Your entries will gather here as you write.' : 'Opening your journal…'}</p>;
  }
  return <JournalList />;
}

function NothingOpen() {
  const opening = useEntryEditor((state) => state.opening);
  if (opening) return null;
  return (
    <div className="nothing-open">
      <p>Choose an entry to read it again, or start a new one.</p>
      <p className="muted">
        <kbd>{commandKey}N</kbd> starts a new entry from anywhere.
      </p>
    </div>
  );
}
