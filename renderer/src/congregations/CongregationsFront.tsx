import { type FormEvent, useEffect } from 'react';
import { congregationRoleLabels } from '../../../shared/domain/congregations';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { RungReflections } from '../ladder/RungReflections';
import { rungById } from '../ladder/rungs';
import { friendlyDay } from '../self/dates';
import { EmptyState } from '../ui/EmptyState';
import { PageHeading } from '../ui/PageHeading';
import { congregationFieldNames, CongregationFields, RoleField } from './CongregationFields';
import { forms, useCongregations } from './congregations-store';
import { errorAt, ErrorNote } from './ErrorNote';

const rung = rungById('congregations');

export function CongregationsFront() {
  const list = useCongregations((state) => state.list);
  const go = useNavigation((state) => state.go);
  const adding = useCongregations((state) => state.newCongregation !== null);
  const readOnly = useReadOnly();
  useEffect(() => {
    void useCongregations.getState().loadList();
  }, []);
  return (
    <div className="page rung-page congregations">
      <PageHeading lead={`${rung.size}. ${rung.purpose}`}>Congregations</PageHeading>
      {adding ? (
        <NewCongregationForm />
      ) : (
        <button type="button" className="button button-primary" disabled={readOnly} onClick={() => useCongregations.getState().startNewCongregation()}>
          New congregation
        </button>
      )}
      {list && list.length === 0 && !adding ? (
        <EmptyState title="No congregations yet">
          <p>
            A congregation is a crew of crews: somewhere between 15 and 150 people who gather once or twice a year so that crews can form. Add one you're
            part of, even as a visitor.
          </p>
        </EmptyState>
      ) : null}
      {list && list.length > 0 ? (
        <ul className="card-list" aria-label="Your congregations">
          {list.map((c) => (
            <li key={c.id} className="card">
              <button type="button" className="card-button" onClick={() => go('congregations', { kind: 'congregation', id: c.id })}>
                <span className="card-title">{c.name}</span>
                <span className="card-meta">
                  {congregationRoleLabels[c.role]}
                  {c.size ? ` · about ${c.size.toLocaleString('en')} people` : ''} · {c.crewCount} {c.crewCount === 1 ? 'crew' : 'crews'} · {c.peopleCount} I know
                  {c.lastGatheringOn ? ` · last gathering ${friendlyDay(c.lastGatheringOn)}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <RungReflections rung="congregations" />
    </div>
  );
}

/** The draft lives in the store: leaving the page and coming back finds the words still there. */
function NewCongregationForm() {
  const draft = useCongregations((state) => state.newCongregation);
  const error = useCongregations((state) => state.error);
  const busy = useCongregations((state) => state.busy);
  if (!draft) return null;
  const store = useCongregations.getState();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.create();
  };
  return (
    <form className="form-card" aria-label="New congregation" onSubmit={submit}>
      <CongregationFields values={draft} onChange={store.editNewCongregation} errorAt={(field) => errorAt(error, forms.newCongregation, field)} />
      <RoleField label="My role" value={draft.role} onChange={(role) => store.editNewCongregation({ role })} />
      <ErrorNote error={error} form={forms.newCongregation} fields={congregationFieldNames} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save congregation
        </button>
        <button type="button" className="button" onClick={store.discardNewCongregation}>
          Cancel
        </button>
      </div>
    </form>
  );
}
