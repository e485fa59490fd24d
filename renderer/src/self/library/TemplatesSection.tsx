import { type FormEvent, useRef, useState } from 'react';
import { rungIds, type RungId } from '../../../../shared/domain/journal';
import type { Template } from '../../../../shared/domain/prompts';
import type { LadderError } from '../../../../shared/errors';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { kindLabels, rungLabels } from '../parts/part-labels';
import { useLibrary } from './prompts-store';
import { startFromTemplate } from './TemplateMenu';

/** Templates: use one, change one, or add your own. */
export function TemplatesSection() {
  const templates = useLibrary((state) => state.templates);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const readOnly = useReadOnly();
  return (
    <section className="library-section" aria-labelledby="templates-heading">
      <div className="view-head">
        <h2 id="templates-heading">Templates</h2>
        <p className="view-lead">A shape to start an entry from. Change any of them, or add your own.</p>
      </div>
      <ul className="template-list" aria-label="Templates">
        {templates.map((template) =>
          editing === template.id ? (
            <li key={template.id} className="template-item">
              <TemplateForm template={template} done={() => setEditing(null)} />
            </li>
          ) : (
            <TemplateItem key={template.id} template={template} edit={() => setEditing(template.id)} />
          ),
        )}
      </ul>
      {adding ? (
        <TemplateForm template={null} done={() => setAdding(false)} />
      ) : (
        <button type="button" className="button" disabled={readOnly} onClick={() => setAdding(true)}>
          Add a template
        </button>
      )}
    </section>
  );
}

function TemplateItem({ template, edit }: { template: Template; edit: () => void }) {
  const remove = useLibrary((state) => state.deleteTemplate);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const headings = template.body
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3));
  return (
    <li className="template-item">
      <div className="template-text">
        <p className="template-name">{template.name}</p>
        <p className="muted small">
          {[template.rung ? rungLabels[template.rung] : null, template.kind !== 'journal' ? kindLabels[template.kind] : null, template.source === 'user' ? 'Yours' : null]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {headings.length > 0 ? <p className="template-headings">{headings.join(' · ')}</p> : null}
      </div>
      <div className="prompt-actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`Use ${template.name}`}
          disabled={readOnly}
          onClick={() => {
            go('self');
            void startFromTemplate(template);
          }}
        >
          Use
        </button>
        <button type="button" className="button button-quiet button-small" aria-label={`Edit ${template.name}`} disabled={readOnly} onClick={edit}>
          Edit
        </button>
        <button
          type="button"
          className="button button-quiet button-small button-danger"
          aria-label={`Delete ${template.name}`}
          disabled={readOnly}
          onClick={() => void remove(template.id)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

type TemplateField = 'name' | 'body' | 'rung';

/** Which field a refusal is about: shown there, marked, and focused; anything else under the form. */
function fieldOf(problem: LadderError): TemplateField | null {
  const field = problem.field?.split('.')[0];
  return field === 'name' || field === 'body' || field === 'rung' ? field : null;
}

function TemplateForm({ template, done }: { template: Template | null; done: () => void }) {
  const create = useLibrary((state) => state.createTemplate);
  const update = useLibrary((state) => state.updateTemplate);
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '## \n\n');
  const [rung, setRung] = useState<RungId | null>(template?.rung ?? null);
  const [error, setError] = useState<{ message: string; field: TemplateField | null } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const rungRef = useRef<HTMLSelectElement>(null);
  const prefix = template?.id ?? 'new';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = template ? await update({ id: template.id, name, body, rung }) : await create({ name, body, rung });
    if ('code' in result) {
      const field = fieldOf(result);
      setError({ message: result.message, field });
      // Where the note is: that is where to type next.
      if (field === 'name') nameRef.current?.focus();
      else if (field === 'body') bodyRef.current?.focus();
      else if (field === 'rung') rungRef.current?.focus();
    } else done();
  };
  /** Marks a field that the note is about, and ties the note to it. */
  const marked = (field: TemplateField) =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${prefix}-template-${field}-error` } : {};
  const note = (field: TemplateField | null) =>
    error && error.field === field ? (
      <p className="field-error" id={field ? `${prefix}-template-${field}-error` : undefined}>
        {error.message}
      </p>
    ) : null;
  return (
    <form className="template-form" aria-label={template ? `Edit ${template.name}` : 'New template'} onSubmit={(event) => void submit(event)}>
      <div className="template-form-row">
        <div className="profile-field">
          <label className="field-label" htmlFor={`${prefix}-template-name`}>
            Template name
          </label>
          <input
            ref={nameRef}
            id={`${prefix}-template-name`}
            className="text-input"
            value={name}
            autoComplete="off"
            onChange={(event) => setName(event.target.value)}
            {...marked('name')}
          />
          {note('name')}
        </div>
        <div className="profile-field">
          <label className="field-label" htmlFor={`${prefix}-template-rung`}>
            Rung
          </label>
          <select
            ref={rungRef}
            id={`${prefix}-template-rung`}
            className="select"
            value={rung ?? ''}
            onChange={(event) => setRung(event.target.value === '' ? null : (event.target.value as RungId))}
            {...marked('rung')}
          >
            <option value="">None</option>
            {rungIds.map((value) => (
              <option key={value} value={value}>
                {rungLabels[value]}
              </option>
            ))}
          </select>
          {note('rung')}
        </div>
      </div>
      <div className="profile-field">
        <label className="field-label" htmlFor={`${prefix}-template-body`}>
          What the entry starts with
        </label>
        <textarea
          ref={bodyRef}
          id={`${prefix}-template-body`}
          className="text-input text-area template-body"
          rows={8}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          {...marked('body')}
        />
        {note('body')}
        <p className="muted small">Lines starting with ## become headings to write under.</p>
      </div>
      {note(null)}
      <div className="inline-form">
        <button type="submit" className="button button-primary">
          Save template
        </button>
        <button type="button" className="button button-quiet" onClick={done}>
          Cancel
        </button>
      </div>
    </form>
  );
}
