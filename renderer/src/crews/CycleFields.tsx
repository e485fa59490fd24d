import type { ReactNode } from 'react';
import { crewFormats, type CrewFormat } from '../../../shared/domain/crews';
import { Field } from './CrewForm';
import type { FormError } from './crews-store';
import { formatNames } from './labels';

export interface CycleValues {
  format: CrewFormat;
  formatNote: string;
  rhythm: string;
  sessions: string;
  endOn: string;
}

/** A crew's format, rhythm and cycle: the same fields when calling a crew and when editing it. */
export function CycleFields({
  idPrefix,
  values,
  onChange,
  error,
  children,
}: {
  idPrefix: string;
  values: CycleValues;
  onChange: (patch: Partial<CycleValues>) => void;
  error: FormError | null;
  /** More fields at the end of the rhythm row (the day a new crew was called). */
  children?: ReactNode;
}) {
  return (
    <>
      <div className="crews-row">
        <Field id={`${idPrefix}-format`} label="Format" error={error} field="format">
          <select id={`${idPrefix}-format`} value={values.format} onChange={(e) => onChange({ format: e.target.value as CrewFormat })}>
            {crewFormats.map((f) => (
              <option key={f} value={f}>
                {formatNames[f]}
              </option>
            ))}
          </select>
        </Field>
        {values.format === 'custom' ? (
          <Field id={`${idPrefix}-format-note`} label="Which format" error={error} field="formatNote">
            <input id={`${idPrefix}-format-note`} type="text" value={values.formatNote} onChange={(e) => onChange({ formatNote: e.target.value })} />
          </Field>
        ) : null}
      </div>
      <div className="crews-row">
        <Field id={`${idPrefix}-rhythm`} label="Meet every … days" error={error} field="rhythmDays">
          <input id={`${idPrefix}-rhythm`} type="number" value={values.rhythm} onChange={(e) => onChange({ rhythm: e.target.value })} />
        </Field>
        <Field id={`${idPrefix}-sessions`} label="Sessions in this cycle" error={error} field="cycleSessions">
          <input id={`${idPrefix}-sessions`} type="number" value={values.sessions} onChange={(e) => onChange({ sessions: e.target.value })} />
        </Field>
        <Field id={`${idPrefix}-end`} label="Cycle ends on (optional)" error={error} field="cycleEndOn">
          <input id={`${idPrefix}-end`} type="date" value={values.endOn} onChange={(e) => onChange({ endOn: e.target.value })} />
        </Field>
        {children}
      </div>
    </>
  );
}
