import { type FormEvent, useState } from 'react';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay, localDay } from '../self/dates';
import { useToasts } from '../ui/toast-store';
import { useCongregations } from './congregations-store';
import { Field } from './Field';

/** Lessons from crew retrospectives that I choose to share with the congregation, and their Markdown. */
export function LessonsSection() {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [markdown, setMarkdown] = useState<string | null>(null);
  if (!detail) return null;
  const congregationId = detail.congregation.id;
  const retro = detail.retrospectives.find((r) => r.id === source) ?? null;
  const chooseSource = (id: string) => {
    setSource(id);
    const picked = detail.retrospectives.find((r) => r.id === id);
    if (picked && text.trim() === '') setText([picked.worked, picked.change].filter((t) => t.trim() !== '').join('\n\n'));
  };
  const share = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await useCongregations
      .getState()
      .run(
        () => call('lessons.share', { congregationId, text, retrospectiveId: retro?.id ?? null, crewId: retro?.crewId ?? null, sharedOn: localDay() }),
        'Lesson shared',
      );
    if (ok) {
      setText('');
      setSource('');
    }
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
      {detail.lessons.length === 0 ? <p className="muted">Nothing shared yet. What has a crew here learned that others could use?</p> : null}
      <ul className="lesson-list" aria-label="Shared lessons">
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
      <form className="form-card" aria-label="Share a lesson" onSubmit={(e) => void share(e)}>
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
        <Field label="Lesson">{(id) => <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}</Field>
        <p className="hint">Only what you write here is shared; the retrospective itself stays private.</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={readOnly || text.trim() === ''}>
            Share lesson
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
