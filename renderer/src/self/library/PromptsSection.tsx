import { type FormEvent, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RungId } from '../../../../shared/domain/journal';
import { rungIds } from '../../../../shared/domain/journal';
import type { Prompt } from '../../../../shared/domain/prompts';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { useEntryEditor } from '../entry-editor-store';
import { useJournal } from '../journal-store';
import { rungLabels } from '../parts/part-labels';
import { useLibrary } from './prompts-store';

/** Prompts rung by rung: today's, the rest, your own, and the archived ones when asked for. */
export function PromptsSection() {
  const [rung, setRung] = useState<RungId>('self');
  const [showArchived, setShowArchived] = useState(false);
  const loadToday = useLibrary((state) => state.loadToday);
  const todayId = useLibrary((state) => state.today[rung]?.id ?? null);
  const ids = useLibrary(
    useShallow((state) => state.promptIds.filter((id) => state.prompts[id]?.rung === rung && (showArchived || !state.prompts[id]?.archived))),
  );

  useEffect(() => {
    void loadToday(rung);
  }, [rung, loadToday]);

  return (
    <section className="library-section" aria-labelledby="prompts-heading">
      <div className="view-head">
        <h2 id="prompts-heading">Prompts</h2>
        <p className="view-lead">Questions to write from, for every rung of the ladder. Each rung has a prompt of the day; it stays the same all day.</p>
      </div>
      <div className="rung-switch" role="group" aria-label="Rung">
        {rungIds.map((value) => (
          <button key={value} type="button" className="chip" aria-pressed={rung === value} onClick={() => setRung(value)}>
            {rungLabels[value]}
          </button>
        ))}
      </div>
      <ul className="prompt-list" aria-label={`${rungLabels[rung]} prompts`}>
        {ids.map((id) => (
          <PromptItem key={id} id={id} isToday={id === todayId} />
        ))}
      </ul>
      <label className="show-archived">
        <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
        Show archived prompts
      </label>
      <NewPromptForm rung={rung} />
    </section>
  );
}

function PromptItem({ id, isToday }: { id: string; isToday: boolean }) {
  const prompt = useLibrary((state) => state.prompts[id]);
  const archive = useLibrary((state) => state.archivePrompt);
  const [editing, setEditing] = useState(false);
  const readOnly = useReadOnly();
  if (!prompt) return null;
  return (
    <li className={prompt.archived ? 'prompt-item archived' : 'prompt-item'}>
      {editing ? (
        <EditPrompt prompt={prompt} done={() => setEditing(false)} />
      ) : (
        <>
          <p className="prompt-text">
            {isToday ? <span className="prompt-badge">Today</span> : null}
            {prompt.source === 'user' ? <span className="prompt-badge prompt-badge-yours">Yours</span> : null}
            {prompt.archived ? <span className="prompt-badge">Archived</span> : null}
            {prompt.text}
          </p>
          <div className="prompt-actions">
            <WriteAbout prompt={prompt} />
            <EntriesFor prompt={prompt} />
            {prompt.source === 'user' ? (
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={`Edit ${quoted(prompt.text)}`}
                disabled={readOnly}
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
            ) : null}
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={`${prompt.archived ? 'Bring back' : 'Archive'} ${quoted(prompt.text)}`}
              disabled={readOnly}
              onClick={() => void archive(prompt.id, !prompt.archived)}
            >
              {prompt.archived ? 'Bring back' : 'Archive'}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** A prompt named inside a button's name: each of the list's buttons says which prompt it is for. */
function quoted(text: string) {
  return `“${text.trim()}”`;
}

export function WriteAbout({ prompt }: { prompt: Prompt }) {
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  return (
    <button
      type="button"
      className="button button-small"
      aria-label={`Write about ${quoted(prompt.text)}`}
      disabled={readOnly}
      onClick={() => {
        go('self');
        void useEntryEditor.getState().newEntry({ promptId: prompt.id, rung: prompt.rung });
      }}
    >
      Write about this
    </button>
  );
}

function EntriesFor({ prompt }: { prompt: Prompt }) {
  const go = useNavigation((state) => state.go);
  return (
    <button
      type="button"
      className="button button-quiet button-small"
      aria-label={`Entries about ${quoted(prompt.text)}`}
      onClick={() => {
        go('self');
        void useJournal.getState().setFilter({ promptId: prompt.id });
      }}
    >
      Entries
    </button>
  );
}

function EditPrompt({ prompt, done }: { prompt: Prompt; done: () => void }) {
  const update = useLibrary((state) => state.updatePrompt);
  const [text, setText] = useState(prompt.text);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update(prompt.id, text);
    if ('code' in result) setError(result.message);
    else done();
  };
  return (
    <form className="prompt-edit" aria-label="Edit prompt" onSubmit={(event) => void submit(event)}>
      <label className="visually-hidden" htmlFor={`edit-${prompt.id}`}>
        Prompt
      </label>
      <textarea id={`edit-${prompt.id}`} className="text-input text-area" rows={2} value={text} onChange={(event) => setText(event.target.value)} />
      {error ? <p className="field-error">{error}</p> : null}
      <div className="inline-form">
        <button type="submit" className="button button-primary button-small">
          Save prompt
        </button>
        <button type="button" className="button button-quiet button-small" onClick={done}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewPromptForm({ rung }: { rung: RungId }) {
  const create = useLibrary((state) => state.createPrompt);
  const readOnly = useReadOnly();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create(rung, text);
    if ('code' in result) {
      setError(result.message);
      return;
    }
    setText('');
    setError(null);
  };
  return (
    <form className="new-prompt" aria-label="Add your own prompt" onSubmit={(event) => void submit(event)}>
      <label className="field-label" htmlFor="new-prompt-text">
        Your own prompt for {rungLabels[rung]}
      </label>
      <textarea
        id="new-prompt-text"
        className="text-input text-area"
        rows={2}
        value={text}
        disabled={readOnly}
        placeholder="A question you'd like to come back to"
        aria-invalid={error ? true : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {error ? <p className="field-error">{error}</p> : null}
      <button type="submit" className="button" disabled={readOnly}>
        Add prompt
      </button>
    </form>
  );
}
