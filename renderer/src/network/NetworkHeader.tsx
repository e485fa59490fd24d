import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { listOf } from '../ui/sentences';
import { PageHeading } from '../ui/PageHeading';
import { Field } from '../congregations/Field';
import { errorAt, ErrorNote } from '../congregations/ErrorNote';
import { networkForms, useNetworks } from './network-store';

/** The network's name with Rename and Delete beside it. */
export function NetworkHeader() {
  const detail = useNetworks((state) => state.detail);
  const busy = useNetworks((state) => state.busy);
  const readOnly = useReadOnly();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!detail) return null;
  const n = detail.network;
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
          <DeleteNetworkText />
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function count(n: number, word: string) {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Names when there are a few, a count when there are many. */
function namesOr(names: string[], word: string) {
  return names.length <= 3 ? names : [count(names.length, word)];
}

/**
 * What deleting a network does, plainly: what goes with it (its adapted practices), and what is
 * only unlinked (its congregations and hosts keep their own pages and stay in the archive).
 */
function DeleteNetworkText() {
  const detail = useNetworks((state) => state.detail);
  if (!detail) return null;
  const { network, congregations, hosts, practices } = detail;
  const practicesGo = practices.length === 0 ? '' : `, with its ${count(practices.length, 'adapted practice')}`;
  const linked = [...namesOr(congregations.map((c) => c.name), 'congregation'), ...namesOr(hosts.map((h) => h.name), 'host')];
  const one = congregations.length + hosts.length === 1;
  return (
    <>
      <p>
        {network.name} leaves your Network page{practicesGo}.
      </p>
      {linked.length > 0 ? (
        <p>
          {listOf(linked)} {one ? 'stays' : 'stay'} in your archive, untouched; only their place in this network goes.
        </p>
      ) : null}
      <p>Undo, right after, brings it all back.</p>
    </>
  );
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
    if (await useNetworks.getState().run(() => call('networks.update', { id, name }), 'Network renamed', networkForms.rename)) onDone();
  };
  return (
    <form className="form-card edit-record" aria-label="Rename network" onSubmit={(event) => void submit(event)}>
      <h1 className="edit-record-title">Rename network</h1>
      <Field label="Network name" error={errorAt(error, networkForms.rename, 'name')}>
        {(id, invalid) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} required autoFocus {...invalid} />}
      </Field>
      <ErrorNote error={error} form={networkForms.rename} fields={['name']} />
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
