import type { FormEvent } from 'react';
import type { AdaptedPractice } from '../../../shared/domain/network';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { Field } from '../congregations/Field';
import { errorAt, ErrorNote } from '../congregations/ErrorNote';
import { useKeptDraft } from '../ui/kept-draft';
import { networkForms, useNetworks } from './network-store';

const blank = { name: '', learnedFrom: '', howAdapted: '' };

/** Practices adapted from elsewhere: add, correct, and delete with Undo. */
export function PracticesSection({ networkId }: { networkId: string }) {
  const detail = useNetworks((state) => state.detail);
  const readOnly = useReadOnly();
  // Which practice is being corrected, and what was typed, outlast leaving the page.
  const [editing, setEditing, doneEditing] = useKeptDraft<string | null>(`practices:${networkId}:editing`, null);
  if (!detail) return null;
  return (
    <section className="panel wide" aria-labelledby="net-practices">
      <h2 id="net-practices">Practices adapted from elsewhere</h2>
      {detail.practices.length === 0 ? <p className="muted">Which practice from another community could you adapt rather than copy?</p> : null}
      <ul className="lesson-list" aria-label="Adapted practices">
        {detail.practices.map((p) =>
          editing === p.id ? (
            <li key={p.id}>
              <PracticeForm networkId={networkId} practice={p} onDone={doneEditing} />
            </li>
          ) : (
            <li key={p.id} className="row-with-action">
              <div className="row-text">
                <p>
                  <strong>{p.name}</strong>
                  {p.learnedFrom ? <span className="muted"> · from {p.learnedFrom}</span> : null}
                </p>
                {p.howAdapted ? <p>{p.howAdapted}</p> : null}
              </div>
              <div className="row-actions">
                <button type="button" className="button button-quiet" disabled={readOnly} aria-label={`Edit ${p.name}`} onClick={() => setEditing(p.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="button button-quiet button-danger"
                  disabled={readOnly}
                  aria-label={`Delete ${p.name}`}
                  onClick={() =>
                    void useNetworks.getState().undoable(
                      () => call('practices.delete', { id: p.id }),
                      `${p.name} deleted`,
                      () => call('practices.restore', { id: p.id }),
                    )
                  }
                >
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <PracticeForm networkId={networkId} />
    </section>
  );
}

/** A new practice, or (with `practice`) the same fields to correct one. */
function PracticeForm({ networkId, practice, onDone }: { networkId: string; practice?: AdaptedPractice; onDone?: () => void }) {
  const readOnly = useReadOnly();
  const busy = useNetworks((state) => state.busy);
  const error = useNetworks((state) => state.error);
  const form = practice ? networkForms.practice(practice.id) : networkForms.newPractice;
  const [fields, setFields, clearFields] = useKeptDraft(
    practice ? `practice:${practice.id}` : `practices:${networkId}:new`,
    practice ? { name: practice.name, learnedFrom: practice.learnedFrom, howAdapted: practice.howAdapted } : blank,
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await useNetworks
      .getState()
      .run(() => (practice ? call('practices.update', { id: practice.id, ...fields }) : call('practices.add', { networkId, ...fields })), 'Practice saved', form);
    if (!ok) return;
    clearFields();
    onDone?.();
  };
  return (
    <form className="form-card" aria-label={practice ? 'Edit practice' : 'Add an adapted practice'} onSubmit={(e) => void submit(e)}>
      <div className="form-row">
        <Field label="Practice" error={errorAt(error, form, 'name')}>
          {(id, invalid) => (
            <input id={id} value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} autoFocus={practice !== undefined} {...invalid} />
          )}
        </Field>
        <Field label="Learned from" error={errorAt(error, form, 'learnedFrom')}>
          {(id, invalid) => <input id={id} value={fields.learnedFrom} onChange={(e) => setFields({ ...fields, learnedFrom: e.target.value })} {...invalid} />}
        </Field>
      </div>
      <Field label="How I adapted it" error={errorAt(error, form, 'howAdapted')}>
        {(id, invalid) => <textarea id={id} rows={2} value={fields.howAdapted} onChange={(e) => setFields({ ...fields, howAdapted: e.target.value })} {...invalid} />}
      </Field>
      <ErrorNote error={error} form={form} fields={['name', 'learnedFrom', 'howAdapted']} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={readOnly || busy || fields.name.trim() === ''}>
          {practice ? 'Save changes' : 'Save practice'}
        </button>
        {practice ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              clearFields();
              onDone?.();
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
