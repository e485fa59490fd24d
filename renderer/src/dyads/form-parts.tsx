import type { FormError } from './person-store';

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
