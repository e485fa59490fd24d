import { type CongregationRole, congregationRoleLabels, congregationRoles } from '../../../shared/domain/congregations';
import { Field } from './Field';

/** What the new- and edit-congregation forms both ask for, as typed (size stays text until saved). */
export interface CongregationFieldValues {
  name: string;
  about: string;
  size: string;
}

/** The fields that show their own note; any other problem shows form-wide. */
export const congregationFieldNames = ['name', 'about', 'size'];

/** An empty size means the size isn't known. */
export function parseSize(size: string): number | null {
  return size.trim() === '' ? null : Number(size);
}

/** The name, what it is about and the approximate size, each with its note when it has a problem. */
export function CongregationFields({
  values,
  onChange,
  errorAt,
  autoFocus,
}: {
  values: CongregationFieldValues;
  onChange: (patch: Partial<CongregationFieldValues>) => void;
  /** The problem with a field, if the last save was refused about it. */
  errorAt: (field: keyof CongregationFieldValues) => string | null;
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field label="Name" error={errorAt('name')}>
        {(id, invalid) => <input id={id} value={values.name} onChange={(e) => onChange({ name: e.target.value })} required autoFocus={autoFocus} {...invalid} />}
      </Field>
      <Field label="What it is about" error={errorAt('about')}>
        {(id, invalid) => <textarea id={id} value={values.about} rows={2} onChange={(e) => onChange({ about: e.target.value })} {...invalid} />}
      </Field>
      <Field label="Approximate size (people)" error={errorAt('size')}>
        {(id, invalid) => (
          <input id={id} type="number" inputMode="numeric" value={values.size} onChange={(e) => onChange({ size: e.target.value })} {...invalid} />
        )}
      </Field>
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
