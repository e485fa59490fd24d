import { type ReactNode, useId } from 'react';

/** What a control carries while its field has a problem: marked invalid, described by the note. */
export interface InvalidProps {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A small-caps label above its control, tied by id rather than by wrapping: a select wrapped in
 * its label has every option inside the label too, which some screen readers read as its name.
 * With `error`, the note shows right under the control, which is marked invalid and described by it.
 */
export function Field({ label, error, children }: { label: string; error?: string | null; children: (id: string, invalid: InvalidProps) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  const invalid: InvalidProps = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <div className="rung-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id, invalid)}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
