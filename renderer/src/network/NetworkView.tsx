import { type FormEvent, useEffect, useState } from 'react';
import { personLabel } from '../../../shared/domain/people';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { Field } from '../congregations/Field';
import { BackLink } from '../ui/BackLink';
import { NetworkHeader } from './NetworkHeader';
import { errorAt, ErrorNote } from '../congregations/ErrorNote';
import { SaveStatus } from '../ui/SaveStatus';
import { networkForms, useNetworkNotes, useNetworks } from './network-store';
import { useKeptDraft } from '../ui/kept-draft';
import { PracticesSection } from './PracticesSection';
import { useSubmitOnce } from '../ui/use-submit-once';

/** One network: its congregations, the hosts I learn from, practices adapted from elsewhere, notes. */
export function NetworkView({ id }: { id: string }) {
  const detail = useNetworks((state) => state.detail);
  const error = useNetworks((state) => state.error);
  const congregations = useNetworks((state) => state.congregations);
  const people = useNetworks((state) => state.people);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const [congregationId, setCongregationId] = useState('');
  const [host, setHost, clearHost] = useKeptDraft(`network:${id}:host`, { name: '', note: '' });
  const addingHost = useSubmitOnce();
  // The notes save as you type; what is being typed lives in the store, not here.
  const notesDraft = useNetworkNotes((state) => (state.id === id ? state.draft : null));
  const notesStatus = useNetworkNotes((state) => (state.id === id ? state.status : 'idle'));
  const notesError = useNetworkNotes((state) => (state.id === id ? state.error : null));
  useEffect(() => {
    void useNetworks.getState().open(id);
  }, [id]);
  if (!detail || detail.network.id !== id) {
    return (
      <div className="page rung-page network">
        <BackLink label="Back to Network" onClick={() => go('network')} />
        {error ? <p role="alert">{error.message}</p> : <p className="muted">Opening…</p>}
      </div>
    );
  }
  const n = detail.network;
  const listed = new Set(detail.congregations.map((c) => c.id));
  // Only congregations not in this network yet are offered.
  const addable = congregations.filter((c) => !listed.has(c.id));
  const run = useNetworks.getState().run;
  const addCongregation = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = addable.find((c) => c.id === congregationId);
    if (!chosen) return;
    if (await run(() => call('networks.addCongregation', { networkId: id, congregationId }), `${chosen.name} added to ${n.name}`, networkForms.congregation)) setCongregationId('');
  };
  const addHost = (event: FormEvent) => {
    event.preventDefault();
    if (host.name.trim() === '') return;
    void addingHost.run(async () => {
      if (await useNetworks.getState().addHost(id, host.name, host.note)) clearHost();
    });
  };
  const editNotes = (text: string) => {
    const editor = useNetworkNotes.getState();
    if (editor.id !== id) editor.begin(id, { notes: n.notes });
    editor.edit({ notes: text });
  };
  return (
    <div className="page rung-page network">
      <BackLink label="Back to Network" onClick={() => go('network')} />
      <NetworkHeader />
      {/* Problems of the page itself (an Undo); each form shows its own. */}
      <ErrorNote error={error} form={null} />
      <div className="congregation-grid">
        <section className="panel" aria-labelledby="net-congregations">
          <h2 id="net-congregations">Congregations in it</h2>
          {detail.congregations.length === 0 ? <p className="muted">None yet.</p> : null}
          <ul className="plain-list" aria-label="Congregations in it">
            {detail.congregations.map((c) => (
              <li key={c.id} className="row-with-action">
                <button type="button" className="link-button" onClick={() => go('congregations', { kind: 'congregation', id: c.id })}>
                  {c.name}
                </button>
                <button
                  type="button"
                  className="button button-quiet button-danger row-remove"
                  disabled={readOnly}
                  aria-label={`Remove ${c.name} from ${n.name}`}
                  onClick={() =>
                    void useNetworks.getState().undoable(
                      () => call('networks.removeCongregation', { networkId: id, congregationId: c.id }),
                      `${c.name} removed from ${n.name}`,
                      () => call('networks.addCongregation', { networkId: id, congregationId: c.id }),
                    )
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {addable.length > 0 ? (
            <form className="inline-add" aria-label="Add a congregation" onSubmit={(e) => void addCongregation(e)}>
              <Field label="Congregation to add">
                {(fieldId) => (
                  <select id={fieldId} value={congregationId} onChange={(e) => setCongregationId(e.target.value)}>
                    <option value="">Choose a congregation…</option>
                    {addable.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="submit" className="button" disabled={readOnly || !congregationId}>
                Add congregation
              </button>
              <ErrorNote error={error} form={networkForms.congregation} />
            </form>
          ) : congregations.length === 0 ? (
            <button type="button" className="link-button" onClick={() => go('congregations')}>
              Add a congregation on the Congregations page
            </button>
          ) : (
            <p className="hint">Every congregation you have added is in this network.</p>
          )}
        </section>
        <section className="panel" aria-labelledby="net-hosts">
          <h2 id="net-hosts">Hosts I learn from</h2>
          {detail.hosts.length === 0 ? <p className="muted">Who are your mentors? Who gives you honest feedback?</p> : null}
          <ul className="plain-list" aria-label="Hosts I learn from">
            {detail.hosts.map((h) => (
              <li key={h.personId} className="row-with-action">
                <span className="row-text">
                  <strong>{personLabel(h)}</strong>
                  {h.note ? <span className="muted"> · {h.note}</span> : null}
                </span>
                <button
                  type="button"
                  className="button button-quiet button-danger row-remove"
                  disabled={readOnly}
                  aria-label={`Remove ${personLabel(h)} from the hosts of ${n.name}`}
                  onClick={() =>
                    // Adding them again with the same note is the Undo.
                    void useNetworks.getState().undoable(
                      () => call('networks.removeHost', { networkId: id, personId: h.personId }),
                      `${h.name} removed from the hosts`,
                      () => call('networks.addHost', { networkId: id, personId: h.personId, note: h.note }),
                    )
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <form className="form-card" aria-label="Add a host" onSubmit={addHost}>
            <Field label="Host's name" error={errorAt(error, networkForms.host, 'name')}>
              {(fieldId, invalid) => (
                <>
                  <input id={fieldId} value={host.name} onChange={(e) => setHost({ ...host, name: e.target.value })} list="network-people" {...invalid} />
                  <datalist id="network-people">
                    {people.map((p) => (
                      <option key={p.id} value={p.name} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
            <Field label="What I learn from them" error={errorAt(error, networkForms.host, 'note')}>
              {(fieldId, invalid) => <input id={fieldId} value={host.note} onChange={(e) => setHost({ ...host, note: e.target.value })} {...invalid} />}
            </Field>
            <ErrorNote error={error} form={networkForms.host} fields={['name', 'note']} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={readOnly || host.name.trim() === '' || addingHost.pending}>
                Add host
              </button>
            </div>
          </form>
        </section>
      </div>
      <PracticesSection networkId={id} />
      <section className="panel wide" aria-labelledby="net-notes">
        <h2 id="net-notes">Notes</h2>
        <Field label={`Notes on ${n.name}`} error={notesError?.message ?? null}>
          {(fieldId, invalid) => (
            <textarea id={fieldId} rows={4} value={notesDraft?.notes ?? n.notes} readOnly={readOnly} onChange={(e) => editNotes(e.target.value)} {...invalid} />
          )}
        </Field>
        <SaveStatus status={notesStatus} error={notesError} label="Notes" />
      </section>
    </div>
  );
}
