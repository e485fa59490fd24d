import { useEffect } from 'react';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { afterPaint } from '../ui/after-paint';
import { useQuickCapture } from './capture/quick-capture-store';
import { friendlyDay } from './dates';
import { useEntryEditor } from './entry-editor-store';
import { useLibrary } from './library/prompts-store';
import { startFromTemplate } from './library/TemplateMenu';
import { useKeptDraftHolds } from '../ui/kept-draft';
import { protectorDraftKey } from './protector/protector-store';
import { commandKey } from './shortcut';
import { useToday } from './today-store';

/**
 * What the journal offers when no entry is open: today's prompt, ways in that suit the moment
 * (a quick capture, a protector reflection, a log of therapy), and entries from this day in
 * earlier years. Nothing here counts days or asks for more.
 */
export function TodayPanel({ compact = false }: { compact?: boolean }) {
  return (
    <div className={compact ? 'today today-compact' : 'today'}>
      <PromptOfTheDay />
      <WaysIn />
      {compact ? null : <OnThisDay />}
      {compact ? null : (
        <p className="today-keys muted">
          <kbd>{commandKey}N</kbd> starts a new entry and <kbd>{commandKey === '⌘' ? '⌘⇧' : 'Ctrl+Shift+'}N</kbd> opens quick capture, from
          anywhere.
        </p>
      )}
    </div>
  );
}

function PromptOfTheDay() {
  const loadToday = useLibrary((state) => state.loadToday);
  const promptId = useLibrary((state) => state.today.self?.id ?? null);
  const prompt = useLibrary((state) => (promptId ? state.prompts[promptId] : undefined));
  const readOnly = useReadOnly();
  useEffect(() => afterPaint(() => void loadToday('self')), [loadToday]);
  if (!prompt) return null;
  return (
    <section className="today-card today-prompt" aria-labelledby="today-prompt-heading">
      <h2 id="today-prompt-heading" className="today-heading">
        Today&rsquo;s prompt
      </h2>
      <p className="today-prompt-text">{prompt.text}</p>
      <button
        type="button"
        className="button"
        disabled={readOnly}
        onClick={() => void useEntryEditor.getState().newEntry({ promptId: prompt.id, rung: 'self' })}
      >
        Write about this
      </button>
    </section>
  );
}

function WaysIn() {
  const go = useNavigation((state) => state.go);
  const openCapture = useQuickCapture((state) => state.open);
  const therapy = useLibrary((state) => state.templates.find((t) => t.kind === 'therapy_log'));
  const readOnly = useReadOnly();
  // A reflection stopped part-way waits for this way in, as it was left.
  const reflectionKept = useKeptDraftHolds<unknown>(protectorDraftKey(null), null, (draft) => draft !== null);
  const logTherapy = () => {
    if (therapy) void startFromTemplate(therapy);
    else void useEntryEditor.getState().newEntry({ kind: 'therapy_log', rung: 'self', title: 'After a therapy session' });
  };
  return (
    <section className="today-card" aria-labelledby="ways-in-heading">
      <h2 id="ways-in-heading" className="today-heading">
        Ways in
      </h2>
      <ul className="ways-in">
        <li>
          <button type="button" className="way-in" disabled={readOnly} onClick={openCapture}>
            <strong>Quick capture</strong>
            <span>A part is loud right now: one line, a few seconds.</span>
          </button>
        </li>
        <li>
          <button type="button" className="way-in" disabled={readOnly} onClick={() => go('self', { kind: 'protector' })}>
            <strong>Get to know a protector</strong>
            <span>
              {reflectionKept ? 'Your answers so far are kept: go on where you stopped.' : 'The 6 F’s, one gentle step at a time.'}
            </span>
          </button>
        </li>
        <li>
          <button type="button" className="way-in" disabled={readOnly} onClick={logTherapy}>
            <strong>Log therapy work</strong>
            <span>Note what happened in a session, to come back to.</span>
          </button>
        </li>
      </ul>
    </section>
  );
}

function OnThisDay() {
  const entries = useToday((state) => state.onThisDay);
  const error = useToday((state) => state.error);
  const load = useToday((state) => state.load);
  const open = useEntryEditor((state) => state.open);
  useEffect(() => afterPaint(() => void load()), [load]);
  return (
    <section className="today-card" aria-labelledby="on-this-day-heading">
      <h2 id="on-this-day-heading" className="today-heading">
        On this day
      </h2>
      {error ? <p className="muted">{error}</p> : null}
      {entries && entries.length === 0 ? (
        <p className="muted">Nothing from this day in earlier years yet. What you write today will be here a year from now.</p>
      ) : null}
      {entries && entries.length > 0 ? (
        <ul className="on-this-day">
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="on-this-day-item" onClick={() => void open(entry.id)}>
                <time dateTime={entry.entryDate}>{friendlyDay(entry.entryDate)}</time>
                <span className="on-this-day-title">{entry.title.trim() || entry.excerpt || 'Untitled'}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
