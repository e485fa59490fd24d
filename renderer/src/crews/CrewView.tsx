import { useEffect, useRef } from 'react';
import { type Crew, isUnnamedMe, pastStages } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { ActionItems } from './ActionItems';
import { BackLink } from '../ui/BackLink';
import { CycleBar } from './CrewsPage';
import { useCrews } from './crews-store';
import { CrewPending } from './CrewMissing';
import { cycleDoneNote, formatDay, keptDraftsNote, onDay, upcomingDay, formatNames, meetingLabel, nameOf, personLabel, sizeNote, stageEntry, stageNames, stageNote } from './labels';
import { ReopenCrew } from './ReopenCrew';
import { useMeetingDraftKept } from './MeetingForm';
import { useCrewEditsKept } from './EditCrewForm';
import { RetroArticle } from './RetroArticle';
import { useRetroDraftKept } from './RetroForm';
import { StageChanger } from './StageChanger';

/** One crew: what it is, where it is in its life, its rotation, meetings and retrospectives. */
export function CrewView({ id }: { id: string }) {
  const detail = useCrews((state) => (state.detail?.crew.id === id ? state.detail : null));
  const status = useCrews((state) => state.status);
  const failure = useCrews((state) => state.error);
  const loadCrew = useCrews((state) => state.loadCrew);
  const go = useNavigation((state) => state.go);
  // Words typed into a form and kept (even from before a restart): the buttons that open it say so.
  const meetingKept = useMeetingDraftKept(id);
  const retroKept = useRetroDraftKept(id);
  useEffect(() => {
    void loadCrew(id);
  }, [id, loadCrew]);

  if (!detail) return <CrewPending failure={status === 'error' ? failure : null} />;
  const { crew, card, meetings, retrospectives, rotation, stages, formerMembers } = detail;
  const name = (personId: string | null) => nameOf(crew.members, personId, formerMembers);
  const past = pastStages.includes(crew.stage);
  const note = past ? null : sizeNote(card.size, card.memberCount, crew.stage);
  return (
    <div className="page crews-page">
      <BackLink label="Back to Crews" onClick={() => go('crews')} />
      <div className="crews-top">
        <PageHeading lead={crew.intention || undefined}>{crew.name}</PageHeading>
        <span className={`crew-stage crew-stage-${crew.stage}`}>{stageNames[crew.stage]}</span>
      </div>
      {past ? (
        <>
          <ClosingPanel title={`${crew.stage === 'closed' ? 'Closed gracefully' : 'Split'}${crew.closedOn ? ` ${onDay(crew.closedOn)}` : ''}`} note={crew.closingNote} />
          <ReopenCrew crew={crew} backTo={stages.at(-1)?.to === crew.stage ? (stages.at(-1)?.from ?? null) : null} dropped={detail.droppedAtEnding} />
        </>
      ) : (
        <div className="crews-actions">
          <button type="button" className="button button-primary" onClick={() => go('crews', { kind: 'prep', id })}>
            Prepare the next meeting
          </button>
          <button type="button" className="button" aria-describedby={meetingKept ? 'crew-kept-drafts' : undefined} onClick={() => go('crews', { kind: 'new-meeting', id })}>
            {meetingKept ? 'Continue the meeting you started' : 'Record a meeting'}
          </button>
          {/* A retrospective looks back on the cycle's meetings: offered once there is one (or words kept for it). */}
          {card.progress.held > 0 || retroKept ? (
            <button type="button" className="button" aria-describedby={retroKept ? 'crew-kept-drafts' : undefined} onClick={() => go('crews', { kind: 'retrospective', id })}>
              {retroKept ? 'Continue the retrospective you started' : 'Run the retrospective'}
            </button>
          ) : null}
          <EditCrewButton crew={crew} />
          {meetingKept || retroKept ? (
            <p id="crew-kept-drafts" className="crews-muted crews-kept-drafts">
              {keptDraftsNote(meetingKept, retroKept)}
            </p>
          ) : null}
          <EditsKeptNote crew={crew} />
        </div>
      )}
      <div className="crews-grid">
        <section className="crews-panel" aria-labelledby="crew-about">
          <h2 id="crew-about">About</h2>
          <dl className="crews-facts">
            <dt>Format</dt>
            <dd>{crew.format === 'custom' && crew.formatNote ? crew.formatNote : formatNames[crew.format]}</dd>
            {/* A past crew meets no more: its rhythm and the cycle it never began no longer apply. */}
            {!past ? (
              <>
                <dt>Rhythm</dt>
                <dd>{crew.rhythmDays === null ? 'Not set' : `Every ${crew.rhythmDays} days`}</dd>
              </>
            ) : null}
            <dt>Called</dt>
            <dd>
              {formatDay(crew.startedOn)}
              {crew.callerId ? ` by ${name(crew.callerId)}` : ''}
            </dd>
            {!past && crew.cycleEndOn ? (
              <>
                <dt>Cycle {crew.cycle} ends</dt>
                <dd>{upcomingDay(crew.cycleEndOn)}</dd>
              </>
            ) : null}
            {!past ? (
              <>
                <dt>Next meeting</dt>
                <dd>{card.nextMeetingOn ? upcomingDay(card.nextMeetingOn) : crew.stage === 'paused' ? 'None while paused' : 'Not set yet'}</dd>
              </>
            ) : null}
          </dl>
          {!past ? <CycleBar held={card.progress.held} sessions={card.progress.sessions} cycle={card.progress.cycle} /> : null}
          {!past && cycleDoneNote(card.progress) ? <p className="crews-note">{cycleDoneNote(card.progress)}</p> : null}
          <h3>Members</h3>
          <ul className="crews-plain">
            {crew.members.map((m) => (
              <li key={m.personId}>
                {/* My own page is where my name is changed ("Edit details"), so I am a link too. */}
                <button type="button" className="crews-link" onClick={() => go('dyads', { kind: 'person', id: m.personId })}>
                  {personLabel(m)}
                </button>
                {isUnnamedMe(m) ? (
                  <>
                    {' '}
                    <button type="button" className="button button-quiet crews-name-nudge" onClick={() => go('dyads', { kind: 'edit-person', id: m.personId })}>
                      Add your name
                    </button>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {note ? <p className="crews-note">{note}</p> : null}
          {formerMembers.length > 0 ? <p className="crews-muted">Earlier members: {formerMembers.map((m) => m.name).join(', ')}</p> : null}
          {crew.agreements.length > 0 ? (
            <>
              <h3>Agreements</h3>
              <ul className="crews-plain">
                {crew.agreements.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="crews-panel" aria-labelledby="crew-rotation">
          <h2 id="crew-rotation">Rotation</h2>
          <table className="crews-table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Hosted</th>
                <th scope="col">Focus</th>
              </tr>
            </thead>
            <tbody>
              {rotation.map((r) => (
                <tr key={r.personId}>
                  <th scope="row">{nameOf(crew.members, r.personId)}</th>
                  <td>{r.hosted}</td>
                  <td>{r.focus}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{past ? 'Still open from this crew' : 'Open action items'}</h2>
          {past && detail.openActionItems.length > 0 ? <p className="crews-muted">When one is settled, mark it done or drop it.</p> : null}
          <ActionItems items={detail.openActionItems} members={crew.members} former={formerMembers} crewId={crew.id} settleOnly={past} />
        </section>
      </div>
      <section className="crews-panel" aria-labelledby="crew-meetings">
        <h2 id="crew-meetings">Meetings</h2>
        {meetings.length === 0 ? (
          <p className="crews-muted">
            {past ? 'No meetings were recorded in this crew.' : 'No meetings yet. When you have met, record it here: who hosted, whose focus it was, what stays open.'}
          </p>
        ) : (
          <>
            <p className="crews-muted">Open a meeting to read or correct its check-ins, notes, agenda and action items.</p>
            <ol className="crews-meetings">
              {[...meetings].reverse().map((m) => (
                <li key={m.id}>
                  <button type="button" className="crews-meeting-link" onClick={() => go('crews', { kind: 'meeting', id: m.id })}>
                    <span className="crews-meeting-name">{meetingLabel(m)}</span>
                    <span className="crews-item-meta">
                      {m.place ? `${m.place} · ` : ''}
                      {m.hostId ? `hosted by ${name(m.hostId)}` : 'no host noted'}
                      {m.focusId ? ` · focus: ${name(m.focusId)}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      {retrospectives.length > 0 ? (
        <section className="crews-panel" aria-labelledby="crew-retros">
          <h2 id="crew-retros">Retrospectives</h2>
          {retrospectives.map((r) => (
            <RetroArticle key={r.id} retro={r} crewId={crew.id} />
          ))}
        </section>
      ) : null}
      <section className="crews-panel" aria-labelledby="crew-history">
        <h2 id="crew-history">Stage history</h2>
        <ol className="crews-plain">
          {stages.map((s) => (
            <li key={s.id}>
              {formatDay(s.changedOn)}: {stageEntry(s)}
              {stageNote(s) ? ` — ${stageNote(s)}` : ''}
            </li>
          ))}
        </ol>
        {!past ? <StageChanger detail={detail} /> : null}
      </section>
    </div>
  );
}

/** How the crew ended. Closing it here unmounts the stage form: its heading takes the focus then. */
function ClosingPanel({ title, note }: { title: string; note: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) heading.current?.focus();
  }, []);
  return (
    <section className="crews-panel crews-closing" aria-label="Closing note">
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p>{note || 'No closing note.'}</p>
    </section>
  );
}

/** "Edit crew", described by the note below when changes to the crew wait in its form. */
function EditCrewButton({ crew }: { crew: Crew }) {
  const go = useNavigation((state) => state.go);
  const kept = useCrewEditsKept(crew);
  return (
    <button type="button" className="button button-quiet" aria-describedby={kept ? 'crew-kept-edits' : undefined} onClick={() => go('crews', { kind: 'edit-crew', id: crew.id })}>
      Edit crew
    </button>
  );
}

/** Changes typed into "Edit crew" and kept, not saved yet (even from before a restart). */
function EditsKeptNote({ crew }: { crew: Crew }) {
  const kept = useCrewEditsKept(crew);
  return kept ? (
    <p id="crew-kept-edits" className="crews-muted crews-kept-drafts">
      Your changes to this crew are kept, not saved yet.
    </p>
  ) : null;
}
