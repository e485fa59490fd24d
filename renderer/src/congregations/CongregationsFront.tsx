import { type FormEvent, useEffect, useState } from 'react';
import { congregationRoleLabels } from '../../../shared/domain/congregations';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { RungReflections } from '../ladder/RungReflections';
import { rungById } from '../ladder/rungs';
import { EmptyState } from '../ui/EmptyState';
import { PageHeading } from '../ui/PageHeading';
import { congregationFieldNames, CongregationFields, RoleField } from './CongregationFields';
import { blankCongregation, forms, newCongregationDraftKey, type NewCongregationDraft, useCongregations } from './congregations-store';
import { type KeptChanges, useKeptChanges } from '../ui/kept-changes';
import { errorAt, ErrorNote } from './ErrorNote';
import { dayInSentence } from '../self/dates';

const rung = rungById('congregations');

export function CongregationsFront() {
  const list = useCongregations((state) => state.list);
  const go = useNavigation((state) => state.go);
  // Words typed for a new congregation wait in the archive as a draft: the form opens with them
  // again after leaving the page or a restart, until it is saved or cancelled.
  const draft = useKeptChanges(newCongregationDraftKey, blankCongregation());
  const [opened, setOpened] = useState(false);
  const adding = opened || draft.changed;
  const readOnly = useReadOnly();
  useEffect(() => {
    void useCongregations.getState().loadList();
  }, []);
  return (
    <div className="page rung-page congregations">
      <PageHeading lead={`${rung.size}. ${rung.purpose}`}>Congregations</PageHeading>
      {adding ? (
        <NewCongregationForm draft={draft} onClose={() => setOpened(false)} />
      ) : (
        <button type="button" className="button button-primary" disabled={readOnly} onClick={() => setOpened(true)}>
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
                  {c.lastGatheringOn ? ` · last gathering ${dayInSentence(c.lastGatheringOn)}` : ''}
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

/** The words are kept as a draft (saving clears it, in the store): Cancel lets them go. */
function NewCongregationForm({ draft, onClose }: { draft: KeptChanges<NewCongregationDraft>; onClose: () => void }) {
  const error = useCongregations((state) => state.error);
  const busy = useCongregations((state) => state.busy);
  const store = useCongregations.getState();
  const { values, edit } = draft;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.create(values).then((created) => created && onClose());
  };
  return (
    <form className="form-card" aria-label="New congregation" onSubmit={submit}>
      <CongregationFields values={values} onChange={edit} errorAt={(field) => errorAt(error, forms.newCongregation, field)} />
      <RoleField label="My role" value={values.role} onChange={(role) => edit({ role })} />
      <ErrorNote error={error} form={forms.newCongregation} fields={congregationFieldNames} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save congregation
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            draft.clear();
            store.clearFormError(forms.newCongregation);
            onClose();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
