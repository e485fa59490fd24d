import { type CongregationRole, congregationRoleLabels, congregationRoles } from '../../../shared/domain/congregations';
import type { FormError } from './congregations-store';
import { ErrorNote } from './ErrorNote';
import { Field } from './Field';

/** What the new- and edit-congregation forms both ask for, as typed (size stays text until saved). */
export interface CongregationFieldValues {
  name: string;
  about: string;
  size: string;
}

/** An empty size means the size isn't known. */
export function parseSize(size: string): number | null {
  return size.trim() === '' ? null : Number(size);
}

/** The name, what it is about and the approximate size, each with its error note. */
export function CongregationFields({
  values,
  onChange,
  error,
  autoFocus,
}: {
  values: CongregationFieldValues;
  onChange: (patch: Partial<CongregationFieldValues>) => void;
  error: FormError | null;
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field label="Name">
        {(id) => (
          <input
            id={id}
            value={values.name}
            onChange={(e) => onChange({ name: e.target.value })}
            required
            autoFocus={autoFocus}
            aria-invalid={error?.field === 'name' || undefined}
          />
        )}
      </Field>
      <ErrorNote error={error} field="name" />
      <Field label="What it is about">
        {(id) => <textarea id={id} value={values.about} rows={2} onChange={(e) => onChange({ about: e.target.value })} />}
      </Field>
      <Field label="Approximate size (people)">
        {(id) => (
          <input
            id={id}
            type="number"
            inputMode="numeric"
            value={values.size}
            onChange={(e) => onChange({ size: e.target.value })}
            aria-invalid={error?.field === 'size' || undefined}
          />
        )}
      </Field>
      <ErrorNote error={error} field="size" />
    </>
  );
}

/** The person's own role in a congregation, as a labelled choice (joining one, or changing it later). */
export function RoleField({ label, value, onChange }: { label: string; value: CongregationRole; onChange: (role: CongregationRole) => void }) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as CongregationRole)}>
          {congregationRoles.map((r) => (
            <option key={r} value={r}>
              {congregationRoleLabels[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
