import { type FormEvent, useState } from 'react';
import { type Part, type PartColour, partColours, type PartRole, partRoles } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { colourLabels, partColourVar, roleHints, roleLabels } from './part-labels';
import { usePartPage } from './part-page-store';

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

/** A part's profile, saved with one button: a form with many fields reads better than one that saves as you type. */
export function PartProfileForm({ part }: { part: Part }) {
  const save = usePartPage((state) => state.save);
  const readOnly = useReadOnly();
  const [values, setValues] = useState<Record<TextKey, string>>({
    name: part.name,
    bodyLocation: part.bodyLocation,
    apparentAge: part.apparentAge,
    job: part.job,
    positiveIntent: part.positiveIntent,
    fears: part.fears,
    trailheads: part.trailheads,
    notes: part.notes,
  });
  const [role, setRole] = useState<PartRole>(part.role);
  const [colour, setColour] = useState<PartColour>(part.colour);
  const [trust, setTrust] = useState<number | null>(part.trust);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');

  const change = () => state === 'saved' && setState('idle');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('saving');
    const problem = await save({ ...values, role, colour, trust });
    if (problem) {
      setError({ field: problem.field ?? null, message: problem.message });
      setState('idle');
      return;
    }
    setError(null);
    setState('saved');
  };

  const fieldError = (key: string) => (error?.field === key ? error.message : null);

  return (
    <form className="part-profile" aria-label="Profile" onSubmit={(event) => void submit(event)}>
      <div className="part-profile-grid">
        {textFields.map(({ key, label, hint, long }) => {
          const message = fieldError(key);
          const inputId = `part-${key}`;
          const props = {
            id: inputId,
            className: long ? 'text-input text-area' : 'text-input',
            value: values[key],
            readOnly,
            placeholder: hint,
            'aria-invalid': message ? true : undefined,
            'aria-describedby': message ? `${inputId}-error` : undefined,
            onChange: (event: { target: { value: string } }) => {
              setValues((current) => ({ ...current, [key]: event.target.value }));
              change();
            },
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
            value={role}
            disabled={readOnly}
            onChange={(event) => {
              setRole(event.target.value as PartRole);
              change();
            }}
          >
            {partRoles.map((value) => (
              <option key={value} value={value}>
                {roleLabels[value]}
              </option>
            ))}
          </select>
          <p className="muted small">{roleHints[role]}</p>
        </div>
        <div className="profile-field">
          <label className="field-label" htmlFor="part-trust">
            Trust (0–10)
          </label>
          <select
            id="part-trust"
            className="select"
            value={trust === null ? '' : String(trust)}
            disabled={readOnly}
            onChange={(event) => {
              setTrust(event.target.value === '' ? null : Number(event.target.value));
              change();
            }}
          >
            <option value="">Not sure yet</option>
            {Array.from({ length: 11 }, (_, n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <p className="muted small">How much does it trust you?</p>
        </div>
        <fieldset className="profile-field profile-colours">
          <legend className="field-label">Colour</legend>
          <div className="swatches">
            {partColours.map((value) => (
              <label key={value} className="swatch" title={colourLabels[value]}>
                <input
                  type="radio"
                  name="part-colour"
                  value={value}
                  checked={colour === value}
                  disabled={readOnly}
                  onChange={() => {
                    setColour(value);
                    change();
                  }}
                />
                <span className="swatch-dot" style={{ background: partColourVar(value) }} aria-hidden="true" />
                <span className="visually-hidden">{colourLabels[value]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="part-profile-actions">
        <button type="submit" className="button button-primary" disabled={readOnly || state === 'saving'}>
          Save changes
        </button>
        <p role="status" className="save-status">
          {state === 'saved' ? 'Saved' : ''}
          {error && !error.field ? error.message : ''}
        </p>
      </div>
    </form>
  );
}
