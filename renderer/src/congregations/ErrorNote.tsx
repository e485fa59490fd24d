/** A write's problem, with the form it came from (null: the page itself, e.g. an Undo) and the field it is about. */
export interface FormError {
  message: string;
  field: string | null;
  form: string | null;
}

/** The message for one field of one form, when the last write there was refused about it. */
export function errorAt(error: FormError | null, form: string | null, field: string): string | null {
  return error && error.form === form && error.field === field ? error.message : null;
}

/**
 * A form-wide note: the form's problem that no field of it shows (`fields` are those that show
 * their own). Sits in the form, so it is never out of sight at the top of the page.
 */
export function ErrorNote({ error, form, fields = [] }: { error: FormError | null; form: string | null; fields?: string[] }) {
  if (!error || error.form !== form || (error.field !== null && fields.includes(error.field))) return null;
  return (
    <p className="field-error" role="alert">
      {error.message}
    </p>
  );
}
