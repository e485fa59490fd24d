import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { friendlyDay } from './dates';
import { kindLabels } from './parts/part-labels';
import { useParts } from './parts/parts-store';
import { useEntryEditor } from './entry-editor-store';
import { useJournal } from './journal-store';

const rowHeight = 112;
const listPadding = 6;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const prefetchRows = 15;

/**
 * Every entry, newest first, virtualised: only the rows in view exist in the page, so a
 * journal of 100,000 entries scrolls like one of ten. Arrow keys move between rows.
 */
export function JournalList() {
  const ids = useJournal((state) => state.ids);
  const hasMore = useJournal((state) => state.nextCursor !== null);
  const loadMore = useJournal((state) => state.loadMore);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = ids.length + (hasMore ? 1 : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    paddingStart: listPadding,
    paddingEnd: listPadding,
    getItemKey: (index) => ids[index] ?? 'more',
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && lastShown >= ids.length - prefetchRows) void loadMore();
  }, [hasMore, lastShown, ids.length, loadMore]);

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index);
    if (Number.isNaN(from)) return;
    const keys: Record<string, number> = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: ids.length - 1 };
    const to = keys[event.key];
    if (to === undefined || to < 0 || to >= ids.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(to, { align: 'auto' });
    // The row may only exist after the virtualiser renders it.
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${to}"] button`)?.focus();
    });
  };

  return (
    <div ref={scrollRef} className="journal-scroll" onKeyDown={moveFocus}>
      <div role="list" aria-label="Journal" className="journal-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = ids[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              className="journal-row"
              data-index={item.index}
              aria-posinset={item.index + 1}
              aria-setsize={hasMore ? -1 : ids.length}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {id ? <EntryRow id={id} /> : <p className="journal-more">Finding earlier entries…</p>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const EntryRow = memo(function EntryRow({ id }: { id: string }) {
  const entry = useJournal((state) => state.byId[id]);
  const isOpen = useEntryEditor((state) => state.isOpen && state.entryId === id);
  const open = useEntryEditor((state) => state.open);
  const partNames = useParts((state) => entry?.partIds.map((id) => state.byId[id]?.name).filter(Boolean).join(', ') ?? '');
  if (!entry) return null;
  const title = entry.title.trim();
  // An untitled capture or reflection is titled by its kind, so the kind need not be said twice.
  const meta = [entry.kind !== 'journal' && title ? kindLabels[entry.kind] : '', partNames, entry.tags.map((tag) => `#${tag}`).join(' ')]
    .filter(Boolean)
    .join(' · ');
  return (
    <button type="button" className="entry-row" aria-current={isOpen ? 'true' : undefined} onClick={() => void open(id)}>
      <span className="entry-row-top">
        <time className="entry-row-date" dateTime={entry.entryDate}>
          {friendlyDay(entry.entryDate)}
        </time>
        {meta ? <span className="entry-row-meta">{meta}</span> : null}
      </span>
      <span className={title ? 'entry-row-title' : 'entry-row-title untitled'}>{title || (entry.kind === 'journal' ? 'Untitled' : kindLabels[entry.kind])}</span>
      <span className="entry-row-excerpt">{entry.excerpt}</span>
    </button>
  );
});
