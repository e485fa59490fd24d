import { useEffect, useMemo, useRef, useState } from 'react';
import type { DyadCard as Card } from '../../../shared/domain/dyads';
import { personLabel } from '../../../shared/domain/people';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { EmptyState } from '../ui/EmptyState';
import { manyPeople, nameMatches, PeopleFinder } from '../ui/FindablePeople';
import { Glyph } from '../ui/Glyph';
import { PageHeading } from '../ui/PageHeading';
import { RhythmOverTime } from './charts/RhythmOverTime';
import { DyadCard } from './DyadCard';
import { useNewDyadKept } from './DyadForm';
import { useNewPersonKept } from './PersonForm';
import { useDyads } from './dyads-store';
import { kindLabels, rhythmWords, spanWords } from './labels';
import { dayInSentence } from '../self/dates';
import { RungReflections } from '../ladder/RungReflections';

const lead = 'Two people who support each other: what is alive for them, commitments made both ways, and a gentle rhythm of meeting.';

export function DyadsFront() {
  const load = useDyads((state) => state.load);
  const status = useDyads((state) => state.status);
  const error = useDyads((state) => state.error);
  const cards = useDyads((state) => state.cards);
  const people = useDyads((state) => state.people);

  useEffect(() => {
    void load();
  }, [load]);

  if (status === 'idle' || status === 'loading') {
    return (
      <div className="page dyads-page">
        <PageHeading lead={lead}>Dyads</PageHeading>
      </div>
    );
  }
  if (status === 'error') {
    return (
      <div className="page dyads-page">
        <PageHeading lead={lead}>Dyads</PageHeading>
        <p className="dyads-note">{error}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  if (cards.length === 0 && people.length === 0) return <Welcome />;

  const active = cards.filter((card) => card.status === 'active');
  const paused = cards.filter((card) => card.status === 'paused');
  const closed = cards.filter((card) => card.status === 'closed');
  return (
    <div className="page dyads-page">
      <header className="dyads-header">
        <PageHeading lead={lead}>Dyads</PageHeading>
        <FrontActions />
      </header>
      <AWhile />
      <section className="dyads-section" aria-labelledby="dyads-active">
        <h2 id="dyads-active">Active dyads</h2>
        {active.length === 0 ? (
          <p className="dyads-note">
            {paused.length > 0
              ? `No active dyads right now: ${paused.length === 1 ? 'one is' : `${paused.length} are`} resting, just below. Pick up again from ${paused.length === 1 ? 'its' : 'a dyad’s'} page whenever it feels right.`
              : 'No active dyads right now. When you start one with someone, it will be here.'}
          </p>
        ) : (
          <ul className="dyad-cards">
            {active.map((card) => (
              <li key={card.id}>
                <DyadCard card={card} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Right under the active ones: a paused dyad is resting, not gone. */}
      {paused.length > 0 ? <Resting id="dyads-paused" title="Paused" cards={paused} /> : null}
      <div className="dyads-columns">
        <PeopleSection />
        <MonthSection />
      </div>
      {closed.length > 0 ? <Resting id="dyads-closed" title="Closed gracefully" cards={closed} /> : null}
      <RungReflections rung="dyads" />
    </div>
  );
}

function FrontActions() {
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  // Words typed into either form and kept (even from before a restart): its button says so.
  const personKept = useNewPersonKept();
  const dyadKept = useNewDyadKept();
  const kept = personKept && dyadKept ? 'A person and a dyad you started are kept, not saved yet.' : personKept ? 'A person you started adding is kept, not saved yet.' : 'A dyad you started is kept, not saved yet.';
  return (
    <div className="dyads-actions">
      <button type="button" className="button" disabled={readOnly} aria-describedby={personKept ? 'dyads-kept-drafts' : undefined} onClick={() => go('dyads', { kind: 'new-person' })}>
        Add a person
      </button>
      <button type="button" className="button button-primary" disabled={readOnly} aria-describedby={dyadKept ? 'dyads-kept-drafts' : undefined} onClick={() => go('dyads', { kind: 'new-dyad' })}>
        New dyad
      </button>
      {personKept || dyadKept ? (
        <p id="dyads-kept-drafts" className="dyads-kept-drafts muted">
          {kept}
        </p>
      ) : null}
    </div>
  );
}

function Welcome() {
  return (
    <div className="page dyads-page">
      <PageHeading lead={lead}>Dyads</PageHeading>
      <EmptyState title="A place for the people you walk beside" art={<Glyph page="dyads" className="empty-glyph" />} action={<FrontActions />}>
        <p>
          A dyad is a partnership of two: a peer coach, a creative partner, a steward, an old friend. Here you can remember what is
          alive for them, keep commitments made in both directions, and notice whether it feels mutual.
        </p>
        <p>Start by adding a person, then start a dyad with them.</p>
      </EmptyState>
      <RungReflections rung="dyads" />
    </div>
  );
}

function AWhile() {
  const aWhile = useDyads((state) => state.aWhile);
  const go = useNavigation((state) => state.go);
  if (aWhile.length === 0) return null;
  return (
    <section className="dyads-section a-while" aria-labelledby="dyads-a-while">
      <h2 id="dyads-a-while">Haven’t seen in a while</h2>
      <p className="dyads-note">No rush. These are the people whose rhythm has drifted furthest; a message might be welcome.</p>
      <ul className="a-while-list">
        {aWhile.map((card) => (
          <li key={card.id}>
            <button type="button" className="a-while-row" onClick={() => go('dyads', { kind: 'dyad', id: card.id })}>
              <span className="a-while-name">{card.personName}</span>
              <span className="a-while-detail">
                {card.rhythm.lastContactOn ? `Last together ${dayInSentence(card.rhythm.lastContactOn)}` : 'Not met here yet'} ·{' '}
                you hoped to meet {rhythmWords(card.rhythmDays).toLowerCase()}; it has been {spanWords(card.rhythm.daysPast)} longer than that
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MonthSection() {
  const perMonth = useDyads((state) => state.perMonth);
  return <RhythmOverTime months={perMonth} label="Check-ins per month, all dyads, last 12 months" />;
}

/** How many people who match the name are drawn at once, and how many more each "Show … more" adds. */
const matchesAtOnce = 50;

const count = (n: number) => n.toLocaleString('en');

function PeopleSection() {
  const people = useDyads((state) => state.people);
  const more = useDyads((state) => state.morePeople !== null);
  const loadMore = useDyads((state) => state.loadMorePeople);
  const everyone = useDyads((state) => state.everyone);
  const loadEveryone = useDyads((state) => state.loadEveryone);
  const go = useNavigation((state) => state.go);
  const [query, setQuery] = useState('');
  // How many of the matches are drawn: a letter or two can match most of 2,000 people.
  const [limit, setLimit] = useState(matchesAtOnce);
  // After "Show … more", the first person it brought in takes focus (its index in the list).
  const focusFrom = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const looking = query.trim() !== '';
  // Looking reads everyone: the one sought may be the 2,000th, beyond the pages shown.
  const waiting = looking && everyone === null;
  useEffect(() => {
    if (waiting) void loadEveryone();
  }, [waiting, loadEveryone]);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLButtonElement>(':scope > li > button')[from]?.focus();
  }, [limit]);
  const findable = more || people.length > manyPeople;
  const matches = useMemo(() => (looking ? (everyone ?? people).filter((person) => nameMatches(personLabel(person), query)) : people), [looking, everyone, people, query]);
  const shown = looking ? matches.slice(0, limit) : people;
  const left = matches.length - shown.length;
  const lookFor = (next: string) => {
    setQuery(next);
    setLimit(matchesAtOnce);
  };
  const showMore = () => {
    focusFrom.current = shown.length;
    setLimit(limit + matchesAtOnce);
  };
  return (
    <section className="dyads-section" aria-labelledby="dyads-people">
      <h2 id="dyads-people">People</h2>
      {findable ? <PeopleFinder id="dyads-find-person" label="Find someone by name" query={query} onQuery={lookFor} /> : null}
      {/* Always there while the box is, so a screen reader hears the count change as you type. */}
      {findable ? (
        <p className="dyads-note people-found" role="status">
          {looking && left > 0 ? `Showing ${count(shown.length)} of ${count(matches.length)}: type more of the name to narrow it.` : ''}
        </p>
      ) : null}
      {people.length === 0 ? (
        <p className="dyads-note">People you add will be listed here.</p>
      ) : looking && !waiting && shown.length === 0 ? (
        <p className="dyads-note">No one here by that name.</p>
      ) : (
        <ul ref={list} className="people-list" aria-labelledby="dyads-people">
          {shown.map((person) => (
            <li key={person.id}>
              <button type="button" className="person-row" onClick={() => go('dyads', { kind: 'person', id: person.id })}>
                <span>{personLabel(person)}</span>
                {person.dyadCount > 0 ? <span className="muted">{person.dyadCount === 1 ? '1 dyad' : `${person.dyadCount} dyads`}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {more && !looking ? (
        <button type="button" className="button button-quiet" onClick={() => void loadMore()}>
          Show more people
        </button>
      ) : null}
      {looking && left > 0 ? (
        <button type="button" className="button button-quiet people-more" onClick={showMore}>
          Show {count(Math.min(left, matchesAtOnce))} more
        </button>
      ) : null}
    </section>
  );
}

function Resting({ id, title, cards }: { id: string; title: string; cards: Card[] }) {
  const go = useNavigation((state) => state.go);
  return (
    <section className="dyads-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="resting-list">
        {cards.map((card) => (
          <li key={card.id}>
            <button type="button" className="person-row" onClick={() => go('dyads', { kind: 'dyad', id: card.id })}>
              <span>{card.personName}</span>
              <span className="muted">{kindLabels[card.kind]}</span>
              {card.lastCheckinOn ? <span className="muted">last check-in {dayInSentence(card.lastCheckinOn)}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

