import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { listOf } from '../ui/sentences';
import { PageHeading } from '../ui/PageHeading';
import { Field } from '../congregations/Field';
import { errorAt, ErrorNote } from '../congregations/ErrorNote';
import { type KeptChanges, useKeptChanges } from '../ui/kept-changes';
import { KeptDraftNote, useLetGoOfDraft } from '../ui/KeptDraftNote';
import { networkForms, useNetworks } from './network-store';

/** The network's name with Rename and Delete beside it. */
export function NetworkHeader() {
  const detail = useNetworks((state) => state.detail);
  const busy = useNetworks((state) => state.busy);
  const [confirming, setConfirming] = useState(false);
  if (!detail) return null;
  const n = detail.network;
  return (
    <>
      {/* Keyed by network: a new name typed for one is never offered to another. */}
      <RenameOrHeading key={n.id} name={n.name} onDelete={() => setConfirming(true)} />
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

/** Where "Rename network" keeps a new name typed for it, by network. */
const renameDraftKey = (networkId: string) => `network:${networkId}:rename`;

/**
 * The heading with Rename and Delete, or the Rename form in its place. A new name typed and not
 * saved yet is kept (leaving the page, or a restart, finds the form open with it) until it is
 * saved or let go with Cancel, which asks first.
 */
function RenameOrHeading({ name, onDelete }: { name: string; onDelete: () => void }) {
  const detail = useNetworks((state) => state.detail);
  const readOnly = useReadOnly();
  const id = detail?.network.id ?? '';
  // Only a name that differs from the stored one is kept: typed back to it, the draft goes by itself.
  const draft = useKeptChanges(renameDraftKey(id), { name });
  const [opened, setOpened] = useState(false);
  if (opened || draft.changed) return <RenameForm id={id} draft={draft} onDone={() => setOpened(false)} />;
  return (
    <div className="record-head">
      <PageHeading>{name}</PageHeading>
      <div className="record-actions">
        <button type="button" className="button" disabled={readOnly} onClick={() => setOpened(true)}>
          Rename network
        </button>
        <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={onDelete}>
          Delete network…
        </button>
      </div>
    </div>
  );
}

function RenameForm({ id, draft, onDone }: { id: string; draft: KeptChanges<{ name: string }>; onDone: () => void }) {
  const error = useNetworks((state) => state.error);
  const busy = useNetworks((state) => state.busy);
  const { values, changed, edit, clear } = draft;
  const close = () => {
    clear();
    if (useNetworks.getState().error?.form === networkForms.rename) useNetworks.setState({ error: null });
    onDone();
  };
  const cancel = useLetGoOfDraft(changed, close);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await useNetworks.getState().run(() => call('networks.update', { id, name: values.name }), 'Network renamed', networkForms.rename)) close();
  };
  return (
    <form className="form-card edit-record" aria-label="Rename network" onSubmit={(event) => void submit(event)}>
      <h1 className="edit-record-title">Rename network</h1>
      <Field label="Network name" error={errorAt(error, networkForms.rename, 'name')}>
        {(fieldId, invalid) => <input id={fieldId} value={values.name} onChange={(e) => edit({ name: e.target.value })} required autoFocus {...invalid} />}
      </Field>
      <ErrorNote error={error} form={networkForms.rename} fields={['name']} />
      <KeptDraftNote shown={changed} what="the new name" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save name
        </button>
        <button type="button" className="button" onClick={cancel.ask}>
          Cancel
        </button>
      </div>
      {cancel.dialog}
    </form>
  );
}
