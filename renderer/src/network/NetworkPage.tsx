import '../congregations/congregations.css';
import { type FormEvent, useEffect, useState } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { RungReflections } from '../ladder/RungReflections';
import { rungById } from '../ladder/rungs';
import { EmptyState } from '../ui/EmptyState';
import { PageHeading } from '../ui/PageHeading';
import { Field } from '../congregations/Field';
import { NetworkView } from './NetworkView';
import { errorAt, ErrorNote } from '../congregations/ErrorNote';
import { hasKeptDraft, useKeptDraft } from '../ui/kept-draft';

const newNetworkDraft = 'network:new';
import { networkForms, useNetworks } from './network-store';

const rung = rungById('network');

/** The Network rung: networks (congregations of congregations), or one of them (`{ kind: 'network', id }`). */
export function NetworkPage() {
  const detail = useNavigation((state) => state.detail);
  if (detail?.kind === 'network' && detail.id) return <NetworkView key={detail.id} id={detail.id} />;
  return <NetworkFront />;
}

function NetworkFront() {
  const list = useNetworks((state) => state.list);
  const error = useNetworks((state) => state.error);
  const busy = useNetworks((state) => state.busy);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  // Words typed for a new network wait here if the page is left, and the form opens with them again.
  const [draft, setDraft, clearDraft] = useKeptDraft(newNetworkDraft, { name: '', notes: '' });
  const [adding, setAdding] = useState(() => hasKeptDraft(newNetworkDraft));
  useEffect(() => {
    void useNetworks.getState().loadList();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await useNetworks.getState().create(draft.name, draft.notes)) {
      clearDraft();
      setAdding(false);
    }
  };
  return (
    <div className="page rung-page network">
      <PageHeading lead={`${rung.size}. ${rung.purpose}`}>Network</PageHeading>
      {adding ? (
        <form className="form-card" aria-label="New network" onSubmit={(e) => void submit(e)}>
          <Field label="Name" error={errorAt(error, networkForms.newNetwork, 'name')}>
            {(id, invalid) => <input id={id} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required {...invalid} />}
          </Field>
          <Field label="Notes" error={errorAt(error, networkForms.newNetwork, 'notes')}>
            {(id, invalid) => <textarea id={id} rows={3} value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} {...invalid} />}
          </Field>
          <ErrorNote error={error} form={networkForms.newNetwork} fields={['name', 'notes']} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save network
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                clearDraft();
                setAdding(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-primary" disabled={readOnly} onClick={() => setAdding(true)}>
          New network
        </button>
      )}
      {list && list.length === 0 && !adding ? (
        <EmptyState title="No networks yet">
          <p>A network joins congregations: it's where hosts learn from each other. Add one you belong to, and the hosts and practices you learn from.</p>
        </EmptyState>
      ) : null}
      {list && list.length > 0 ? (
        <ul className="card-list" aria-label="Your networks">
          {list.map((n) => (
            <li key={n.id}>
              <button type="button" className="card-button" onClick={() => go('network', { kind: 'network', id: n.id })}>
                <span className="card-title">{n.name}</span>
                <span className="card-meta">
                  {n.congregationCount} {n.congregationCount === 1 ? 'congregation' : 'congregations'} · {n.hostCount} {n.hostCount === 1 ? 'host' : 'hosts'} ·{' '}
                  {n.practiceCount} adapted {n.practiceCount === 1 ? 'practice' : 'practices'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <RungReflections rung="network" />
    </div>
  );
}
