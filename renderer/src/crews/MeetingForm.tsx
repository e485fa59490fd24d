import { type KeyboardEvent, useEffect, useState } from 'react';
import type { Part } from '../../../shared/domain/self';
import { call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { Problem } from './Problem';
import { checkinLabels, nameOf } from './labels';

interface ActionDraft {
  key: number;
  text: string;
  ownerId: string;
  dueOn: string;
}

let nextKey = 1;

function keepEnter(event: KeyboardEvent<HTMLElement>) {
  if (event.key === 'Enter' && !event.nativeEvent.isComposing && event.target instanceof HTMLInputElement) event.preventDefault();
}

/** Recording a meeting that was held; agenda items left unticked carry over by themselves. */
export function MeetingForm({ crewId }: { crewId: string }) {
  const prep = useCrews((state) => (state.prep?.crewId === crewId ? state.prep : null));
  const loadPrep = useCrews((state) => state.loadPrep);
  const record = useCrews((state) => state.recordMeeting);
  const go = useNavigation((state) => state.go);
  const [parts, setParts] = useState<Part[]>([]);
  useEffect(() => {
    void loadPrep(crewId);
    // Parts are mine (the Self rung); an archive without any simply shows none.
    call('parts.list', {}).then(setParts, () => setParts([]));
  }, [crewId, loadPrep]);
  if (!prep) return <div className="page crews-page" />;
  return <MeetingFields key={prep.crewId} crewId={crewId} parts={parts} onBack={() => go('crews', { kind: 'crew', id: crewId })} record={record} />;
}

function MeetingFields({ crewId, parts, onBack, record }: { crewId: string; parts: Part[]; onBack: () => void; record: ReturnType<typeof useCrews.getState>['recordMeeting'] }) {
  const prep = useCrews((state) => state.prep)!;
  const { members } = prep;
  const agenda = [...prep.carried, ...prep.fresh];
  const [heldOn, setHeldOn] = useState(prep.date && prep.date <= localDay() ? prep.date : localDay());
  const [place, setPlace] = useState(prep.place);
  const [hostId, setHostId] = useState(prep.hostId ?? '');
  const [focusId, setFocusId] = useState(prep.focusId ?? '');
  const [came, setCame] = useState<string[]>(members.map((m) => m.personId));
  const [checkins, setCheckins] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [covered, setCovered] = useState<string[]>([]);
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [partIds, setPartIds] = useState<string[]>([]);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const setAction = (key: number, change: Partial<ActionDraft>) => setActions((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));

  const submit = async () => {
    setBusy(true);
    const problem = await record({
      crewId,
      heldOn,
      place,
      hostId: hostId === '' ? null : hostId,
      focusId: focusId === '' ? null : focusId,
      attendeeIds: came,
      checkinNotes: Object.entries(checkins)
        .filter(([, note]) => note.trim() !== '')
        .map(([personId, note]) => ({ personId, note })),
      notes,
      coveredAgendaItemIds: covered,
      actionItems: actions.map((a) => ({ text: a.text, ownerId: a.ownerId, dueOn: a.dueOn === '' ? null : a.dueOn })),
      partIds,
    });
    setBusy(false);
    setError(problem);
  };

  const memberOptions = (
    <>
      <option value="">—</option>
      {members.map((m) => (
        <option key={m.personId} value={m.personId}>
          {nameOf(members, m.personId)}
        </option>
      ))}
    </>
  );

  return (
    <div className="page crews-page">
      <BackLink label={`Back to ${prep.crewName}`} onClick={onBack} />
      <PageHeading lead={prep.crewName}>Record a meeting</PageHeading>
      <form
        className="crews-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="crews-row">
          <Field id="meeting-date" label="Date" error={error} field="heldOn">
            <input id="meeting-date" type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          </Field>
          <Field id="meeting-place" label="Place" error={error} field="place" grow>
            <input id="meeting-place" type="text" value={place} onChange={(e) => setPlace(e.target.value)} placeholder="e.g. Bea's kitchen, or online" />
          </Field>
          <Field id="meeting-host" label="Host" error={error} field="hostId">
            <select id="meeting-host" value={hostId} onChange={(e) => setHostId(e.target.value)}>
              {memberOptions}
            </select>
          </Field>
          <Field id="meeting-focus" label="Focus (case-giver)" error={error} field="focusId">
            <select id="meeting-focus" value={focusId} onChange={(e) => setFocusId(e.target.value)}>
              {memberOptions}
            </select>
          </Field>
        </div>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Check-in round</legend>
          {members.map((m) => {
            const words = checkinLabels(members, m.personId);
            return (
              <div key={m.personId} className="crews-checkin">
                <label className="crews-check">
                  <input type="checkbox" checked={came.includes(m.personId)} onChange={() => setCame((list) => toggle(list, m.personId))} />
                  {words.attended}
                </label>
                <label className="crews-hidden" htmlFor={`checkin-${m.personId}`}>
                  {words.note}
                </label>
                <input
                  id={`checkin-${m.personId}`}
                  type="text"
                  value={checkins[m.personId] ?? ''}
                  onChange={(e) => setCheckins((all) => ({ ...all, [m.personId]: e.target.value }))}
                  placeholder={words.placeholder}
                />
              </div>
            );
          })}
        </fieldset>
        {agenda.length > 0 ? (
          <fieldset className="crews-fieldset">
            <legend className="field-label">Agenda: which items did you cover?</legend>
            {agenda.map((item) => (
              <label key={item.id} className="crews-check">
                <input type="checkbox" checked={covered.includes(item.id)} onChange={() => setCovered((list) => toggle(list, item.id))} />
                {item.private ? '(private) ' : ''}
                {item.text}
              </label>
            ))}
            <p className="crews-muted">Items left unticked carry over to the next meeting.</p>
          </fieldset>
        ) : null}
        <Field id="meeting-notes" label="Notes" error={error} field="notes">
          <textarea id="meeting-notes" rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Action items</legend>
          {actions.map((a, index) => (
            // Enter in an action item keeps it here: it must not save the meeting halfway through.
            <div key={a.key} className="crews-inline" onKeyDown={keepEnter}>
              <label className="crews-hidden" htmlFor={`action-${a.key}`}>
                Action item {index + 1}
              </label>
              <input id={`action-${a.key}`} type="text" value={a.text} onChange={(e) => setAction(a.key, { text: e.target.value })} placeholder="What will happen" />
              <label className="crews-hidden" htmlFor={`action-owner-${a.key}`}>
                Owner of action item {index + 1}
              </label>
              <select id={`action-owner-${a.key}`} value={a.ownerId} onChange={(e) => setAction(a.key, { ownerId: e.target.value })}>
                {memberOptions}
              </select>
              <label className="crews-hidden" htmlFor={`action-due-${a.key}`}>
                Date for action item {index + 1} (optional)
              </label>
              <input id={`action-due-${a.key}`} type="date" value={a.dueOn} onChange={(e) => setAction(a.key, { dueOn: e.target.value })} />
              <button type="button" className="button button-quiet" onClick={() => setActions((list) => list.filter((x) => x.key !== a.key))}>
                Remove
              </button>
              <Problem error={error} field={`actionItems.${index}`} prefix />
            </div>
          ))}
          <button type="button" className="button" onClick={() => setActions((list) => [...list, { key: nextKey++, text: '', ownerId: members[0]?.personId ?? '', dueOn: '' }])}>
            Add an action item
          </button>
        </fieldset>
        {parts.length > 0 ? (
          <fieldset className="crews-fieldset">
            <legend className="field-label">Which of my parts showed up?</legend>
            {parts.map((p) => (
              <label key={p.id} className="crews-check">
                <input type="checkbox" checked={partIds.includes(p.id)} onChange={() => setPartIds((list) => toggle(list, p.id))} />
                {p.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Problem error={error} fields={['heldOn', 'place', 'hostId', 'focusId', 'notes', 'actionItems']} />
        <div className="crews-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Save the meeting
          </button>
        </div>
      </form>
    </div>
  );
}
