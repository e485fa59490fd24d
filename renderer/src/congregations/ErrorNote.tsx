import type { FormError } from './congregations-store';

/** The note under a field (or, with `field={null}`, a form-wide note) when the last write was about it. */
export function ErrorNote({ error, field }: { error: FormError | null; field: string | null }) {
  if (!error) return null;
  if (field === null ? error.field !== null && knownFields.has(error.field) : error.field !== field) return null;
  return (
    <p className="field-error" role="alert">
      {error.message}
    </p>
  );
}

/** Fields that have their own note; errors about any other field show form-wide. */
const knownFields = new Set(['name', 'size']);
