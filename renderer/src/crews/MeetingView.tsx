import { useEffect, useState } from 'react';
import { caseGiverTemplate, type CrewMember, isEmptyCase, pastStages } from '../../../shared/domain/crews';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { MeetingActionRow, MeetingAgendaRow } from './MeetingItems';
import { BackLink } from '../ui/BackLink';
import type { FormError } from './crews-store';
import { useMeetingEditor } from './meeting-editor-store';
import { Problem } from './Problem';
import { SaveStatus } from '../ui/SaveStatus';
import { checkinLabels, meetingLabel, nameOf } from './labels';
import { CrewPending } from './CrewMissing';
import { useSaveGuards } from '../ui/use-save-guards';
import { useSubmitOnce } from '../ui/use-submit-once';
import { usePartsList } from '../self/parts/parts-store';

/** A held meeting, to read or correct: every field saves itself a moment after you stop typing. */
export function MeetingView({ id }: { id: string }) {
  const meeting = useMeetingEditor((state) => (state.meeting?.id === id ? state.meeting : null));
  const detail = useMeetingEditor((state) => state.detail);
  const draft = useMeetingEditor((state) => state.draft);
  const status = useMeetingEditor((state) => state.status);
  const error = useMeetingEditor((state) => state.error);
  const parts = usePartsList();
  const edit = useMeetingEditor((state) => state.edit);
  const deleteOpen = useMeetingEditor((state) => state.deleteOpen);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  useSaveGuards(useMeetingEditor);

  useEffect(() => {
    void useMeetingEditor.getState().open(id);
  }, [id]);
  // Whatever is unsaved goes to the archive when the person moves on.
  useEffect(() => () => void useMeetingEditor.getState().flush(), []);

  if (!meeting || !detail || !draft) return <CrewPending failure={error?.message ?? null} />;
  const { crew, formerMembers } = detail;
  const ended = pastStages.includes(crew.stage);
  const name = (personId: string | null) => nameOf(crew.members, personId, formerMembers);
  // Those who were members then, in the order of the check-in round.
  const people: CrewMember[] = draft.checkins.map((c) => ({ personId: c.personId, name: name(c.personId), isMe: false }));
  const agenda = [...meeting.covered, ...meeting.coverable].sort((a, b) => (a.id < b.id ? -1 : 1));
  const options = (
    <>
      <option value="">—</option>
      {people.map((p) => (
        <option key={p.personId} value={p.personId}>
          {p.name}
        </option>
      ))}
    </>
  );
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

  return (
    <div className="page crews-page">
      <BackLink label={`Back to ${crew.name}`} onClick={() => go('crews', { kind: 'crew', id: crew.id })} />
      <div className="crews-top">
        <PageHeading lead={`${crew.name} · cycle ${meeting.cycle}`}>{meetingLabel(meeting)}</PageHeading>
        <div className="crews-toolbar">
          <SaveStatus status={status} error={error} />
          {ended ? null : (
            <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => void deleteOpen()}>
              Delete meeting
            </button>
          )}
        </div>
      </div>
      <div className="crews-form crews-meeting">
        <div className="crews-row crews-meeting-row">
          <Field id="held-date" label="Date" error={error} field="heldOn">
            <input id="held-date" type="date" value={draft.heldOn} readOnly={readOnly} onChange={(e) => edit({ heldOn: e.target.value })} />
          </Field>
          <Field id="held-place" label="Place" error={error} field="place" grow>
            <input id="held-place" type="text" value={draft.place} readOnly={readOnly} onChange={(e) => edit({ place: e.target.value })} />
          </Field>
          <Field id="held-host" label="Host" error={error} field="hostId">
            <select id="held-host" value={draft.hostId} disabled={readOnly} onChange={(e) => edit({ hostId: e.target.value })}>
              {options}
            </select>
          </Field>
          <Field id="held-focus" label="Focus (case-giver)" error={error} field="focusId">
            <select id="held-focus" value={draft.focusId} disabled={readOnly} onChange={(e) => edit({ focusId: e.target.value })}>
              {options}
            </select>
          </Field>
        </div>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Check-in round</legend>
          {draft.checkins.map((c, index) => {
            const words = checkinLabels(crew.members, c.personId, formerMembers);
            return (
              <div key={c.personId} className="crews-checkin">
                <label className="crews-check">
                  <input
                    type="checkbox"
                    checked={c.attended}
                    disabled={readOnly}
                    onChange={() => edit({ checkins: draft.checkins.map((x, i) => (i === index ? { ...x, attended: !x.attended } : x)) })}
                  />
                  {words.attended}
                </label>
                <label className="crews-hidden" htmlFor={`held-checkin-${c.personId}`}>
                  {words.note}
                </label>
                <input
                  id={`held-checkin-${c.personId}`}
                  type="text"
                  value={c.note}
                  readOnly={readOnly}
                  placeholder={words.placeholder}
                  onChange={(e) => edit({ checkins: draft.checkins.map((x, i) => (i === index ? { ...x, note: e.target.value } : x)) })}
                />
              </div>
            );
          })}
          <Problem error={error} field="checkins" prefix />
        </fieldset>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Agenda: covered in this meeting</legend>
          {agenda.length === 0 && meeting.coveredLater.length === 0 ? <p className="crews-muted">Nothing was on the agenda.</p> : null}
          {agenda.map((item) => (
            <MeetingAgendaRow
              key={item.id}
              item={item}
              covered={draft.coveredIds.includes(item.id)}
              onToggle={() => edit({ coveredIds: toggle(draft.coveredIds, item.id) })}
              members={crew.members}
              former={formerMembers}
              disabled={readOnly}
              editable={!readOnly && !ended}
            />
          ))}
          {agenda.length > 0 ? <p className="crews-muted">Unticked items stay on the agenda and carry over to the next meeting.</p> : null}
          {meeting.coveredLater.length > 0 ? (
            <>
              <h3 id="held-left-open" className="field-label crews-left-open">
                Also on the agenda, left open then
              </h3>
              <ul className="crews-items" aria-labelledby="held-left-open">
                {meeting.coveredLater.map((item) => (
                  <li key={item.id}>
                    {item.private ? '(private) ' : ''}
                    {item.text}
                    <span className="crews-muted"> · covered in meeting {item.coveredInNumber}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Problem error={error} field="coveredAgendaItemIds" prefix />
        </fieldset>
        <Field id="held-notes" label="Notes" error={error} field="notes">
          <textarea id="held-notes" rows={5} value={draft.notes} readOnly={readOnly} onChange={(e) => edit({ notes: e.target.value })} />
        </Field>
        <MeetingActions members={crew.members} former={formerMembers} name={name} readOnly={readOnly || ended} />
        <fieldset className="crews-fieldset">
          <legend className="field-label">Which of my parts showed up</legend>
          {parts.length === 0 ? <p className="crews-muted">Parts you get to know on the Self rung can be noted here.</p> : null}
          <div className="crews-chips">
            {parts.map((p) => (
              <label key={p.id} className="crews-check">
                <input type="checkbox" checked={draft.partIds.includes(p.id)} disabled={readOnly} onChange={() => edit({ partIds: toggle(draft.partIds, p.id) })} />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        {meeting.caseNotes && !isEmptyCase(meeting.caseNotes) ? (
          <section className="crews-panel" aria-labelledby="held-case">
            <h2 id="held-case">My case for this meeting</h2>
            <dl className="crews-facts">
              {caseGiverTemplate.map(({ key, label }) => (
                <div key={key} className="crews-fact-pair">
                  <dt>{label}</dt>
                  <dd>{meeting.caseNotes?.[key] || '—'}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
        <Problem error={error} fields={['heldOn', 'place', 'hostId', 'focusId', 'checkins', 'notes', 'coveredAgendaItemIds']} />
      </div>
    </div>
  );
}

/** The action items decided in this meeting: each open one stays in view until done or dropped. */
function MeetingActions({ members, former, name, readOnly }: { members: CrewMember[]; former: CrewMember[]; name: (id: string | null) => string; readOnly: boolean }) {
  const items = useMeetingEditor((state) => state.meeting?.actionItems ?? []);
  const add = useMeetingEditor((state) => state.addActionItem);
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(members[0]?.personId ?? '');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const submitting = useSubmitOnce();
  return (
    <section className="crews-fieldset" aria-labelledby="held-actions">
      <h2 id="held-actions" className="field-label">
        Action items
      </h2>
      {items.length === 0 ? <p className="crews-muted">No action items from this meeting.</p> : null}
      <ul className="crews-items">
        {items.map((item) => (
          <MeetingActionRow key={item.id} item={item} members={members} former={former} name={name} readOnly={readOnly} />
        ))}
      </ul>
      {readOnly ? null : (
        <form
          className="crews-inline"
          onSubmit={(event) => {
            event.preventDefault();
            void submitting.run(async () => {
              const problem = await add({ text, ownerId, dueOn });
              setError(problem);
              if (!problem) {
                setText('');
                setDueOn('');
              }
            });
          }}
        >
          <label className="crews-hidden" htmlFor="held-action-text">
            New action item
          </label>
          <input id="held-action-text" type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="A new action item from this meeting" />
          <label className="crews-hidden" htmlFor="held-action-owner">
            Owner of the new action item
          </label>
          <select id="held-action-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            {members.map((m) => (
              <option key={m.personId} value={m.personId}>
                {name(m.personId)}
              </option>
            ))}
          </select>
          <label className="crews-hidden" htmlFor="held-action-due">
            Date for the new action item (optional)
          </label>
          <input id="held-action-due" type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
          <button type="submit" className="button" disabled={text.trim() === '' || submitting.pending}>
            Add the action item
          </button>
          <Problem error={error} />
        </form>
      )}
    </section>
  );
}
