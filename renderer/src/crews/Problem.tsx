import type { FormError } from './crews-store';

/** Whether an error is about a field (or, with `prefix`, a part of it, like `actionItems.1.ownerId`). */
export function isAbout(error: FormError | null, field: string, prefix = false) {
  if (!error) return false;
  return error.field === field || (prefix && (error.field ?? '').startsWith(`${field}.`));
}

/**
 * An error note: with `field`, only when the error is about that field (or a part of it, like
 * `actionItems.1.ownerId`); with `fields`, only when it is about none of them.
 */
export function Problem({ error, field, fields, prefix = false, id }: { error: FormError | null; field?: string; fields?: string[]; prefix?: boolean; id?: string }) {
  if (!error) return null;
  if (field !== undefined && !isAbout(error, field, prefix)) return null;
  if (fields !== undefined && error.field !== null && fields.some((f) => error.field === f || (error.field ?? '').startsWith(`${f}.`))) return null;
  return (
    <p className="field-error" role="alert" id={id}>
      {error.message}
    </p>
  );
}
