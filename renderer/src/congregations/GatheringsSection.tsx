import { type FormEvent, type RefObject, useRef, useState } from 'react';
import type { Gathering } from '../../../shared/domain/congregations';
import { personLabel } from '../../../shared/domain/people';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay, localDay, onTheDay } from '../self/dates';
import { blankGathering, forms, type GatheringDraft, newGatheringDraftKey, useCongregations, useGatheringEditor } from './congregations-store';
import { type KeptChanges, useKeptChanges } from '../ui/kept-changes';
import { errorAt, ErrorNote } from './ErrorNote';
import { Field } from './Field';
import { PeoplePicker, type PeoplePickerHandle } from './PeoplePicker';
import { AutosavedFormEnd } from '../ui/SaveStatus';
import { escapeSteps } from '../ui/modal-keys';

/** Gatherings: when and where, my temporary crew, possible crewmates, the harvest, and a kind look back. */
export function GatheringsSection() {
  const detail = useCongregations((state) => state.detail);
  if (!detail) return null;
  return <Gatherings congregationId={detail.congregation.id} gatherings={detail.gatherings} />;
}

function Gatherings({ congregationId, gatherings }: { congregationId: string; gatherings: Gathering[] }) {
  const readOnly = useReadOnly();
  // A new gathering's words wait in the archive as a draft (by congregation): the form opens with
  // them again after leaving the page or a restart. One being corrected lives in its editor's store.
  const draft = useKeptChanges(newGatheringDraftKey(congregationId), blankGathering());
  const [opened, setOpened] = useState(false);
  const adding = opened || draft.changed;
  const editing = useGatheringEditor((state) => state.id);
  return (
    <section className="panel wide" aria-labelledby="gatherings-title">
      <div className="panel-head">
        <h2 id="gatherings-title">Gatherings</h2>
        {adding ? null : (
          <button type="button" className="button" disabled={readOnly} onClick={() => setOpened(true)}>
            Add a gathering
          </button>
        )}
      </div>
      {adding ? <NewGatheringForm congregationId={congregationId} draft={draft} onClose={() => setOpened(false)} /> : null}
      {gatherings.length === 0 && !adding ? (
        <p className="muted">No gatherings yet. Gatherings are where temporary crews meet and lasting ones often begin.</p>
      ) : null}
      <ul className="gathering-list" aria-label="Gatherings">
        {gatherings.map((g) =>
          editing === g.id ? (
            <li key={g.id} className="gathering">
              <EditGatheringForm name={g.name || 'Gathering'} />
            </li>
          ) : (
            <GatheringItem key={g.id} gathering={g} onEdit={() => useGatheringEditor.getState().begin(g.id, draftOf(g))} />
          ),
        )}
      </ul>
    </section>
  );
}

function draftOf(g: Gathering): GatheringDraft {
  const ids = (people: { personId: string }[]) => people.map((p) => p.personId);
  return { name: g.name, heldOn: g.heldOn, place: g.place, harvest: g.harvest, temporaryCrewIds: ids(g.temporaryCrew), possibleCrewmateIds: ids(g.possibleCrewmates) };
}

function names(people: { name: string; isMe: boolean }[]) {
  return people.map(personLabel).join(', ');
}

