import './search.css';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { PageHeading } from '../ui/PageHeading';
import { ariaCommandKey, commandKey } from '../self/shortcut';
import { SearchFiltersBar } from './SearchFilters';
import { SearchResultsView } from './SearchResults';
import { tagNamed, useSearch } from './search-store';

/** Every result button on the page, in reading order, for arrow-key movement. */
function resultButtons(from: HTMLElement | null) {
  return Array.from(from?.closest('.search-page')?.querySelectorAll<HTMLButtonElement>('[data-search-result]') ?? []);
}

/** Nothing found as words, but the words name a tag ("#anxiety"): Enter lists what carries it. True when it did. */
function showTagNamed(): boolean {
  const { text, filters, options, status, showTagged } = useSearch.getState();
  const tag = filters.facets?.tag || status !== 'ready' ? null : tagNamed(text, options);
  if (tag) showTagged(tag.id);
  return tag !== null;
}

/** One box over everything written, on every rung. Ctrl/Cmd+K comes here from anywhere. */
export function SearchPage() {
  const text = useSearch((state) => state.text);
  const setText = useSearch((state) => state.setText);
  const focusNonce = useSearch((state) => state.focusNonce);
  const loadOptions = useSearch((state) => state.loadOptions);
  const boxRef = useRef<HTMLInputElement>(null);
  // ↓ or Enter pressed before the words typed have their results: they wait for those results,
  // and never act on the ones left from fewer letters.
  const waitingKey = useRef<'ArrowDown' | 'Enter' | null>(null);
  const status = useSearch((state) => state.status);
  const searchedText = useSearch((state) => state.searchedText);
  useEffect(() => {
    const key = waitingKey.current;
    if (key === null || status !== 'ready' || searchedText !== useSearch.getState().text) return;
    waitingKey.current = null;
    const first = boxRef.current ? resultButtons(boxRef.current)[0] : undefined;
    if (key === 'ArrowDown') first?.focus();
    else if (first) first.click();
    else showTagNamed();
  }, [status, searchedText]);

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  // Arriving here (or pressing Ctrl/Cmd+K again) puts the cursor in the box, ready to type.
  useEffect(() => {
    boxRef.current?.focus();
    boxRef.current?.select();
  }, [focusNonce]);

  const onBoxKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = resultButtons(event.currentTarget)[0];
    const { status: now, searchedText: answered, text: asked } = useSearch.getState();
    if ((event.key === 'ArrowDown' || event.key === 'Enter') && asked.trim() !== '' && (now === 'searching' || answered !== asked)) {
      event.preventDefault();
      waitingKey.current = event.key;
    } else if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      first.focus();
    } else if (event.key === 'Enter' && first) {
      event.preventDefault();
      first.click();
    } else if (event.key === 'Enter') {
      if (showTagNamed()) event.preventDefault();
    } else if (event.key === 'Escape' && text !== '') {
      event.preventDefault();
      setText('');
    }
  };

  return (
    <div className="page search-page">
      <PageHeading lead="Find anything you have written, on every rung. It never leaves this computer.">Search</PageHeading>
      <div className="search-box-row" role="search">
        <label htmlFor="search-box" className="visually-hidden">
          Search everything
        </label>
        <svg className="search-box-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6" />
          <path d="M15 15l5 5" />
        </svg>
        <input
          ref={boxRef}
          id="search-box"
          className="search-box"
          type="search"
          value={text}
          placeholder="Search entries, check-ins, parts, people…"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts={`${ariaCommandKey}+K`}
          aria-describedby="search-hint"
          onChange={(event) => {
            waitingKey.current = null;
            setText(event.target.value);
          }}
          onKeyDown={onBoxKeyDown}
        />
        {text === '' ? (
          <kbd className="search-box-kbd" aria-hidden="true">
            {commandKey}K
          </kbd>
        ) : (
          <button
            type="button"
            className="search-box-clear"
            aria-label="Clear search"
            onClick={() => {
              setText('');
              boxRef.current?.focus();
            }}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        )}
      </div>
      <p id="search-hint" className="search-hint">
        Words match as you type. Put words in &ldquo;quotes&rdquo; to find them together. Arrow keys move through the results.
      </p>
      <SearchFiltersBar />
      <SearchResultsView
        onKeyDown={(event) => {
          const buttons = resultButtons(event.target as HTMLElement);
          const at = buttons.indexOf(event.target as HTMLButtonElement);
          if (at === -1) return;
          const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
          if (to === undefined) return;
          event.preventDefault();
          if (to < 0) boxRef.current?.focus();
          else buttons[Math.min(to, buttons.length - 1)]?.focus();
        }}
      />
    </div>
  );
}
