import { type FormEvent, useState } from 'react';
import { congregationRoleLabels } from '../../../shared/domain/congregations';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { PageHeading } from '../ui/PageHeading';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { listOf } from '../ui/sentences';
import { useCongregations } from './congregations-store';
import { type CongregationFieldValues, CongregationFields, parseSize } from './CongregationFields';

/** The congregation's name, what it is about and its size, with Edit and Delete beside them. */
export function CongregationHeader() {
  const detail = useCongregations((state) => state.detail);
  const busy = useCongregations((state) => state.busy);
  const readOnly = useReadOnly();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!detail) return null;
  const c = detail.congregation;
  // What leaves the page with it (soft-deleted with the congregation, back with Undo).
  const goes = [count(detail.gatherings.length, 'gathering'), count(detail.lessons.length, 'shared lesson')];
  return (
    <>
      {editing ? (
        <EditCongregationForm onDone={() => setEditing(false)} />
      ) : (
        <div className="record-head">
          <PageHeading lead={c.about || undefined}>{c.name}</PageHeading>
          <div className="record-actions">
            <button type="button" className="button" disabled={readOnly} onClick={() => setEditing(true)}>
              Edit congregation
            </button>
            <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => setConfirming(true)}>
              Delete congregation…
            </button>
          </div>
        </div>
      )}
      <p className="congregation-facts">
        {congregationRoleLabels[c.role]}
        {c.size ? ` · about ${c.size} people` : ''}
        {detail.networks.length > 0 ? ` · part of ${detail.networks.map((n) => n.name).join(', ')}` : ''}
      </p>
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${c.name}?`}
          confirmLabel="Delete congregation"
          cancelLabel="Keep it"
          busy={busy}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void useCongregations.getState().remove()}
        >
          <p>
            {c.name} leaves your Congregations page{listOf(goes) === '' ? '' : `, with its ${listOf(goes)}`}.
            {detail.networks.length > 0 ? ` It is no longer listed in ${listOf(detail.networks.map((n) => n.name))}.` : ''}
          </p>
          <p>Its crews and the people you know there stay in your archive, untouched: they keep their own pages.</p>
          <p>Undo, right after, brings it all back.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function count(n: number, word: string) {
  if (n === 0) return '';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function EditCongregationForm({ onDone }: { onDone: () => void }) {
  const detail = useCongregations((state) => state.detail);
  const error = useCongregations((state) => state.error);
  const busy = useCongregations((state) => state.busy);
  const c = detail?.congregation;
  const [values, setValues] = useState<CongregationFieldValues>({
    name: c?.name ?? '',
    about: c?.about ?? '',
    size: c?.size === null || c?.size === undefined ? '' : String(c.size),
  });
  if (!c) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { id: c.id, name: values.name, about: values.about, size: parseSize(values.size) };
    if (await useCongregations.getState().run(() => call('congregations.update', input), 'Congregation saved')) onDone();
  };
  const cancel = () => {
    useCongregations.getState().clearError();
    onDone();
  };
  return (
    <form className="form-card edit-record" aria-label="Edit congregation" onSubmit={(event) => void submit(event)}>
      <h1 className="edit-record-title">Edit congregation</h1>
      <CongregationFields values={values} onChange={(patch) => setValues((current) => ({ ...current, ...patch }))} error={error} autoFocus />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save changes
        </button>
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
