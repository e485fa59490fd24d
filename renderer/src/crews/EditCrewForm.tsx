import { useEffect, useState } from 'react';
import { type Crew, type CrewDetail, sizeGuidance } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { BackLink } from '../ui/BackLink';
import { useKeptChanges, useKeptChangesHeld } from '../ui/kept-changes';
import { KeptDraftNote, useLetGoOfDraft } from '../ui/KeptDraftNote';
import { type FormError, useCrews } from './crews-store';
import { CrewPending, useCrewLoadFailure } from './CrewMissing';
import { Problem } from './Problem';
import { type CycleValues, CycleFields } from './CycleFields';
import { NewPersonAdder, useNewPerson } from '../ui/NewPersonAdder';
import { FindablePeople } from '../ui/FindablePeople';
import { personLabel, sizeNote } from './labels';
import { linesOf } from '../ui/lines';

/** Changing a crew's details and who is in it; everyone's past meetings and items stay as they were. */
export function EditCrewForm({ id }: { id: string }) {
  const detail = useCrews((state) => (state.detail?.crew.id === id ? state.detail : null));
  const loadCrew = useCrews((state) => state.loadCrew);
  const failure = useCrewLoadFailure();
  const loadPeople = useCrews((state) => state.loadPeople);
  useEffect(() => {
    void loadCrew(id);
    void loadPeople();
  }, [id, loadCrew, loadPeople]);
  if (!detail) return <CrewPending failure={failure} />;
  return <EditFields key={detail.crew.updatedAt} detail={detail} />;
}

/** Everything "Edit crew" changes, as typed: kept until saved or cancelled. */
interface CrewEdits extends CycleValues {
  name: string;
  intention: string;
  callerId: string;
  agreements: string;
  memberIds: string[];
  /** A name typed in "Someone new", not added yet. */
  newName: string;
}

/** Where "Edit crew" keeps its changes, by crew. */
const editDraftKey = (crewId: string) => `crews:${crewId}:edit`;

/** The crew as stored, as the form shows it: where its changes are measured from. */
function storedEdits(crew: Crew): CrewEdits {
  return {
    name: crew.name,
    intention: crew.intention,
    callerId: crew.callerId ?? '',
    format: crew.format,
    formatNote: crew.formatNote,
    rhythm: crew.rhythmDays === null ? '' : String(crew.rhythmDays),
    sessions: crew.cycleSessions === null ? '' : String(crew.cycleSessions),
    endOn: crew.cycleEndOn ?? '',
    agreements: crew.agreements.join('\n'),
    memberIds: crew.members.map((m) => m.personId),
    newName: '',
  };
}

/** Whether changes to a crew wait in "Edit crew", kept but not saved (the crew page says so). */
export function useCrewEditsKept(crew: Crew): boolean {
  return useKeptChangesHeld(editDraftKey(crew.id), storedEdits(crew));
}

