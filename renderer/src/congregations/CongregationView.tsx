import { type FormEvent, useEffect, useState } from 'react';
import { type CongregationRole, congregationRoleLabels, congregationRoles } from '../../../shared/domain/congregations';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { friendlyDay, localDay } from '../self/dates';
import { PageHeading } from '../ui/PageHeading';
import { useCongregations } from './congregations-store';
import { GatheringsSection } from './GatheringsSection';
import { LessonsSection } from './LessonsSection';
import { PeoplePicker } from './PeoplePicker';

/** One congregation: my role and its history, its crews, the people I know there, gatherings and lessons. */
export function CongregationView({ id }: { id: string }) {
  const detail = useCongregations((state) => state.detail);
  const error = useCongregations((state) => state.error);
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    useCongregations.getState().clearError();
    void useCongregations.getState().open(id);
    void useCongregations.getState().loadChoices();
  }, [id]);
  if (!detail || detail.congregation.id !== id) {
    return (
      <div className="page rung-page congregations">
        {error ? <p role="alert">{error.message}</p> : <p className="muted">Opening…</p>}
        <button type="button" className="button" onClick={() => go('congregations')}>
          All congregations
        </button>
      </div>
    );
  }
  const c = detail.congregation;
  const crewless = detail.people.filter((p) => p.crewless && !p.isMe);
  return (
    <div className="page rung-page congregations congregation-view">
      <button type="button" className="button button-quiet back-link" onClick={() => go('congregations')}>
        All congregations
      </button>
      <PageHeading lead={c.about || undefined}>{c.name}</PageHeading>
      <p className="congregation-facts">
        {congregationRoleLabels[c.role]}
        {c.size ? ` · about ${c.size} people` : ''}
        {detail.networks.length > 0 ? ` · part of ${detail.networks.map((n) => n.name).join(', ')}` : ''}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="congregation-grid">
        <section className="panel" aria-labelledby="crewless-title">
          <h2 id="crewless-title">Who seems crewless</h2>
          {detail.people.length === 0 ? (
            <p className="muted">Add the people you know here, and Ladder shows who is in no active crew you know of.</p>
          ) : crewless.length === 0 ? (
            <p className="muted">Everyone you know here is in a crew. Lovely.</p>
          ) : (
            <ul className="person-chips" aria-label="Who seems crewless">
              {crewless.map((p) => (
                <li key={p.personId} className="person-chip">
                  {p.name}
                </li>
              ))}
            </ul>
          )}
          <p className="hint">A congregation's main work is helping crews form: could you invite one of them?</p>
        </section>
        <CrewsPanel />
        <PeoplePanel />
        <RolePanel role={c.role} />
      </div>
      <GatheringsSection />
      <LessonsSection />
    </div>
  );
}

function CrewsPanel() {
  const detail = useCongregations((state) => state.detail);
  const crews = useCongregations((state) => state.crews);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const [crewId, setCrewId] = useState('');
  if (!detail) return null;
  const congregationId = detail.congregation.id;
  const placed = new Set(detail.crews.map((c) => c.crewId));
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!crewId) return;
    if (await useCongregations.getState().run(() => call('congregations.addCrew', { congregationId, crewId }), 'Crew placed in the congregation')) setCrewId('');
  };
  return (
    <section className="panel" aria-labelledby="crews-title">
      <h2 id="crews-title">Crews here</h2>
      {detail.crews.length === 0 ? <p className="muted">No crews placed here yet.</p> : null}
      <ul className="plain-list" aria-label="Crews here">
        {detail.crews.map((crew) => (
          <li key={crew.crewId}>
            <button type="button" className="link-button" onClick={() => go('crews', { kind: 'crew', id: crew.crewId })}>
              {crew.name}
            </button>{' '}
            <span className="muted">
              {crew.stage} · {crew.memberCount} {crew.memberCount === 1 ? 'person' : 'people'}
            </span>
          </li>
        ))}
      </ul>
      <form className="inline-add" onSubmit={(e) => void add(e)}>
        <label>
          Crew to place here
          <select value={crewId} onChange={(e) => setCrewId(e.target.value)}>
            <option value="">Choose a crew…</option>
            {crews.map((crew) => (
              <option key={crew.id} value={crew.id} disabled={placed.has(crew.id)}>
                {crew.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={readOnly || !crewId}>
          Place crew
        </button>
      </form>
      {crews.length === 0 ? (
        <button type="button" className="link-button" onClick={() => go('crews')}>
          Call a crew on the Crews page
        </button>
      ) : null}
    </section>
  );
}

function PeoplePanel() {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  if (!detail) return null;
  const congregationId = detail.congregation.id;
  const save = async () => {
    if (chosen.length === 0) return setOpen(false);
    if (await useCongregations.getState().run(() => call('congregations.addPeople', { congregationId, personIds: chosen }), 'People added')) {
      setChosen([]);
      setOpen(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">People I know here</h2>
      {detail.people.length === 0 ? <p className="muted">Nobody yet.</p> : null}
      <ul className="person-chips" aria-label="People I know here">
        {detail.people.map((p) => (
          <li key={p.personId} className="person-chip">
            {p.isMe ? `${p.name} (me)` : p.name}
          </li>
        ))}
      </ul>
      {open ? (
        <div className="form-card">
          <PeoplePicker legend="People I know here" chosen={chosen} onChange={setChosen} />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void save()}>
              Save people
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button" disabled={readOnly} onClick={() => setOpen(true)}>
          Add people I know here
        </button>
      )}
    </section>
  );
}

function RolePanel({ role }: { role: CongregationRole }) {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [next, setNext] = useState<CongregationRole>(role);
  const [note, setNote] = useState('');
  if (!detail) return null;
  const id = detail.congregation.id;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await useCongregations.getState().run(() => call('congregations.setRole', { id, role: next, on: localDay(), note }), 'Role updated')) setNote('');
  };
  return (
    <section className="panel" aria-labelledby="role-title">
      <h2 id="role-title">My role</h2>
      <ol className="role-history" aria-label="My role over time">
        {detail.roleHistory.map((change) => (
          <li key={change.id}>
            <strong>{congregationRoleLabels[change.to]}</strong> <span className="muted">from {friendlyDay(change.changedOn)}</span>
            {change.note ? <span className="muted"> · {change.note}</span> : null}
          </li>
        ))}
      </ol>
      <form className="inline-add" onSubmit={(e) => void save(e)}>
        <label>
          New role
          <select value={next} onChange={(e) => setNext(e.target.value as CongregationRole)}>
            {congregationRoles.map((r) => (
              <option key={r} value={r}>
                {congregationRoleLabels[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note on the change
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={readOnly || next === role}>
          Change my role
        </button>
      </form>
    </section>
  );
}
