import { type FormEvent, useEffect, useState } from 'react';
import { type CongregationRole, congregationRoleLabels } from '../../../shared/domain/congregations';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { RungReflections } from '../ladder/RungReflections';
import { rungById } from '../ladder/rungs';
import { friendlyDay, localDay } from '../self/dates';
import { EmptyState } from '../ui/EmptyState';
import { PageHeading } from '../ui/PageHeading';
import { type CongregationFieldValues, CongregationFields, parseSize, RoleField } from './CongregationFields';
import { useCongregations } from './congregations-store';
import { ErrorNote } from './ErrorNote';

const rung = rungById('congregations');

export function CongregationsFront() {
  const list = useCongregations((state) => state.list);
  const go = useNavigation((state) => state.go);
  const [adding, setAdding] = useState(false);
  const readOnly = useReadOnly();
  useEffect(() => {
    void useCongregations.getState().loadList();
  }, []);
  return (
    <div className="page rung-page congregations">
      <PageHeading lead={`${rung.size}. ${rung.purpose}`}>Congregations</PageHeading>
      {adding ? (
        <NewCongregationForm onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button-primary" disabled={readOnly} onClick={() => setAdding(true)}>
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
                  {c.size ? ` · about ${c.size} people` : ''} · {c.crewCount} {c.crewCount === 1 ? 'crew' : 'crews'} · {c.peopleCount} I know
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

function NewCongregationForm({ onDone }: { onDone: () => void }) {
  const [values, setValues] = useState<CongregationFieldValues>({ name: '', about: '', size: '' });
  const [role, setRole] = useState<CongregationRole>('visitor');
  const error = useCongregations((state) => state.error);
  const busy = useCongregations((state) => state.busy);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await useCongregations.getState().create({ name: values.name, about: values.about, size: parseSize(values.size), role, since: localDay() });
    if (ok) onDone();
  };
  return (
    <form className="form-card" aria-label="New congregation" onSubmit={(event) => void submit(event)}>
      <CongregationFields values={values} onChange={(patch) => setValues((current) => ({ ...current, ...patch }))} error={error} />
      <RoleField label="My role" value={role} onChange={setRole} />
      <ErrorNote error={error} field={null} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save congregation
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
