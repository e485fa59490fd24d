import { useEffect } from 'react';
import { type CaseNotes, caseGiverTemplate } from '../../../shared/domain/crews';
import { useReadOnly } from '../app/app-info-store';
import { useCaseEditor } from './case-store';
import { SaveStatus } from '../ui/SaveStatus';
import { useSaveGuards } from '../ui/use-save-guards';

const hints: Record<keyof CaseNotes, string> = {
  situation: 'A current, concrete challenge you are central to.',
  who: 'The people and groups it touches, and what they might say.',
  future: 'What would be different if this went well?',
  edge: 'What is hard for you here; what you would need to let go of or learn.',
  help: 'Questions, reflections, images: what would help most from the crew.',
};

/** When I am the focus: Case Clinic's intention statement, saved as I write it. */
export function CaseTemplate({ crewId, notes }: { crewId: string; notes: CaseNotes | null }) {
  const draft = useCaseEditor((state) => (state.crewId === crewId ? state.notes : null));
  const status = useCaseEditor((state) => state.status);
  const error = useCaseEditor((state) => state.error);
  const edit = useCaseEditor((state) => state.edit);
  const readOnly = useReadOnly();
  useSaveGuards(useCaseEditor);
  useEffect(() => {
    useCaseEditor.getState().begin(crewId, notes);
  }, [crewId, notes]);
  useEffect(() => () => void useCaseEditor.getState().flush(), []);
  if (!draft) return null;
  return (
    <section className="crews-panel crews-case" aria-labelledby="prep-case">
      <div className="crews-top">
        <h2 id="prep-case">You are the focus: your case</h2>
        <SaveStatus status={status} error={error} label="Your case" />
      </div>
      <p className="crews-muted">The case clinic's intention statement, about ten minutes to tell. It saves as you write.</p>
      {caseGiverTemplate.map(({ key, label }) => (
        <div key={key} className="crews-field">
          <label className="field-label" htmlFor={`case-${key}`}>
            {label}
          </label>
          <textarea id={`case-${key}`} rows={3} value={draft[key]} readOnly={readOnly} placeholder={hints[key]} onChange={(e) => edit(key, e.target.value)} />
        </div>
      ))}
    </section>
  );
}
