import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { RequestInput } from '../../../shared/contract';
import type { MeetingSummary } from '../../../shared/domain/crews';
import type { Part } from '../../../shared/domain/self';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { useKeptDraft, useKeptDraftHolds } from '../ui/kept-draft';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { CrewPending, useCrewLoadFailure } from './CrewMissing';
import { KeptDraftNote } from '../ui/KeptDraftNote';
import { contractProblem } from './contract-check';
import { Problem } from './Problem';
import { checkinLabels, formatDay, nameOf } from './labels';
import { usePartsList } from '../self/parts/parts-store';

interface ActionDraft {
  key: number;
  text: string;
  ownerId: string;
  dueOn: string;
}

/** Everything typed into "Record a meeting": kept by crew until it is saved or discarded. */
interface MeetingDraft {
  heldOn: string;
  place: string;
  hostId: string;
  focusId: string;
  came: string[];
  checkins: Record<string, string>;
  notes: string;
  covered: string[];
  actions: ActionDraft[];
  partIds: string[];
  error: FormError | null;
}

let nextKey = 1;

const isBlank = (a: ActionDraft) => a.text.trim() === '';

/** Whether the draft holds words or choices of its own, beyond what the prep suggested. */
function hasWords(d: MeetingDraft) {
  return d.notes.trim() !== '' || Object.values(d.checkins).some((n) => n.trim() !== '') || d.actions.some((a) => !isBlank(a)) || d.covered.length > 0 || d.partIds.length > 0;
}

/** Where a crew's "Record a meeting" keeps its words. */
const meetingDraftKey = (crewId: string) => `crews:${crewId}:new-meeting`;
const noMeetingWords: MeetingDraft = { heldOn: '', place: '', hostId: '', focusId: '', came: [], checkins: {}, notes: '', covered: [], actions: [], partIds: [], error: null };

/** Whether a crew has a meeting started and kept, not saved yet (the crew page says so). */
export function useMeetingDraftKept(crewId: string): boolean {
  return useKeptDraftHolds(meetingDraftKey(crewId), noMeetingWords, hasWords);
}

/** The control a field path names: `actionItems.2.text` is the third kept row's text. */
function controlFor(field: string | null, kept: ActionDraft[], checkinIds: readonly string[]): string | null {
  if (field === null) return null;
  const [head, index, part] = field.split('.');
  const simple: Record<string, string> = { heldOn: 'meeting-date', place: 'meeting-place', hostId: 'meeting-host', focusId: 'meeting-focus', notes: 'meeting-notes' };
  if (head && simple[head]) return simple[head];
  const row = kept[Number(index)];
  if (head === 'actionItems' && row) return part === 'ownerId' ? `action-owner-${row.key}` : part === 'dueOn' ? `action-due-${row.key}` : `action-${row.key}`;
  const person = checkinIds[Number(index)];
  if (head === 'checkinNotes' && person) return `checkin-${person}`;
  return null;
}

/** Recording a meeting that was held; agenda items left unticked carry over by themselves. */
export function MeetingForm({ crewId }: { crewId: string }) {
  const prep = useCrews((state) => (state.prep?.crewId === crewId ? state.prep : null));
  const loadPrep = useCrews((state) => state.loadPrep);
  const failure = useCrewLoadFailure();
  const record = useCrews((state) => state.recordMeeting);
  const go = useNavigation((state) => state.go);
  // Parts are mine (the Self rung); an archive without any simply shows none.
  const parts = usePartsList();
  // The form starts from the prep (next date, host, focus): one read now, not one kept from before.
  const [freshFor, setFreshFor] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadPrep(crewId).then(() => {
      if (live) setFreshFor(crewId);
    });
    return () => {
      live = false;
    };
  }, [crewId, loadPrep]);
  if (!prep || freshFor !== crewId) return <CrewPending failure={failure} />;
  return <MeetingFields key={prep.crewId} crewId={crewId} parts={parts} onBack={() => go('crews', { kind: 'crew', id: crewId })} record={record} />;
}

const noMeetings: MeetingSummary[] = [];

/**
 * The newest meeting recorded, when the day typed is before it: numbers follow the order of
 * recording (agenda items carry over by them), so a forgotten earlier meeting is said, not hidden.
 */
function useLaterMeeting(crewId: string, heldOn: string): MeetingSummary | null {
  const meetings = useCrews((state) => (state.detail?.crew.id === crewId ? state.detail.meetings : noMeetings));
  const newest = meetings.reduce<MeetingSummary | null>((found, meeting) => (found === null || meeting.number > found.number ? meeting : found), null);
  return newest !== null && /^\d{4}-\d{2}-\d{2}$/.test(heldOn) && heldOn < newest.heldOn ? newest : null;
}