function EditFields({ detail }: { detail: CrewDetail }) {
  const { crew } = detail;
  const people = useCrews((state) => state.people);
  const update = useCrews((state) => state.update);
  const addPerson = useCrews((state) => state.addPerson);
  const go = useNavigation((state) => state.go);
  // Only what differs from the stored crew is kept: Back or a restart finds it, Cancel lets it go.
  const { values, changed, edit, clear } = useKeptChanges(editDraftKey(crew.id), storedEdits(crew));
  const { name, intention, callerId, agreements, memberIds } = values;
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const backToCrew = () => go('crews', { kind: 'crew', id: crew.id });
  const cancel = useLetGoOfDraft(changed, () => {
    clear();
    backToCrew();
  });

  // Current members first, in their order, then everyone else in the archive.
  const known = new Map([...crew.members, ...detail.formerMembers].map((m) => [m.personId, personLabel(m)]));
  for (const p of people) if (!known.has(p.id)) known.set(p.id, personLabel(p));
  const choices = [...known.entries()].map(([personId, name]) => ({ personId, label: name }));
  const count = memberIds.length;
  const note = sizeNote(sizeGuidance(count), count, crew.stage);
  const toggle = (personId: string) => edit((now) => ({ memberIds: now.memberIds.includes(personId) ? now.memberIds.filter((x) => x !== personId) : [...now.memberIds, personId] }));
  const number = (value: string) => (value.trim() === '' ? null : Number(value));

  // Leaving keeps every record; open action items are worth a word before saving.
  const leaving = crew.members.filter((m) => !memberIds.includes(m.personId));
  const openFor = (personId: string) => detail.openActionItems.filter((a) => a.ownerId === personId);
  const callerChoices = choices.filter((c) => memberIds.includes(c.personId) || c.personId === crew.callerId);

  const newPerson = useNewPerson(
    addPerson,
    (added) => edit((now) => (now.memberIds.includes(added) ? {} : { memberIds: [...now.memberIds, added] })),
    { name: values.newName, setName: (newName) => edit({ newName }) },
    people,
  );

  const submit = async () => {
    setBusy(true);
    // A name typed in "Someone new" but not yet added is meant to join too.
    const pending = await newPerson.add();
    if (pending === null && newPerson.name.trim() !== '') {
      // They could not be added (the toast says why): keep the form as it is, name and all.
      setBusy(false);
      return;
    }
    const problem = await update({
      id: crew.id,
      name,
      intention,
      callerId: callerId === '' ? null : callerId,
      format: values.format,
      formatNote: values.formatNote,
      rhythmDays: number(values.rhythm),
      cycleSessions: number(values.sessions),
      cycleEndOn: values.endOn === '' ? null : values.endOn,
      memberIds: pending ? [...memberIds.filter((id) => id !== pending), pending] : memberIds,
      agreements: linesOf(agreements),
    });
    setError(problem);
    setBusy(false);
    // Saved: the crew holds the changes now, and the draft goes.
    if (problem === null) clear();
  };

  return (
    <div className="page crews-page">
      <BackLink label={`Back to ${crew.name}`} onClick={backToCrew} />
      <PageHeading lead="Past meetings, check-ins and action items stay as they are, whoever comes or goes.">Edit crew</PageHeading>
      <form
        className="crews-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field id="edit-name" label="Name" error={error} field="name">
          <input id="edit-name" type="text" value={name} onChange={(e) => edit({ name: e.target.value })} />
        </Field>
        <Field id="edit-intention" label="Intention" error={error} field="intention">
          <textarea id="edit-intention" rows={2} value={intention} onChange={(e) => edit({ intention: e.target.value })} />
        </Field>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Members</legend>
          <FindablePeople id="edit-find-person" people={choices} isChosen={(c) => memberIds.includes(c.personId)} name={(c) => c.label}>
            {(shown) =>
              shown.map((c) => (
                <label key={c.personId} className="crews-check">
                  <input type="checkbox" checked={memberIds.includes(c.personId)} onChange={() => toggle(c.personId)} />
                  {c.label}
                </label>
              ))
            }
          </FindablePeople>
          <NewPersonAdder id="edit-new-person" person={newPerson} addLabel="Add to the crew" />
          {note ? <p className="crews-note">{note}</p> : null}
          {leaving.map((m) => {
            const open = openFor(m.personId);
            return (
              <p key={m.personId} className="crews-note" role="note">
                {m.name} leaves the crew. Their past meetings and check-ins stay in the history.
                {open.length > 0
                  ? ` They still hold ${open.length === 1 ? 'an open action item' : `${open.length} open action items`} (${open.map((a) => `“${a.text}”`).join(', ')}): ${open.length === 1 ? 'it stays' : 'they stay'} open under their name until you mark ${open.length === 1 ? 'it' : 'them'} done or drop ${open.length === 1 ? 'it' : 'them'}.`
                  : ''}
              </p>
            );
          })}
          <Problem error={error} field="memberIds" prefix />
        </fieldset>
        <Field id="edit-caller" label="Caller" error={error} field="callerId">
          <select id="edit-caller" value={callerId} onChange={(e) => edit({ callerId: e.target.value })}>
            <option value="">—</option>
            {callerChoices.map((c) => (
              <option key={c.personId} value={c.personId}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="edit-agreements" label="Agreements (one per line)" error={error} field="agreements">
          <textarea id="edit-agreements" rows={3} value={agreements} onChange={(e) => edit({ agreements: e.target.value })} />
        </Field>
        <CycleFields idPrefix="edit" values={values} onChange={edit} error={error} />
        <Problem error={error} fields={['name', 'intention', 'memberIds', 'callerId', 'format', 'formatNote', 'rhythmDays', 'cycleSessions', 'cycleEndOn', 'agreements']} />
        <KeptDraftNote shown={changed} what="the changes" />
        <div className="crews-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Save the changes
          </button>
          <button type="button" className="button button-quiet" onClick={cancel.ask}>
            Cancel
          </button>
        </div>
        {cancel.dialog}
      </form>
    </div>
  );
}
