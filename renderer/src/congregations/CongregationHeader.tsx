import { type FormEvent, useState } from 'react';
import { congregationRoleLabels } from '../../../shared/domain/congregations';
import { useReadOnly } from '../app/app-info-store';
import { PageHeading } from '../ui/PageHeading';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { listOf } from '../ui/sentences';
import { useCongregationEditor, useCongregations } from './congregations-store';
import { congregationFieldNames, CongregationFields } from './CongregationFields';
import { AutosavedFormEnd } from '../ui/SaveStatus';
import { escapeSteps } from '../ui/modal-keys';

/** The congregation's name, what it is about and its size, with Edit and Delete beside them. */
export function CongregationHeader() {
  const detail = useCongregations((state) => state.detail);
  const busy = useCongregations((state) => state.busy);
  const readOnly = useReadOnly();
  // Editing lives in the store: it is still open, with its words, after leaving and coming back.
  const editing = useCongregationEditor((state) => state.id !== null && state.id === detail?.congregation.id);
  const [confirming, setConfirming] = useState(false);
  if (!detail) return null;
  const c = detail.congregation;
  // What leaves the page with it (soft-deleted with the congregation, back with Undo).
  const goes = [count(detail.gatherings.length, 'gathering'), count(detail.lessons.length, 'shared lesson')];
  return (
    <>
      {editing ? (
        <EditCongregationForm />
      ) : (
        <div className="record-head">
          <PageHeading lead={c.about || undefined}>{c.name}</PageHeading>
          <div className="record-actions">
            <button type="button" className="button" disabled={readOnly} onClick={() => useCongregationEditor.getState().begin(c.id, { name: c.name, about: c.about, size: c.size === null ? '' : String(c.size) })}>
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
        {c.size ? ` · about ${c.size.toLocaleString('en')} people` : ''}
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

/** Saves as you type, like the journal; Done closes it once everything is saved. */
function EditCongregationForm() {
  const detail = useCongregations((state) => state.detail);
  const draft = useCongregationEditor((state) => state.draft);
  const status = useCongregationEditor((state) => state.status);
  const error = useCongregationEditor((state) => state.error);
  const c = detail?.congregation;
  if (!c || !draft) return null;
  const editor = useCongregationEditor.getState();
  const done = async (event: FormEvent) => {
    event.preventDefault();
    if (await editor.close()) void useCongregations.getState().open(c.id);
  };
  return (
    <form
      className="form-card edit-record"
      aria-label="Edit congregation"
      onSubmit={(event) => void done(event)}
      // It saves as you type, so Escape is Done, as it closes other forms within a page.
      onKeyDown={(event) => escapeSteps(event, () => event.currentTarget.requestSubmit())}
    >
      <h1 className="edit-record-title">Edit congregation</h1>
      <CongregationFields values={draft} onChange={editor.edit} errorAt={(field) => (error?.field === field ? error.message : null)} autoFocus />
      <AutosavedFormEnd status={status} error={error} fields={congregationFieldNames} label="Congregation" />
    </form>
  );
}