function MeetingFields({ crewId, parts, onBack, record }: { crewId: string; parts: Part[]; onBack: () => void; record: ReturnType<typeof useCrews.getState>['recordMeeting'] }) {
  const prep = useCrews((state) => state.prep)!;
  const { members } = prep;
  const agenda = [...prep.carried, ...prep.fresh];
  const blank: MeetingDraft = {
    heldOn: prep.date && prep.date <= localDay() ? prep.date : localDay(),
    place: prep.place,
    hostId: prep.hostId ?? '',
    focusId: prep.focusId ?? '',
    came: members.map((m) => m.personId),
    checkins: {},
    notes: '',
    covered: [],
    actions: [],
    partIds: [],
    error: null,
  };
  const [draft, setDraft, clearDraft] = useKeptDraft<MeetingDraft>(meetingDraftKey(crewId), blank);
  const edit = (patch: Partial<MeetingDraft>) => setDraft({ ...draft, ...patch });
  const { heldOn, place, hostId, focusId, came, checkins, notes, covered, actions, partIds, error } = draft;
  const [busy, setBusy] = useState(false);
  const later = useLaterMeeting(crewId, heldOn);
  // Where focus goes once the change just made has rendered (a new row, the row with a problem).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  });
  const setFocusKey = (id: string) => {
    pendingFocus.current = id;
  };
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const setAction = (key: number, change: Partial<ActionDraft>) => edit({ actions: draft.actions.map((a) => (a.key === key ? { ...a, ...change } : a)) });
  const addAction = () => {
    // Rows kept from before a restart carry that session's keys: a new row comes after them.
    const row = { key: Math.max(nextKey++, ...draft.actions.map((a) => a.key + 1)), text: '', ownerId: members[0]?.personId ?? '', dueOn: '' };
    edit({ actions: [...draft.actions, row] });
    setFocusKey(`action-${row.key}`);
  };
  // Rows left empty are not action items: they are simply left out.
  const kept = actions.filter((a) => !isBlank(a));
  const rowError = (a: ActionDraft) => {
    const index = kept.indexOf(a);
    return index >= 0 && error !== null && (error.field ?? '').startsWith(`actionItems.${index}.`) ? error : null;
  };

  const submit = async () => {
    const checkinNotes = Object.entries(checkins)
      .filter(([, note]) => note.trim() !== '')
      .map(([personId, note]) => ({ personId, note }));
    const input: RequestInput<'meetings.create'> = {
      crewId,
      heldOn,
      place,
      hostId: hostId === '' ? null : hostId,
      focusId: focusId === '' ? null : focusId,
      attendeeIds: came,
      checkinNotes,
      notes,
      coveredAgendaItemIds: covered,
      actionItems: kept.map((a) => ({ text: a.text, ownerId: a.ownerId, dueOn: a.dueOn === '' ? null : a.dueOn })),
      partIds,
    };
    setBusy(true);
    const problem = (await contractProblem('meetings.create', input)) ?? (await record(input));
    setBusy(false);
    if (problem) {
      edit({ error: problem });
      setFocusKey(controlFor(problem.field, kept, checkinNotes.map((c) => c.personId)) ?? 'meeting-save');
    } else {
      clearDraft();
    }
  };

  /** Enter in an action item never saves the meeting halfway: it moves on to the next row (a new one after the last). */
  const onActionEnter = (event: KeyboardEvent<HTMLInputElement>, row: ActionDraft) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const list = draft.actions;
    const next = list[list.findIndex((x) => x.key === row.key) + 1];
    if (next) document.getElementById(`action-${next.key}`)?.focus();
    else if (!isBlank(row)) addAction();
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
        <div className="crews-row crews-meeting-row">
          <Field id="meeting-date" label="Date" error={error} field="heldOn">
            <input id="meeting-date" type="date" value={heldOn} aria-describedby={later ? 'meeting-date-order' : undefined} onChange={(e) => edit({ heldOn: e.target.value })} />
          </Field>
          <Field id="meeting-place" label="Place" error={error} field="place" grow>
            <input id="meeting-place" type="text" value={place} onChange={(e) => edit({ place: e.target.value })} placeholder="e.g. Bea's kitchen, or online" />
          </Field>
          <Field id="meeting-host" label="Host" error={error} field="hostId">
            <select id="meeting-host" value={hostId} onChange={(e) => edit({ hostId: e.target.value })}>
              {memberOptions}
            </select>
          </Field>
          <Field id="meeting-focus" label="Focus (case-giver)" error={error} field="focusId">
            <select id="meeting-focus" value={focusId} onChange={(e) => edit({ focusId: e.target.value })}>
              {memberOptions}
            </select>
          </Field>
        </div>
        {later ? (
          <p id="meeting-date-order" className="crews-note">
            This day comes before Meeting {later.number} ({formatDay(later.heldOn)}). It will be recorded as Meeting {later.number + 1}: meetings are
            numbered in the order they are recorded.
          </p>
        ) : null}
        <fieldset className="crews-fieldset">
          <legend className="field-label">Check-in round</legend>
          {members.map((m) => {
            const words = checkinLabels(members, m.personId);
            return (
              <div key={m.personId} className="crews-checkin">
                <label className="crews-check">
                  <input type="checkbox" checked={came.includes(m.personId)} onChange={() => edit({ came: toggle(draft.came, m.personId) })} />
                  {words.attended}
                </label>
                <label className="crews-hidden" htmlFor={`checkin-${m.personId}`}>
                  {words.note}
                </label>
                <input
                  id={`checkin-${m.personId}`}
                  type="text"
                  value={checkins[m.personId] ?? ''}
                  onChange={(e) => edit({ checkins: { ...draft.checkins, [m.personId]: e.target.value } })}
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
                <input type="checkbox" checked={covered.includes(item.id)} onChange={() => edit({ covered: toggle(draft.covered, item.id) })} />
                {item.private ? '(private) ' : ''}
                {item.text}
              </label>
            ))}
            <p className="crews-muted">Items left unticked carry over to the next meeting.</p>
          </fieldset>
        ) : null}
        <Field id="meeting-notes" label="Notes" error={error} field="notes">
          <textarea id="meeting-notes" rows={4} value={notes} onChange={(e) => edit({ notes: e.target.value })} />
        </Field>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Action items</legend>
          {actions.length === 0 ? <p className="crews-muted">None yet. Empty rows are left out when you save.</p> : null}
          {actions.map((a, index) => {
            const problem = rowError(a);
            const invalid = (part: string) => (problem && (problem.field ?? '').endsWith(`.${part}`) ? { 'aria-invalid': true, 'aria-describedby': `action-${a.key}-error` } : {});
            return (
              <div key={a.key} className="crews-action-row">
                <div className="crews-inline">
                  <label className="crews-hidden" htmlFor={`action-${a.key}`}>
                    Action item {index + 1}
                  </label>
                  <input
                    id={`action-${a.key}`}
                    type="text"
                    value={a.text}
                    onChange={(e) => setAction(a.key, { text: e.target.value })}
                    onKeyDown={(event) => onActionEnter(event, a)}
                    placeholder="What will happen"
                    {...invalid('text')}
                  />
                  <label className="crews-hidden" htmlFor={`action-owner-${a.key}`}>
                    Owner of action item {index + 1}
                  </label>
                  <select id={`action-owner-${a.key}`} value={a.ownerId} onChange={(e) => setAction(a.key, { ownerId: e.target.value })} {...invalid('ownerId')}>
                    {memberOptions}
                  </select>
                  <label className="crews-hidden" htmlFor={`action-due-${a.key}`}>
                    Date for action item {index + 1} (optional)
                  </label>
                  <input id={`action-due-${a.key}`} type="date" value={a.dueOn} onChange={(e) => setAction(a.key, { dueOn: e.target.value })} onKeyDown={(event) => onActionEnter(event, a)} {...invalid('dueOn')} />
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={`Remove action item ${index + 1}`}
                    onClick={() => {
                      edit({ actions: draft.actions.filter((x) => x.key !== a.key), error: problem ? null : draft.error });
                      setFocusKey('meeting-add-action');
                    }}
                  >
                    Remove
                  </button>
                </div>
                {problem ? (
                  <p className="field-error" role="alert" id={`action-${a.key}-error`}>
                    Action item {index + 1}: {problem.message}
                  </p>
                ) : null}
              </div>
            );
          })}
          <button id="meeting-add-action" type="button" className="button crews-add-button" onClick={addAction}>
            <span aria-hidden="true">+</span> Add an action item
          </button>
        </fieldset>
        {parts.length > 0 ? (
          <fieldset className="crews-fieldset">
            <legend className="field-label">Which of my parts showed up?</legend>
            {parts.map((p) => (
              <label key={p.id} className="crews-check">
                <input type="checkbox" checked={partIds.includes(p.id)} onChange={() => edit({ partIds: toggle(draft.partIds, p.id) })} />
                {p.name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Problem error={error} fields={['heldOn', 'place', 'hostId', 'focusId', 'notes', 'actionItems']} />
        <KeptDraftNote
          shown={hasWords(draft)}
          what="the meeting"
          onDiscard={() => {
            clearDraft();
            setFocusKey('meeting-notes');
          }}
        />
        <div className="crews-actions">
          <button id="meeting-save" type="submit" className="button button-primary" disabled={busy}>
            Save the meeting
          </button>
        </div>
      </form>
    </div>
  );
}
