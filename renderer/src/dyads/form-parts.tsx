import type { ReactNode } from 'react';
import { useReadOnly } from '../app/app-info-store';
import type { FormError } from './person-store';

/** Said by a date field whose day does not exist, which the browser would otherwise quietly empty. */
export const notARealDay = 'That isn’t a real day: check the day and month (February has 28 days, 29 in a leap year).';

/** The note under a field when the last save or check was about it. */
export function FieldError({ id, error, field }: { id: string; error: FormError | null; field: string }) {
  if (error?.field !== field) return null;
  return (
    <p className="field-error" id={`${id}-error`}>
      {error.message}
    </p>
  );
}

/** Props that tie a control to its error note, when there is one. */
export function describedBy(id: string, error: FormError | null, field: string) {
  return error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}

/** An error that belongs to no single field, shown above the form's buttons. */
export function FormProblem({ error, fields }: { error: FormError | null; fields: string[] }) {
  if (!error || (error.field !== null && fields.includes(error.field))) return null;
  return (
    <p className="field-error" role="alert">
      {error.message}
    </p>
  );
}

/** What a control in a `FormField` gets: its id, and the ties to its error note when there is one. */
type ControlProps = { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string };

/** A labelled control with its error note under it. */
export function FormField({
  id,
  label,
  error,
  field,
  children,
}: {
  id: string;
  label: ReactNode;
  error: FormError | null;
  field: string;
  children: (control: ControlProps) => ReactNode;
}) {
  return (
    <div className="form-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...describedBy(id, error, field) })}
      <FieldError id={id} error={error} field={field} />
    </div>
  );
}

/** The end of a form: an error that belongs to no field, then save and leave. */
export function FormFooter({
  error,
  fields,
  busy,
  submitLabel,
  leaveLabel = 'Cancel',
  onLeave,
}: {
  error: FormError | null;
  fields: string[];
  busy: boolean;
  submitLabel: string;
  leaveLabel?: string;
  onLeave: () => void;
}) {
  const readOnly = useReadOnly();
  return (
    <>
      <FormProblem error={error} fields={fields} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={readOnly || busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onLeave}>
          {leaveLabel}
        </button>
      </div>
    </>
  );
}
