import { useEffect, useRef } from 'react';
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

/**
 * Focus for a form's problem: `aim(error)` as a save fails (or a check before it), and once the
 * note has rendered the control it names takes focus (`controls`: field → element id), never the
 * submit button. Returns the error, to pass on to the form's state.
 */
export function useErrorFocus(controls: Readonly<Record<string, string>>) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (error: FormError | null): FormError | null => {
    const field = error?.field ?? null;
    pending.current = field === null ? null : (controls[field] ?? controls[field.split('.')[0] ?? ''] ?? null);
    return error;
  };
}
