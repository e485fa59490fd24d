import './crews.css';
import { useEffect } from 'react';
import type { CrewCard } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { RungReflections } from '../ladder/RungReflections';
import { rungById } from '../ladder/rungs';
import { EmptyState } from '../ui/EmptyState';
import { PageHeading } from '../ui/PageHeading';
import { CrewForm, useCallDraftKept } from './CrewForm';
import { CrewView } from './CrewView';
import { EditCrewForm } from './EditCrewForm';
import { MeetingForm, useMeetingDraftKept } from './MeetingForm';
import { MeetingView } from './MeetingView';
import { PrepView } from './PrepView';
import { RetroForm, useRetroDraftKept } from './RetroForm';
import { useCrews } from './crews-store';
import { keptDraftsNote, onDay, sizeNote, stageNames, upcomingDay } from './labels';

const rung = rungById('crews');

/** The Crews rung: the list, and inside it a crew, its prep, a meeting or a retrospective. */
export function CrewsPage() {
  const kind = useNavigation((state) => state.detail?.kind ?? null);
  const id = useNavigation((state) => state.detail?.id ?? null);
  if (kind === 'new-crew') return <CrewForm />;
  if (kind === 'crew' && id) return <CrewView id={id} />;
  if (kind === 'prep' && id) return <PrepView id={id} />;
  if (kind === 'new-meeting' && id) return <MeetingForm crewId={id} />;
  if (kind === 'retrospective' && id) return <RetroForm crewId={id} />;
  if (kind === 'meeting' && id) return <MeetingView id={id} />;
  if (kind === 'edit-crew' && id) return <EditCrewForm id={id} />;
  return <CrewsFront />;
}

function CrewsFront() {
  const list = useCrews((state) => state.list);
  const loadList = useCrews((state) => state.loadList);
  const go = useNavigation((state) => state.go);
  // A crew started in "Call a crew" and kept (even from before a restart): its button says so.
  const callKept = useCallDraftKept();
  useEffect(() => {
    void loadList();
  }, [loadList]);
  const callButton = (
    <div className="crews-call">
      <button type="button" className="button button-primary" aria-describedby={callKept ? 'crews-call-kept' : undefined} onClick={() => go('crews', { kind: 'new-crew' })}>
        Call a crew
      </button>
      {callKept ? (
        <p id="crews-call-kept" className="crews-muted crews-kept-drafts">
          A crew you started calling is kept, not saved yet.
        </p>
      ) : null}
    </div>
  );
  return (
    <div className="page crews-page">
      <div className="crews-top">
        <PageHeading lead={rung.purpose}>Crews</PageHeading>
        {list && list.active.length + list.past.length > 0 ? callButton : null}
      </div>
      {list === null ? null : list.active.length + list.past.length === 0 ? (
        <EmptyState title="No crews yet" action={callButton}>
          A crew often starts as a small experiment: invite three or four people to six one-hour sessions, each focused on one person, ending with a
          retrospective. The time limit makes it easy to say yes.
        </EmptyState>
      ) : (
        <>
          <section aria-labelledby="crews-active">
            <h2 id="crews-active" className="crews-section-title">
              Active crews
            </h2>
            {list.active.length === 0 ? <p className="crews-muted">None right now.</p> : <CrewCards cards={list.active} />}
          </section>
          {list.past.length > 0 ? (
            <section aria-labelledby="crews-past">
              <h2 id="crews-past" className="crews-section-title">
                Past crews
              </h2>
              <CrewCards cards={list.past} />
            </section>
          ) : null}
        </>
      )}
      <RungReflections rung="crews" />
    </div>
  );
}

function CrewCards({ cards }: { cards: CrewCard[] }) {
  const go = useNavigation((state) => state.go);
  return (
    <ul className="crew-cards">
      {cards.map((card) => {
        const { progress } = card;
        const note = card.closedOn === null ? sizeNote(card.size, card.memberCount, card.stage) : null;
        return (
          <li key={card.id}>
            <button type="button" className="card-button crew-card" onClick={() => go('crews', { kind: 'crew', id: card.id })}>
              <span className="crew-card-name">{card.name}</span>
              <span className={`crew-stage crew-stage-${card.stage}`}>{stageNames[card.stage]}</span>
              <span className="crew-card-line">
                {card.memberCount} {card.memberCount === 1 ? 'member' : 'members'}
                {card.closedOn ? ` · ended ${onDay(card.closedOn)}` : ''}
              </span>
              {card.closedOn === null ? (
                <>
                  <span className="crew-card-line">Next meeting: {card.nextMeetingOn ? upcomingDay(card.nextMeetingOn) : card.stage === 'paused' ? 'none while paused' : 'not set yet'}</span>
                  <CycleBar held={progress.held} sessions={progress.sessions} cycle={progress.cycle} />
                </>
              ) : null}
              {note ? <span className="crew-card-note">{note}</span> : null}
              {card.closedOn === null ? <KeptDraftsLine crewId={card.id} /> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function CycleBar({ held, sessions, cycle }: { held: number; sessions: number | null; cycle: number }) {
  const label = sessions === null ? `Cycle ${cycle}: ${held} ${held === 1 ? 'session' : 'sessions'} held` : `Cycle ${cycle}: ${held} of ${sessions} sessions held`;
  return (
    <span className="crew-cycle">
      {sessions !== null ? (
        <span className="crew-cycle-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={sessions} aria-valuenow={Math.min(held, sessions)}>
          <span className="crew-cycle-fill" style={{ width: `${Math.min(100, (held / sessions) * 100)}%` }} />
        </span>
      ) : null}
      <span className="crew-card-line">{label}</span>
    </span>
  );
}

/** On an active crew's card: a meeting or retrospective started and kept, so it isn't thought lost. */
function KeptDraftsLine({ crewId }: { crewId: string }) {
  const meeting = useMeetingDraftKept(crewId);
  const retro = useRetroDraftKept(crewId);
  return meeting || retro ? <span className="crew-card-line crew-card-kept">{keptDraftsNote(meeting, retro)}</span> : null;
}