function GatheringItem({ gathering: g, onEdit }: { gathering: Gathering; onEdit: () => void }) {
  const readOnly = useReadOnly();
  const title = g.name || 'Gathering';
  const named = `${title} ${onTheDay(g.heldOn)}`;
  const remove = () =>
    useCongregations
      .getState()
      .undoable(
        () => call('gatherings.delete', { id: g.id }),
        `${title} deleted`,
        () => call('gatherings.restore', { id: g.id }),
      );
  return (
    <li className="gathering">
      <div className="gathering-head">
        <h3>
          {title} <span className="muted">· {friendlyDay(g.heldOn)}</span>
          {g.place ? <span className="muted"> · {g.place}</span> : null}
        </h3>
        <div className="row-actions">
          <button type="button" className="button button-quiet" disabled={readOnly} aria-label={`Edit ${named}`} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button-quiet button-danger" disabled={readOnly} aria-label={`Delete ${named}`} onClick={() => void remove()}>
            Delete
          </button>
        </div>
      </div>
      {g.followUpSuggested ? (
        <div className="gathering-note" role="note">
          <p>A week has passed since this gathering. Which connections felt like possible crewmates? Perhaps send one of them a note.</p>
          <button
            type="button"
            className="button button-quiet"
            disabled={readOnly}
            onClick={() => void useCongregations.getState().run(() => call('gatherings.update', { id: g.id, followedUpOn: localDay() }), 'Thanks for looking back')}
          >
            I've looked back
          </button>
        </div>
      ) : null}
      <dl className="gathering-facts">
        {g.temporaryCrew.length > 0 ? (
          <div>
            <dt>My temporary crew</dt>
            <dd>{names(g.temporaryCrew)}</dd>
          </div>
        ) : null}
        {g.possibleCrewmates.length > 0 ? (
          <div>
            <dt>Possible crewmates</dt>
            <dd>{names(g.possibleCrewmates)}</dd>
          </div>
        ) : null}
        {g.harvest ? (
          <div>
            <dt>Harvest</dt>
            <dd className="harvest">{g.harvest}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

const gatheringFieldNames = ['name', 'heldOn', 'place', 'harvest', 'temporaryCrewIds', 'possibleCrewmateIds'];

/** A gathering form's people picker, so saving can bring along a name typed in it. */
type PickerRef = RefObject<PeoplePickerHandle | null>;

/**
 * Adds the names typed in the pickers but not yet added (saving right after typing one), and
 * resolves the people chosen then; null when someone could not be added (said by their field).
 */
async function addTypedPeople(
  temporaryCrew: PickerRef,
  possibleCrewmates: PickerRef,
  draft: GatheringDraft,
): Promise<Pick<GatheringDraft, 'temporaryCrewIds' | 'possibleCrewmateIds'> | null> {
  const temporaryCrewIds = temporaryCrew.current ? await temporaryCrew.current.addTyped() : draft.temporaryCrewIds;
  if (temporaryCrewIds === null) return null;
  const possibleCrewmateIds = possibleCrewmates.current ? await possibleCrewmates.current.addTyped() : draft.possibleCrewmateIds;
  if (possibleCrewmateIds === null) return null;
  return { temporaryCrewIds, possibleCrewmateIds };
}

/** A new gathering: its words are kept as a draft until it is saved (the store clears it) or cancelled. */
function NewGatheringForm({ congregationId, draft, onClose }: { congregationId: string; draft: KeptChanges<GatheringDraft>; onClose: () => void }) {
  const error = useCongregations((state) => state.error);
  const busy = useCongregations((state) => state.busy);
  const store = useCongregations.getState();
  const temporaryCrew = useRef<PeoplePickerHandle>(null);
  const possibleCrewmates = useRef<PeoplePickerHandle>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const people = await addTypedPeople(temporaryCrew, possibleCrewmates, draft.values);
    if (people === null) return;
    if (await store.saveNewGathering(congregationId, { ...draft.values, ...people })) onClose();
  };
  return (
    <form className="form-card" aria-label="New gathering" onSubmit={(e) => void submit(e)}>
      <GatheringFields draft={draft.values} onChange={draft.edit} temporaryCrew={temporaryCrew} possibleCrewmates={possibleCrewmates} errorAt={(field) => errorAt(error, forms.newGathering, field)} />
      <ErrorNote error={error} form={forms.newGathering} fields={gatheringFieldNames} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save gathering
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            draft.clear();
            store.clearFormError(forms.newGathering);
            onClose();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Correcting a gathering: it saves as you type; Done closes it once everything is saved. */
function EditGatheringForm({ name }: { name: string }) {
  const draft = useGatheringEditor((state) => state.draft);
  const status = useGatheringEditor((state) => state.status);
  const error = useGatheringEditor((state) => state.error);
  const temporaryCrew = useRef<PeoplePickerHandle>(null);
  const possibleCrewmates = useRef<PeoplePickerHandle>(null);
  if (!draft) return null;
  const editor = useGatheringEditor.getState();
  const done = async (event: FormEvent) => {
    event.preventDefault();
    // A name typed but not yet added joins the gathering (and is saved) before it closes.
    if ((await addTypedPeople(temporaryCrew, possibleCrewmates, draft)) === null) return;
    if (await editor.close()) {
      const open = useCongregations.getState().detail?.congregation.id;
      if (open) await useCongregations.getState().open(open);
    }
  };
  return (
    <form
      className="form-card"
      aria-label="Edit gathering"
      onSubmit={(e) => void done(e)}
      // It saves as you type, so Escape is Done, as it closes other forms within a page.
      onKeyDown={(event) => escapeSteps(event, () => event.currentTarget.requestSubmit())}
    >
      <GatheringFields draft={draft} onChange={editor.edit} temporaryCrew={temporaryCrew} possibleCrewmates={possibleCrewmates} errorAt={(field) => (error?.field === field ? error.message : null)} />
      <AutosavedFormEnd status={status} error={error} fields={gatheringFieldNames} label={name} />
    </form>
  );
}

function GatheringFields({
  draft,
  onChange,
  temporaryCrew,
  possibleCrewmates,
  errorAt,
}: {
  draft: GatheringDraft;
  onChange: (patch: Partial<GatheringDraft>) => void;
  temporaryCrew: PickerRef;
  possibleCrewmates: PickerRef;
  errorAt: (field: keyof GatheringDraft) => string | null;
}) {
  return (
    <>
      <div className="form-row">
        <Field label="Gathering name" error={errorAt('name')}>
          {(id, invalid) => <input id={id} value={draft.name} onChange={(e) => onChange({ name: e.target.value })} {...invalid} />}
        </Field>
        <Field label="Date" error={errorAt('heldOn')}>
          {(id, invalid) => <input id={id} type="date" value={draft.heldOn} onChange={(e) => onChange({ heldOn: e.target.value })} required {...invalid} />}
        </Field>
        <Field label="Place" error={errorAt('place')}>
          {(id, invalid) => <input id={id} value={draft.place} onChange={(e) => onChange({ place: e.target.value })} {...invalid} />}
        </Field>
      </div>
      <PeoplePicker ref={temporaryCrew} legend="My temporary crew" chosen={draft.temporaryCrewIds} onChange={(ids) => onChange({ temporaryCrewIds: ids })} />
      <PeoplePicker ref={possibleCrewmates} legend="Possible crewmates" withMe={false} chosen={draft.possibleCrewmateIds} onChange={(ids) => onChange({ possibleCrewmateIds: ids })} />
      <Field label="Harvest notes" error={errorAt('harvest')}>
        {(id, invalid) => <textarea id={id} rows={3} value={draft.harvest} onChange={(e) => onChange({ harvest: e.target.value })} {...invalid} />}
      </Field>
    </>
  );
}
