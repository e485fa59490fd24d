import { type FormEvent, useEffect, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { NetworkHeader } from './NetworkHeader';
import { useNetworks } from './network-store';
import { PracticesSection } from './PracticesSection';

/** One network: its congregations, the hosts I learn from, practices adapted from elsewhere, notes. */
export function NetworkView({ id }: { id: string }) {
  const detail = useNetworks((state) => state.detail);
  const error = useNetworks((state) => state.error);
  const congregations = useNetworks((state) => state.congregations);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const [congregationId, setCongregationId] = useState('');
  const [hostName, setHostName] = useState('');
  const [hostNote, setHostNote] = useState('');
  const [notes, setNotes] = useState<string | null>(null);
  useEffect(() => {
    void useNetworks.getState().open(id);
  }, [id]);
  if (!detail || detail.network.id !== id) {
    return (
      <div className="page rung-page network">
        {error ? <p role="alert">{error}</p> : <p className="muted">Opening…</p>}
        <button type="button" className="button" onClick={() => go('network')}>
          All networks
        </button>
      </div>
    );
  }
  const n = detail.network;
  const joined = new Set(detail.congregations.map((c) => c.id));
  const run = useNetworks.getState().run;
  const addCongregation = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => call('networks.addCongregation', { networkId: id, congregationId }), 'Congregation joined')) setCongregationId('');
  };
  const addHost = async (event: FormEvent) => {
    event.preventDefault();
    if (hostName.trim() === '') return;
    if (await useNetworks.getState().addHost(id, hostName, hostNote)) {
      setHostName('');
      setHostNote('');
    }
  };
  const saveNotes = async () => {
    if (notes !== null && (await run(() => call('networks.update', { id, notes }), 'Notes saved'))) setNotes(null);
  };
  return (
    <div className="page rung-page network">
      <button type="button" className="button button-quiet back-link" onClick={() => go('network')}>
        All networks
      </button>
      <NetworkHeader />
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
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
          <form className="inline-add" onSubmit={(e) => void addCongregation(e)}>
            <label>
              Congregation to add
              <select value={congregationId} onChange={(e) => setCongregationId(e.target.value)}>
                <option value="">Choose a congregation…</option>
                {congregations.map((c) => (
                  <option key={c.id} value={c.id} disabled={joined.has(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button" disabled={readOnly || !congregationId}>
              Add congregation
            </button>
          </form>
        </section>
        <section className="panel" aria-labelledby="net-hosts">
          <h2 id="net-hosts">Hosts I learn from</h2>
          {detail.hosts.length === 0 ? <p className="muted">Who are your mentors? Who gives you honest feedback?</p> : null}
          <ul className="plain-list" aria-label="Hosts I learn from">
            {detail.hosts.map((h) => (
              <li key={h.personId} className="row-with-action">
                <span className="row-text">
                  <strong>{h.name}</strong>
                  {h.note ? <span className="muted"> · {h.note}</span> : null}
                </span>
                <button
                  type="button"
                  className="button button-quiet button-danger row-remove"
                  disabled={readOnly}
                  aria-label={`Remove ${h.name} from the hosts of ${n.name}`}
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
          <form className="form-card" aria-label="Add a host" onSubmit={(e) => void addHost(e)}>
            <label>
              Host's name
              <input value={hostName} onChange={(e) => setHostName(e.target.value)} list="network-people" />
              <datalist id="network-people">
                {useNetworks.getState().people.map((p) => (
                  <option key={p.id} value={p.name} />
                ))}
              </datalist>
            </label>
            <label>
              What I learn from them
              <input value={hostNote} onChange={(e) => setHostNote(e.target.value)} />
            </label>
            <div className="form-actions">
              <button type="submit" className="button" disabled={readOnly || hostName.trim() === ''}>
                Add host
              </button>
            </div>
          </form>
        </section>
      </div>
      <PracticesSection networkId={id} />
      <section className="panel wide" aria-labelledby="net-notes">
        <h2 id="net-notes">Notes</h2>
        <label>
          Notes on {n.name}
          <textarea rows={4} value={notes ?? n.notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="button" disabled={readOnly || notes === null} onClick={() => void saveNotes()}>
            Save notes
          </button>
        </div>
      </section>
    </div>
  );
}
