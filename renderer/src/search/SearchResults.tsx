import { Fragment, type KeyboardEventHandler } from 'react';
import type { SearchGroup, SearchHit, TextPiece } from '../../../shared/domain/search';
import { rungById } from '../ladder/rungs';
import { friendlyDay } from '../self/dates';
import { EmptyState } from '../ui/EmptyState';
import { Glyph } from '../ui/Glyph';
import { browsing, tagNamed, useSearch } from './search-store';

/** How a hit's title reads, by kind: check-ins carry the other person's name (a commitment's says whose, from the core). */
const titleLead: Record<string, string> = {
  checkin: 'Check-in with ',
  dyad: 'Dyad with ',
  dyad_agreement: 'Agreement with ',
};
const untitled: Record<string, string> = { entry: 'Untitled entry' };
/** A person belongs to every rung, so their hit names none (people open on Dyads, where they live). */
const showsRung = (kind: string) => kind !== 'person';

/** Matched words as <mark>, everything else as plain text: nobody's writing is ever read as HTML. */
function Pieces({ pieces }: { pieces: TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) => (piece.hit ? <mark key={index}>{piece.text}</mark> : <Fragment key={index}>{piece.text}</Fragment>))}
    </>
  );
}

const plain = (pieces: TextPiece[]) => pieces.map((piece) => piece.text).join('');

function Hit({ hit }: { hit: SearchHit }) {
  const open = useSearch((state) => state.open);
  const hasTitle = hit.title.some((piece) => piece.text.trim() !== '');
  const hasSnippet = hit.snippet.some((piece) => piece.text.trim() !== '');
  // An untitled capture or reflection goes by its kind, as in the journal ("Quick capture").
  const untitledName = hit.untitled ?? untitled[hit.kind] ?? 'Untitled';
  const title = `${titleLead[hit.kind] ?? ''}${hasTitle ? plain(hit.title) : untitledName}`;
  const rung = showsRung(hit.kind) ? rungById(hit.rung).name : null;
  // Named in words, "title, day, rung: snippet": separators hidden in the text came out as
  // "title , day" in Chromium, which puts a space around every visually hidden element.
  const name = [title, hit.day ? friendlyDay(hit.day) : null, rung].filter((part) => part !== null).join(', ') + (hasSnippet ? `: ${plain(hit.snippet)}` : '');
  return (
    <li>
      <button type="button" className="search-hit" data-search-result="" aria-label={name} onClick={() => open(hit)}>
        <span className="search-hit-title">
          {titleLead[hit.kind] ?? ''}
          {hasTitle ? <Pieces pieces={hit.title} /> : <span className="untitled">{untitledName}</span>}
        </span>
        <span className="search-hit-meta">
          {hit.day ? <time dateTime={hit.day}>{friendlyDay(hit.day)}</time> : null}
          {rung ? <span>{rung}</span> : null}
        </span>
        {hasSnippet ? (
          <span className="search-hit-snippet">
            <Pieces pieces={hit.snippet} />
          </span>
        ) : null}
      </button>
    </li>
  );
}

function Group({ group }: { group: SearchGroup }) {
  const showMore = useSearch((state) => state.showMore);
  const headingId = `search-group-${group.kind}`;
  const count = group.totalIsCapped ? `${group.total.toLocaleString()}+` : group.total.toLocaleString();
  return (
    <section className="search-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="search-group-heading">
        {group.label} <span className="search-group-count">{count}</span>
      </h2>
      <ul className="search-hits" aria-labelledby={headingId}>
        {group.hits.map((hit) => (
          <Hit key={hit.id} hit={hit} />
        ))}
      </ul>
      {group.nextOffset !== null ? (
        <button type="button" className="button button-quiet search-more" onClick={() => void showMore(group.kind)}>
          Show more {group.label.toLowerCase()}
        </button>
      ) : null}
    </section>
  );
}

export function SearchResultsView({ onKeyDown }: { onKeyDown: KeyboardEventHandler<HTMLDivElement> }) {
  const groups = useSearch((state) => state.groups);
  const status = useSearch((state) => state.status);
  const error = useSearch((state) => state.error);
  const searched = useSearch((state) => state.searchedText);
  const text = useSearch((state) => state.text);
  const listing = useSearch((state) => browsing(state.filters));
  const tag = useSearch((state) => (state.filters.facets?.tag ? null : tagNamed(state.text, state.options)));

  let body;
  if (status === 'error') {
    body = <p className="search-note">{error}</p>;
  } else if (text.trim() === '' && searched === '' && !listing) {
    body = (
      <EmptyState title="Find your way back to anything" art={<Glyph page="search" />}>
        <p>Type a word or two: a part&rsquo;s name, a person, a feeling, a place. Journal entries, check-ins, parts, people, crews, congregations and networks are all here.</p>
      </EmptyState>
    );
  } else if (status === 'ready' && groups.length === 0 && searched.trim() === '') {
    body = (
      <EmptyState title="Nothing under these filters" art={<Glyph page="search" />}>
        <p>Nothing carries the person, part or tag chosen in the days and rung chosen. Clear a filter to see more.</p>
      </EmptyState>
    );
  } else if (status === 'ready' && groups.length === 0 && tag) {
    // "#anxiety" found nothing as words, but it names a tag: say that, not "try fewer words".
    body = (
      <EmptyState title={`“${tag.label}” is one of your tags`} art={<Glyph page="search" />}>
        <p>Nothing written says it in words. Press Enter, or choose &ldquo;Show everything tagged&rdquo; above, to list what carries the tag.</p>
      </EmptyState>
    );
  } else if (status === 'ready' && groups.length === 0) {
    body = (
      <EmptyState title={`Nothing found for “${searched.trim().replace(/^"(.*)"$/, '$1')}”`} art={<Glyph page="search" />}>
        <p>Try fewer words, the start of a word, or clear the filters. Deleted things are not searched.</p>
      </EmptyState>
    );
  } else {
    body = groups.map((group) => <Group key={group.kind} group={group} />);
  }

  return (
    <div className="search-results" aria-busy={status === 'searching'} onKeyDown={onKeyDown}>
      {tag ? <TagSuggestion id={tag.id} label={tag.label} /> : null}
      <p className="visually-hidden" role="status">
        {status === 'ready' ? (groups.length === 0 ? 'Nothing found' : `${groups.reduce((n, g) => n + g.total, 0)} found`) : ''}
      </p>
      {body}
    </div>
  );
}

/** The words typed name a tag: one click lists what carries it (tags are not words in the text). */
function TagSuggestion({ id, label }: { id: string; label: string }) {
  return (
    <p className="search-tag-suggestion">
      <button
        type="button"
        className="button button-small"
        onClick={() => useSearch.getState().showTagged(id)}
      >
        Show everything tagged “{label}”
      </button>
    </p>
  );
}
