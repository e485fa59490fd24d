import { useEffect, useState } from 'react';
import type { Person, TimelineItem } from '../../../shared/domain/people';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { friendlyDay } from '../self/dates';
import { useEntryEditor } from '../self/entry-editor-store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { PageHeading } from '../ui/PageHeading';
import { DyadCard } from './DyadCard';
import { BackLink } from '../ui/BackLink';
import { pastStages } from '../../../shared/domain/crews';
import { stageNames } from '../crews/labels';
import { commitmentStatusLabels, dialLabels, howLabels, kindLabels } from './labels';
import { usePersonEditsKept } from './PersonForm';
import { usePerson } from './person-store';

/** A person's page: who they are to you, your dyads with them, and everything with them over time. */
export function PersonPage({ id }: { id: string }) {
  const load = usePerson((state) => state.load);
  const person = usePerson((state) => (state.personId === id ? state.person : null));
  const status = usePerson((state) => state.status);
  const error = usePerson((state) => state.error);
  const dyads = usePerson((state) => state.dyads);
  const remove = usePerson((state) => state.remove);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void load(id);
  }, [id, load]);

  if (!person) {
    return (
      <div className="page dyads-page">
        <BackLink label="Back to Dyads" onClick={() => go('dyads')} />
        {status === 'error' ? <p className="dyads-note">{error}</p> : null}
      </div>
    );
  }
  const details = [
    // "How we met" means nothing about yourself.
    person.howWeMet && !person.isMe ? { label: 'How we met', value: person.howWeMet } : null,
    person.birthday ? { label: 'Birthday', value: friendlyDay(person.birthday) } : null,
  ].filter((d) => d !== null);

  return (
    <div className="page dyads-page person-page">
      <BackLink label="Back to Dyads" onClick={() => go('dyads')} />
      <header className="dyads-header">
        {/* The page is theirs, so its heading is the name; the lead says it is you. */}
        <PageHeading lead={person.isMe ? 'This is you.' : undefined}>{person.name}</PageHeading>
        <div className="dyads-actions">
          <EditDetailsButton person={person} />
          {person.isMe ? null : <DyadAction name={person.name} personId={person.id} />}
          <EditsKeptNote person={person} />
        </div>
      </header>
      {details.length > 0 || person.notes ? (
        <section className="person-details" aria-label={person.isMe ? 'About you' : 'About them'}>
          {details.length > 0 ? (
            <dl className="dyad-facts">
              {details.map((d) => (
                <div key={d.label}>
                  <dt>{d.label}</dt>
                  <dd>{d.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {person.notes ? <p className="person-notes">{person.notes}</p> : null}
        </section>
      ) : null}
      {dyads.length > 0 ? (
        <section className="dyads-section" aria-labelledby="person-dyads">
          <h2 id="person-dyads">{dyads.length === 1 ? 'Your dyad' : 'Your dyads'}</h2>
          <ul className="dyad-cards">
            {dyads.map((card) => (
              <li key={card.id}>
                <DyadCard card={card} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Groups />
      <Timeline name={person.name} />
      <div className="danger-zone">
        <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => setConfirming(true)}>
          Delete person…
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${person.name}?`}
          confirmLabel="Delete person"
          cancelLabel={person.isMe ? 'Keep me' : 'Keep them'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void remove();
          }}
        >
          <p>
            {person.name} {dyads.length === 0 ? 'leaves every page' : `leaves every page, with ${dyads.length === 1 ? 'your dyad' : `your ${dyads.length} dyads`} and ${dyads.length === 1 ? 'its' : 'their'} check-ins`}
            ; crews and congregations no longer list them.
          </p>
          <p>Their history stays in your archive, and Undo, right after, brings it all back.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** "Edit details", saying so when changes typed into it are kept, not saved yet (even from before a restart). */
function EditDetailsButton({ person }: { person: Person }) {
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const kept = usePersonEditsKept(person);
  return (
    <button type="button" className="button" disabled={readOnly} aria-describedby={kept ? 'person-kept-edits' : undefined} onClick={() => go('dyads', { kind: 'edit-person', id: person.id })}>
      Edit details
    </button>
  );
}

function EditsKeptNote({ person }: { person: Person }) {
  const kept = usePersonEditsKept(person);
  return kept ? (
    <p id="person-kept-edits" className="dyads-kept-drafts muted">
      Your changes to {person.isMe ? 'your' : 'their'} details are kept, not saved yet.
    </p>
  ) : null;
}

/**
 * The next step with them: a check-in when a dyad with them is going (a second dyad alongside it
 * would split one relationship in two), or starting one when none is, or only closed ones are.
 */
function DyadAction({ name, personId }: { name: string; personId: string }) {
  const dyads = usePerson((state) => state.dyads);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const active = dyads.filter((card) => card.status === 'active');
  const [only] = active;
  if (only && active.length === 1) {
    return (
      <button type="button" className="button button-primary button-wraps" disabled={readOnly} onClick={() => go('dyads', { kind: 'new-checkin', id: only.id })}>
        New check-in with {name}
      </button>
    );
  }
  // Paused (or, from older archives, several at once): the dyad cards below lead on from here.
  if (active.length > 1 || dyads.some((card) => card.status === 'paused')) return null;
  return (
    <button type="button" className="button button-primary button-wraps" disabled={readOnly} onClick={() => go('dyads', { kind: 'new-dyad', id: personId })}>
      {dyads.length > 0 ? `Start a new dyad with ${name}` : `Start a dyad with ${name}`}
    </button>
  );
}

/** Their crews, congregations and hosted networks, each a way to that page. */
function Groups() {
  const groups = usePerson((state) => state.groups);
  const go = useNavigation((state) => state.go);
  const links = [
    ...groups.crews.map((crew) => ({
      key: `crew-${crew.id}`,
      lead: 'Crew',
      name: crew.name,
      note: pastStages.includes(crew.stage) ? stageNames[crew.stage].toLowerCase() : '',
      open: () => go('crews', { kind: 'crew', id: crew.id }),
    })),
    ...groups.congregations.map((congregation) => ({
      key: `congregation-${congregation.id}`,
      lead: 'Congregation',
      name: congregation.name,
      note: '',
      open: () => go('congregations', { kind: 'congregation', id: congregation.id }),
    })),
    ...groups.hostedNetworks.map((network) => ({
      key: `network-${network.id}`,
      lead: 'Hosts the network',
      name: network.name,
      note: '',
      open: () => go('network', { kind: 'network', id: network.id }),
    })),
  ];
  if (links.length === 0) return null;
  return (
    <section className="dyads-section" aria-labelledby="person-groups">
      <h2 id="person-groups">Crews and congregations</h2>
      <ul className="person-groups">
        {links.map((link) => (
          <li key={link.key}>
            <span className="muted">{link.lead} · </span>
            <button type="button" className="link-button" onClick={link.open}>
              {link.name}
            </button>
            {link.note ? <span className="muted"> ({link.note})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline({ name }: { name: string }) {
  const items = usePerson((state) => state.timeline);
  const more = usePerson((state) => state.nextCursor !== null);
  const loadingMore = usePerson((state) => state.loadingMore);
  const loadMore = usePerson((state) => state.loadMore);
  return (
    <section className="dyads-section" aria-labelledby="person-timeline">
      <h2 id="person-timeline">Timeline</h2>
      {items.length === 0 ? (
        <p className="dyads-note">Check-ins, commitments and journal entries that mention {name} will gather here.</p>
      ) : (
        <ol className="timeline" aria-labelledby="person-timeline">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className={`timeline-item timeline-${item.kind}`}>
              <time className="timeline-date" dateTime={item.date}>
                {friendlyDay(item.date)}
              </time>
              <TimelineBody item={item} name={name} />
            </li>
          ))}
        </ol>
      )}
      {more ? (
        <button type="button" className="button button-quiet" disabled={loadingMore} onClick={() => void loadMore()}>
          Show earlier
        </button>
      ) : null}
    </section>
  );
}

function TimelineBody({ item, name }: { item: TimelineItem; name: string }) {
  const go = useNavigation((state) => state.go);
  switch (item.kind) {
    case 'checkin':
      return (
        <button type="button" className="timeline-card" onClick={() => go('dyads', { kind: 'checkin', id: item.id })}>
          <span className="timeline-title">
            Check-in · {howLabels[item.how as keyof typeof howLabels] ?? item.how}
            {item.dial !== null ? ` · dial ${item.dial} (${dialLabels[item.dial]?.toLowerCase()})` : ''}
          </span>
          {item.excerpt ? <span className="timeline-text">{item.excerpt}</span> : null}
        </button>
      );
    case 'commitment':
      return (
        <div className="timeline-card">
          <span className="timeline-title">
            {item.direction === 'mine' ? 'I committed' : `${name} committed`}: {item.text}
            <span className={`tag tag-${item.status}`}>{commitmentStatusLabels[item.status]}</span>
          </span>
          {item.outcomeNote ? (
            <span className="timeline-text">
              {item.status === 'renegotiated' ? 'New terms: ' : ''}
              {item.outcomeNote}
            </span>
          ) : null}
        </div>
      );
    case 'entry':
      return (
        <button
          type="button"
          className="timeline-card"
          onClick={() => {
            go('self');
            void useEntryEditor.getState().open(item.id);
          }}
        >
          <span className="timeline-title">Journal · {item.title.trim() || 'Untitled'}</span>
          {item.excerpt ? <span className="timeline-text">{item.excerpt}</span> : null}
        </button>
      );
    case 'dyad':
      return (
        <button type="button" className="timeline-card" onClick={() => go('dyads', { kind: 'dyad', id: item.id })}>
          <span className="timeline-title">Started a dyad · {kindLabels[item.dyadKind as keyof typeof kindLabels] ?? item.dyadKind}</span>
        </button>
      );
    case 'dyadClosed':
      return (
        <button type="button" className="timeline-card" onClick={() => go('dyads', { kind: 'dyad', id: item.id })}>
          <span className="timeline-title">Closed a dyad · {kindLabels[item.dyadKind as keyof typeof kindLabels] ?? item.dyadKind}</span>
          {item.closingNote ? <span className="timeline-text">{item.closingNote}</span> : null}
        </button>
      );
    case 'meeting':
      return (
        <button type="button" className="timeline-card" onClick={() => go('crews', { kind: 'crew', id: item.crewId })}>
          <span className="timeline-title">
            Crew meeting · {item.crewName}, session {item.number}
          </span>
        </button>
      );
  }
}
