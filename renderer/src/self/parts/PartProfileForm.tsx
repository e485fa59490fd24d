import { useEffect, useLayoutEffect } from 'react';
import { type Part, partColours, type PartRole, partRoles } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { useSaveGuards } from '../../ui/use-save-guards';
import { colourLabels, partColourVar, roleHints, roleLabels } from './part-labels';
import { type ProfileError, type ProfileStatus, usePartProfile } from './part-profile-store';

type TextKey = 'name' | 'bodyLocation' | 'apparentAge' | 'job' | 'positiveIntent' | 'fears' | 'trailheads' | 'notes';

const textFields: { key: TextKey; label: string; hint?: string; long?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'bodyLocation', label: 'Where you feel it in your body' },
  { key: 'apparentAge', label: 'How old it seems' },
  { key: 'job', label: 'Its job', hint: 'What does it do?', long: true },
  { key: 'positiveIntent', label: 'Its positive intent', hint: 'What is it trying to do for you?', long: true },
  { key: 'fears', label: 'What it fears would happen if it stopped', long: true },
  { key: 'trailheads', label: 'Trailheads', hint: 'What sets it off?', long: true },
  { key: 'notes', label: 'Notes', long: true },
];

/** A part's profile. It saves itself a moment after you stop typing, like the journal and check-ins. */
export function PartProfileForm({ part }: { part: Part }) {
  const draft = usePartProfile((state) => (state.partId === part.id ? state.draft : null));
  const error = usePartProfile((state) => state.error);
  const edit = usePartProfile((state) => state.edit);
  const readOnly = useReadOnly();
  useSaveGuards(usePartProfile);

  useLayoutEffect(() => {
    usePartProfile.getState().begin(part);
    // Only when another part opens: later saves must not replace what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [part.id]);

  // Whatever is pending is saved on the way out, and anything that could not be is said plainly.
  useEffect(() => () => void usePartProfile.getState().leave(), []);

  if (!draft) return null;
  const fieldError = (key: string) => (error?.field === key ? error.message : null);

  return (
    <form className="part-profile" aria-label="Profile" onSubmit={(event) => event.preventDefault()}>
      <div className="part-profile-grid">
        {textFields.map(({ key, label, hint, long }) => {
          const message = fieldError(key);
          const inputId = `part-${key}`;
          const props = {
            id: inputId,
            className: long ? 'text-input text-area' : 'text-input',
            value: draft[key],
            readOnly,
            placeholder: hint,
            'aria-invalid': message ? true : undefined,
            'aria-describedby': message ? `${inputId}-error` : undefined,
            onChange: (event: { target: { value: string } }) => edit({ [key]: event.target.value }),
          };
          return (
            <div key={key} className={long ? 'profile-field profile-field-long' : 'profile-field'}>
              <label className="field-label" htmlFor={inputId}>
                {label}
              </label>
              {long ? <textarea rows={2} {...props} /> : <input type="text" autoComplete="off" {...props} />}
              {message ? (
                <p className="field-error" id={`${inputId}-error`}>
                  {message}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="profile-field">
          <label className="field-label" htmlFor="part-role">
            Role
          </label>
          <select
            id="part-role"
            className="select"
            value={draft.role}
            disabled={readOnly}
            aria-describedby="part-role-hint"
            onChange={(event) => edit({ role: event.target.value as PartRole })}
          >
            {partRoles.map((value) => (
              <option key={value} value={value}>
                {roleLabels[value]}
              </option>
            ))}
          </select>
          <p className="muted small" id="part-role-hint">
            {roleHints[draft.role]}
          </p>
        </div>
        <div className="profile-field">
          <label className="field-label" htmlFor="part-trust">
            Trust (0–10)
          </label>
          <select
            id="part-trust"
            className="select"
            value={draft.trust === null ? '' : String(draft.trust)}
            disabled={readOnly}
            aria-describedby="part-trust-hint"
            onChange={(event) => edit({ trust: event.target.value === '' ? null : Number(event.target.value) })}
          >
            <option value="">Not sure yet</option>
            {Array.from({ length: 11 }, (_, n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <p className="muted small" id="part-trust-hint">
            How much does it trust you?
          </p>
        </div>
        <fieldset className="profile-field profile-colours">
          <legend className="field-label">Colour</legend>
          <div className="swatches">
            {partColours.map((value) => (
              <label key={value} className="swatch" title={colourLabels[value]}>
                <input type="radio" name="part-colour" value={value} checked={draft.colour === value} disabled={readOnly} onChange={() => edit({ colour: value })} />
                <span className="swatch-dot" style={{ background: partColourVar(value) }} aria-hidden="true" />
                <span className="visually-hidden">{colourLabels[value]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="part-profile-actions">
        <SaveStatus />
      </div>
    </form>
  );
}

const fieldLabels: Record<string, string> = Object.fromEntries(textFields.map(({ key, label }) => [key, label]));

function statusText(status: ProfileStatus, error: ProfileError | null): string {
  if (status === 'saving') return 'Saving…';
  if (status === 'saved') return 'Saved';
  // Where "Save changes" used to be, so nobody looks for a button.
  if (status !== 'error' || !error) return 'Saves as you type';
  if (error.field === 'name') return 'Everything but the name is saved. See the note by Name.';
  const label = error.field ? fieldLabels[error.field] : undefined;
  return label ? `Not saved yet. See the note by ${label}.` : error.message;
}

/** "Saving…", "Saved", or what is waiting, in one polite live region. */
function SaveStatus() {
  const status = usePartProfile((state) => state.status);
  const error = usePartProfile((state) => state.error);
  return (
    <p role="status" className={`save-status save-status-${status}`}>
      {statusText(status, error)}
    </p>
  );
}
