import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { leave, listOf } from '../ui/sentences';
import { PageHeading } from '../ui/PageHeading';
import { useNetworks } from './network-store';

/** The network's name with Rename and Delete beside it. */
export function NetworkHeader() {
  const detail = useNetworks((state) => state.detail);
  const busy = useNetworks((state) => state.busy);
  const readOnly = useReadOnly();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!detail) return null;
  const n = detail.network;
  const parts = [
    count(detail.congregations.length, 'congregation'),
    count(detail.hosts.length, 'host'),
    count(detail.practices.length, 'adapted practice'),
  ].filter((part) => part !== '');
  return (
    <>
      {renaming ? (
        <RenameForm onDone={() => setRenaming(false)} />
      ) : (
        <div className="record-head">
          <PageHeading>{n.name}</PageHeading>
          <div className="record-actions">
            <button type="button" className="button" disabled={readOnly} onClick={() => setRenaming(true)}>
              Rename network
            </button>
            <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => setConfirming(true)}>
              Delete network…
            </button>
          </div>
        </div>
      )}
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${n.name}?`}
          confirmLabel="Delete network"
          cancelLabel="Keep it"
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void useNetworks.getState().remove()}
        >
          <p>
            {parts.length === 0
              ? 'It leaves your Network page.'
              : `Its ${listOf(parts)} ${leave(parts)} the page with it; they stay in your archive's history.`}
          </p>
          <p>The congregations and people themselves are not touched.</p>
          <p>Undo, right after, brings it all back.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function count(n: number, word: string) {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

function RenameForm({ onDone }: { onDone: () => void }) {
  const detail = useNetworks((state) => state.detail);
  const error = useNetworks((state) => state.error);
  const busy = useNetworks((state) => state.busy);
  const [name, setName] = useState(detail?.network.name ?? '');
  if (!detail) return null;
  const id = detail.network.id;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await useNetworks.getState().run(() => call('networks.update', { id, name }), 'Network renamed')) onDone();
  };
  return (
    <form className="form-card edit-record" aria-label="Rename network" onSubmit={(event) => void submit(event)}>
      <h1 className="edit-record-title">Rename network</h1>
      <label>
        Network name
        <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus aria-invalid={error ? true : undefined} />
        {/* A problem with the name shows under the page heading, where the page's errors go. */}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save name
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            useNetworks.setState({ error: null });
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
