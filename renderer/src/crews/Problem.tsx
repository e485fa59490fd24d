import type { FormError } from './crews-store';

/**
 * An error note: with `field`, only when the error is about that field (or a part of it, like
 * `actionItems.1.ownerId`); with `fields`, only when it is about none of them.
 */
export function Problem({ error, field, fields, prefix = false }: { error: FormError | null; field?: string; fields?: string[]; prefix?: boolean }) {
  if (!error) return null;
  const about = (f: string) => error.field === f || (prefix && (error.field ?? '').startsWith(`${f}.`));
  if (field !== undefined && !about(field)) return null;
  if (fields !== undefined && error.field !== null && fields.some((f) => error.field === f || (error.field ?? '').startsWith(`${f}.`))) return null;
  return (
    <p className="field-error" role="alert">
      {error.message}
    </p>
  );
}
