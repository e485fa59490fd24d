import { type FormEvent, useEffect, useState } from 'react';
import { type CongregationRole, congregationRoleLabels } from '../../../shared/domain/congregations';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { BackLink } from '../ui/BackLink';
import { dayInSentence, localDay } from '../self/dates';
import { CongregationHeader } from './CongregationHeader';
import { CrewsPanel, PeoplePanel } from './CongregationMembers';
import { RoleField } from './CongregationFields';
import { Field } from './Field';
import { forms, useCongregations } from './congregations-store';
import { errorAt, ErrorNote } from './ErrorNote';
import { GatheringsSection } from './GatheringsSection';
import { LessonsSection } from './LessonsSection';
import { useSubmitOnce } from '../ui/use-submit-once';

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
        <BackLink label="Back to Congregations" onClick={() => go('congregations')} />
        {error ? <p role="alert">{error.message}</p> : <p className="muted">Opening…</p>}
      </div>
    );
  }
  const c = detail.congregation;
  const crewless = detail.people.filter((p) => p.crewless && !p.isMe);
  // The list is of people to invite; "Am I in a crew here?" is answered beside it.
  const meCrewless = detail.people.some((p) => p.crewless && p.isMe);
  return (
    <div className="page rung-page congregations congregation-view">
      <BackLink label="Back to Congregations" onClick={() => go('congregations')} />
      <CongregationHeader />
      {/* Problems of the page itself (an Undo, a look back); each form shows its own. */}
      <ErrorNote error={error} form={null} />
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
          {crewless.length > 0 ? <p className="hint">A congregation's main work is helping crews form: could you invite one of them?</p> : null}
          {meCrewless ? <p className="hint">You are in no active crew here yourself just now. A crew could form around you too.</p> : null}
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

function RolePanel({ role }: { role: CongregationRole }) {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [next, setNext] = useState<CongregationRole>(role);
  const [note, setNote] = useState('');
  const error = useCongregations((state) => state.error);
  const saving = useSubmitOnce();
  if (!detail) return null;
  const id = detail.congregation.id;
  const save = (event: FormEvent) => {
    event.preventDefault();
    // The role as the page shows it ("Host"), not its stored code.
    const done = `Your role is now ${congregationRoleLabels[next]}`;
    void saving.run(async () => {
      if (await useCongregations.getState().run(() => call('congregations.setRole', { id, role: next, on: localDay(), note }), done, forms.role)) setNote('');
    });
  };
  return (
    <section className="panel" aria-labelledby="role-title">
      <h2 id="role-title">My role</h2>
      <ol className="role-history" aria-label="My role over time">
        {detail.roleHistory.map((change) => (
          <li key={change.id}>
            <strong>{congregationRoleLabels[change.to]}</strong> <span className="muted">from {dayInSentence(change.changedOn)}</span>
            {change.note ? <span className="muted"> · {change.note}</span> : null}
          </li>
        ))}
      </ol>
      <form className="inline-add" aria-label="Change my role" onSubmit={save}>
        <RoleField label="New role" value={next} onChange={setNext} />
        <Field label="Note on the change" error={errorAt(error, forms.role, 'note')}>
          {(id, invalid) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} {...invalid} />}
        </Field>
        <button type="submit" className="button" disabled={readOnly || next === role || saving.pending}>
          Change my role
        </button>
        <ErrorNote error={error} form={forms.role} fields={['note']} />
      </form>
    </section>
  );
}
