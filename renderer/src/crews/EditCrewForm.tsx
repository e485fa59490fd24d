import { useEffect, useState } from 'react';
import { type CrewDetail, sizeGuidance } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { Problem } from './Problem';
import { type CycleValues, CycleFields } from './CycleFields';
import { NewPersonAdder, useNewPerson } from '../ui/NewPersonAdder';
import { FindablePeople } from '../ui/FindablePeople';
import { personLabel, sizeNote } from './labels';

/** Changing a crew's details and who is in it; everyone's past meetings and items stay as they were. */
export function EditCrewForm({ id }: { id: string }) {
  const detail = useCrews((state) => (state.detail?.crew.id === id ? state.detail : null));
  const loadCrew = useCrews((state) => state.loadCrew);
  const loadPeople = useCrews((state) => state.loadPeople);
  useEffect(() => {
    void loadCrew(id);
    void loadPeople();
  }, [id, loadCrew, loadPeople]);
  if (!detail) return <div className="page crews-page" />;
  return <EditFields key={detail.crew.updatedAt} detail={detail} />;
}

function EditFields({ detail }: { detail: CrewDetail }) {
  const { crew } = detail;
  const people = useCrews((state) => state.people);
  const update = useCrews((state) => state.update);
  const addPerson = useCrews((state) => state.addPerson);
  const go = useNavigation((state) => state.go);
  const [name, setName] = useState(crew.name);
  const [intention, setIntention] = useState(crew.intention);
  const [callerId, setCallerId] = useState(crew.callerId ?? '');
  const [cycle, setCycle] = useState<CycleValues>({
    format: crew.format,
    formatNote: crew.formatNote,
    rhythm: crew.rhythmDays === null ? '' : String(crew.rhythmDays),
    sessions: crew.cycleSessions === null ? '' : String(crew.cycleSessions),
    endOn: crew.cycleEndOn ?? '',
  });
  const [agreements, setAgreements] = useState(crew.agreements.join('\n'));
  const [memberIds, setMemberIds] = useState(crew.members.map((m) => m.personId));
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  // Current members first, in their order, then everyone else in the archive.
  const known = new Map([...crew.members, ...detail.formerMembers].map((m) => [m.personId, personLabel(m)]));
  for (const p of people) if (!known.has(p.id)) known.set(p.id, personLabel(p));
  const choices = [...known.entries()].map(([personId, name]) => ({ personId, label: name }));
  const count = memberIds.length;
  const note = sizeNote(sizeGuidance(count), count);
  const toggle = (personId: string) => setMemberIds((list) => (list.includes(personId) ? list.filter((x) => x !== personId) : [...list, personId]));
  const number = (value: string) => (value.trim() === '' ? null : Number(value));

  // Leaving keeps every record; open action items are worth a word before saving.
  const leaving = crew.members.filter((m) => !memberIds.includes(m.personId));
  const openFor = (personId: string) => detail.openActionItems.filter((a) => a.ownerId === personId);
  const callerChoices = choices.filter((c) => memberIds.includes(c.personId) || c.personId === crew.callerId);

  const newPerson = useNewPerson(addPerson, (added) => setMemberIds((list) => [...list, added]));

  const submit = async () => {
    setBusy(true);
    // A name typed in "Someone new" but not yet added is meant to join too.
    const pending = await newPerson.add();
    if (pending === null && newPerson.name.trim() !== '') {
      // They could not be added (the toast says why): keep the form as it is, name and all.
      setBusy(false);
      return;
    }
    setError(
      await update({
        id: crew.id,
        name,
        intention,
        callerId: callerId === '' ? null : callerId,
        format: cycle.format,
        formatNote: cycle.formatNote,
        rhythmDays: number(cycle.rhythm),
        cycleSessions: number(cycle.sessions),
        cycleEndOn: cycle.endOn === '' ? null : cycle.endOn,
        memberIds: pending ? [...memberIds, pending] : memberIds,
        agreements: agreements
          .split('\n')
          .map((a) => a.trim())
          .filter((a) => a !== ''),
      }),
    );
    setBusy(false);
  };

  return (
    <div className="page crews-page">
      <BackLink label={`Back to ${crew.name}`} onClick={() => go('crews', { kind: 'crew', id: crew.id })} />
      <PageHeading lead="Past meetings, check-ins and action items stay as they are, whoever comes or goes.">Edit crew</PageHeading>
      <form
        className="crews-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field id="edit-name" label="Name" error={error} field="name">
          <input id="edit-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field id="edit-intention" label="Intention" error={error} field="intention">
          <textarea id="edit-intention" rows={2} value={intention} onChange={(e) => setIntention(e.target.value)} />
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
          <select id="edit-caller" value={callerId} onChange={(e) => setCallerId(e.target.value)}>
            <option value="">—</option>
            {callerChoices.map((c) => (
              <option key={c.personId} value={c.personId}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="edit-agreements" label="Agreements (one per line)" error={error} field="agreements">
          <textarea id="edit-agreements" rows={3} value={agreements} onChange={(e) => setAgreements(e.target.value)} />
        </Field>
        <CycleFields idPrefix="edit" values={cycle} onChange={(patch) => setCycle((old) => ({ ...old, ...patch }))} error={error} />
        <Problem error={error} fields={['name', 'intention', 'memberIds', 'callerId', 'format', 'formatNote', 'rhythmDays', 'cycleSessions', 'cycleEndOn', 'agreements']} />
        <div className="crews-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Save the changes
          </button>
          <button type="button" className="button button-quiet" onClick={() => go('crews', { kind: 'crew', id: crew.id })}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
