import { type ReactNode, useId } from 'react';

/**
 * A small-caps label above its control, tied by id rather than by wrapping: a select wrapped in
 * its label has every option inside the label too, which some screen readers read as its name.
 */
export function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="rung-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id)}
    </div>
  );
}
