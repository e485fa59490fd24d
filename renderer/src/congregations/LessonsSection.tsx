import { type FormEvent, useEffect, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay } from '../self/dates';
import { useToasts } from '../ui/toast-store';
import { KeptDraftNote } from '../ui/KeptDraftNote';
import { useKeptChanges } from '../ui/kept-changes';
import { blankLesson, forms, newLessonDraftKey, useCongregations } from './congregations-store';
import { errorAt, ErrorNote } from './ErrorNote';
import { Field } from './Field';
import { useSubmitOnce } from '../ui/use-submit-once';

/** Lessons from crew retrospectives that I choose to share with the congregation, and their Markdown. */
export function LessonsSection() {
  const detail = useCongregations((state) => state.detail);
  if (!detail) return null;
  return <Lessons congregationId={detail.congregation.id} />;
}

function Lessons({ congregationId }: { congregationId: string }) {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  // The lesson being written waits in the archive as a draft (by congregation): Back, another page
  // and a restart find it as it was left, until it is added or the draft is discarded.
  const draft = useKeptChanges(newLessonDraftKey(congregationId), blankLesson());
  const error = useCongregations((state) => state.error);
  const [markdown, setMarkdown] = useState<string | null>(null);
  const sharing = useSubmitOnce();
  // The Markdown shown follows the lessons: one added, deleted or brought back while it is open
  // is in what gets copied, not just in the list above it.
  const lessonsNow = detail?.lessons.map((l) => `${l.id}:${l.text}`).join('\n') ?? '';
  const showingMarkdown = markdown !== null;
  useEffect(() => {
    if (!showingMarkdown) return;
    let current = true;
    void call('congregations.lessonsMarkdown', { id: congregationId })
      .then((result) => current && setMarkdown(result.markdown))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [lessonsNow, showingMarkdown, congregationId]);
  if (!detail) return null;
  const { text, source } = draft.values;
  const edit = draft.edit;
  const chooseSource = (id: string) => {
    const picked = detail.retrospectives.find((r) => r.id === id);
    edit(picked && text.trim() === '' ? { source: id, text: [picked.worked, picked.change].filter((t) => t.trim() !== '').join('\n\n') } : { source: id });
  };
  const share = (event: FormEvent) => {
    event.preventDefault();
    void sharing.run(() => useCongregations.getState().shareLesson(congregationId, draft.values));
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
        {/* Nothing to export yet: the button waits for a first lesson, rather than making an empty file. */}
        <button type="button" className="button" disabled={detail.lessons.length === 0} onClick={() => void exportMarkdown()}>
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
        <KeptDraftNote
          shown={draft.changed}
          saving="add"
          what="the lesson"
          onDiscard={() => {
            draft.clear();
            useCongregations.getState().clearFormError(forms.lesson);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={readOnly || text.trim() === '' || sharing.pending}>
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
