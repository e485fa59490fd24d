import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay } from '../self/dates';
import { useToasts } from '../ui/toast-store';
import { forms, useCongregations } from './congregations-store';
import { errorAt, ErrorNote } from './ErrorNote';
import { Field } from './Field';

/** Lessons from crew retrospectives that I choose to share with the congregation, and their Markdown. */
export function LessonsSection() {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  // The lesson being written is kept in the store, so it is still there after leaving the page.
  const draft = useCongregations((state) => state.lesson);
  const error = useCongregations((state) => state.error);
  const [markdown, setMarkdown] = useState<string | null>(null);
  if (!detail) return null;
  const congregationId = detail.congregation.id;
  const mine = draft?.congregationId === congregationId ? draft : null;
  const text = mine?.text ?? '';
  const source = mine?.source ?? '';
  const edit = (patch: { text?: string; source?: string }) => useCongregations.getState().editLesson(congregationId, patch);
  const chooseSource = (id: string) => {
    const picked = detail.retrospectives.find((r) => r.id === id);
    edit(picked && text.trim() === '' ? { source: id, text: [picked.worked, picked.change].filter((t) => t.trim() !== '').join('\n\n') } : { source: id });
  };
  const share = (event: FormEvent) => {
    event.preventDefault();
    void useCongregations.getState().shareLesson();
  };
  const exportMarkdown = async () => {
    const result = await call('congregations.lessonsMarkdown', { id: congregationId });
    setMarkdown(result.markdown);
  };
  const copy = async () => {
    if (markdown === null) return;
    await navigator.clipboard?.writeText(markdown).catch(() => undefined);
    useToasts.getState().show('Copied the lessons as Markdown');
  };
  return (
    <section className="panel wide" aria-labelledby="lessons-title">
      <div className="panel-head">
        <h2 id="lessons-title">Lessons to share</h2>
        <button type="button" className="button" onClick={() => void exportMarkdown()}>
          Export lessons as Markdown
        </button>
      </div>
      {detail.lessons.length === 0 ? <p className="muted">No lessons yet. What has a crew here learned that others could use?</p> : null}
      <ul className="lesson-list" aria-label="Lessons to share">
        {detail.lessons.map((lesson) => (
          <li key={lesson.id} className="row-with-action">
            <div className="row-text">
              <p>{lesson.text}</p>
              <p className="muted">
                {friendlyDay(lesson.sharedOn)}
                {lesson.crewName ? ` · from ${lesson.crewName}` : ''}
              </p>
            </div>
            <button
              type="button"
              className="button button-quiet button-danger row-remove"
              disabled={readOnly}
              aria-label={`Delete the lesson “${short(lesson.text)}”`}
              onClick={() =>
                void useCongregations
                  .getState()
                  .undoable(
                    () => call('lessons.delete', { id: lesson.id }),
                    'Lesson deleted',
                    () => call('lessons.restore', { id: lesson.id }),
                  )
              }
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      <form className="form-card" aria-label="Add a lesson" onSubmit={share}>
        {detail.retrospectives.length > 0 ? (
          <Field label="From a crew retrospective (optional)">
            {(id) => (
              <select id={id} value={source} onChange={(e) => chooseSource(e.target.value)}>
                <option value="">None</option>
                {detail.retrospectives.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.crewName}, {friendlyDay(r.heldOn)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field label="Lesson" error={errorAt(error, forms.lesson, 'text')}>
          {(id, invalid) => <textarea id={id} rows={3} value={text} onChange={(e) => edit({ text: e.target.value })} {...invalid} />}
        </Field>
        <p className="hint">
          Nothing is sent anywhere: lessons stay on this computer until you export them as Markdown to pass on. Only what you write here goes in;
          the retrospective itself stays private.
        </p>
        <ErrorNote error={error} form={forms.lesson} fields={['text']} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={readOnly || text.trim() === ''}>
            Add lesson
          </button>
        </div>
      </form>
      {markdown !== null ? (
        <div className="markdown-export">
          <Field label="Lessons as Markdown">{(id) => <textarea id={id} readOnly rows={8} value={markdown} />}</Field>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void copy()}>
              Copy Markdown
            </button>
            <button type="button" className="button button-quiet" onClick={() => setMarkdown(null)}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** The start of a lesson, enough to tell which one a button acts on. */
function short(text: string) {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 48 ? `${line.slice(0, 47)}…` : line;
}
