import { useEffect, useRef, useState } from 'react';
import { type PartStatus, partStatuses } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useKeptDraftHolds } from '../../ui/kept-draft';
import { friendlyDay } from '../dates';
import { protectorDraftKey } from '../protector/protector-store';
import { useEntryEditor } from '../entry-editor-store';
import { startFromTemplate } from '../library/TemplateMenu';
import { useLibrary } from '../library/prompts-store';
import { kindLabels, roleLabels, statusLabels } from './part-labels';
import { usePartPage } from './part-page-store';
import { usePartProfile } from './part-profile-store';
import { PartProfileForm } from './PartProfileForm';
import { PartRelations } from './PartRelations';
import { PartShape } from './PartShape';
import { useParts } from './parts-store';
import { dateFormat } from '../../ui/date-format';
import { afterPaint } from '../../ui/after-paint';

const dateTime = dateFormat({ day: 'numeric', month: 'long', year: 'numeric' });

/** One part: who it is, where it is on its path, how it relates to others, and when it showed up. */
export function PartPage({ id }: { id: string }) {
  const open = usePartPage((state) => state.open);
  const status = usePartPage((state) => state.status);
  const error = usePartPage((state) => state.error);
  const detail = usePartPage((state) => (state.partId === id ? state.detail : null));
  const remove = useParts((state) => state.remove);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const reflectionKept = useKeptDraftHolds<unknown>(protectorDraftKey(id), null, (draft) => draft !== null);

  useEffect(() => {
    void open(id);
  }, [id, open]);

  useEffect(() => {
    if (detail && useNavigation.getState().moves > 0) heading.current?.focus();
    // Only when this part first appears, not on every save.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail?.part.id]);

  const back = (
    <button type="button" className="link-button back-link" onClick={() => go('self', { kind: 'parts' })}>
      ← All parts
    </button>
  );

  if (status === 'error') {
    return (
      <section className="self-view part-page">
        {back}
        <p className="field-error">{error}</p>
      </section>
    );
  }
  if (!detail) return <section className="self-view part-page">{back}</section>;
  const { part } = detail;

  return (
    <article className="self-view part-page" aria-labelledby="part-heading">
      {back}
      <header className="part-header">
        <PartShape role={part.role} colour={part.colour} size={44} />
        <div>
          <h2 id="part-heading" ref={heading} tabIndex={-1}>
            {part.name}
          </h2>
          <p className="muted">
            {roleLabels[part.role]} · {statusLabels[part.status]}
            {part.trust !== null ? ` · trust ${part.trust}/10` : ''}
          </p>
        </div>
        <div className="part-header-actions">
          <ReflectButton partId={part.id} exile={part.role === 'exile'} />
          <button type="button" className="button button-quiet button-danger" disabled={readOnly} onClick={() => setConfirming(true)}>
            Delete part
          </button>
        </div>
      </header>
      {part.role === 'exile' ? (
        <p className="muted part-exile-note" id="exile-note">
          Meeting an exile is best done with a therapist, who can hold what it carries. Your journal can keep a log of that work.
        </p>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={`Delete ${part.name}?`}
          confirmLabel="Delete part"
          cancelLabel="Keep it"
          busy={deleting}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setDeleting(true);
            // The latest words go into the archive first, so Undo brings back the part as it was.
            void usePartProfile
              .getState()
              .flush()
              .then(() => remove(part.id))
              .then((done) => {
                setDeleting(false);
                setConfirming(false);
                if (!done) return;
                usePartProfile.getState().reset();
                go('self', { kind: 'parts' });
                // The list's heading, not the new-part form's Name box (where focus would land as
                // the form appears): from there Ctrl+Z undoes the deletion at once.
                afterPaint(() => document.getElementById('parts-heading')?.focus());
              });
          }}
        >
          <p>
            {part.name} leaves your parts, with its profile
            {detail.relations.length > 0 ? `, its ${count(detail.relations.length, 'relation')} to other parts` : ''}
            {reflectionKept ? ', the 6 F’s reflection you started with it' : ''} and its place on the parts map.
          </p>
          <p>The journal entries it showed up in stay as they are.</p>
          <p>Undo, right after, brings it all back.</p>
        </ConfirmDialog>
      ) : null}

      <div className="part-columns">
        <div className="part-main">
          <section className="part-section" aria-labelledby="relations-heading">
            <h3 id="relations-heading">Relations</h3>
            <PartRelations partId={part.id} relations={detail.relations} />
          </section>
          <section className="part-section" aria-labelledby="profile-heading">
            <h3 id="profile-heading">Profile</h3>
            <PartProfileForm key={part.id} part={part} />
          </section>
        </div>
        <div className="part-side">
          <section className="part-section" aria-labelledby="history-heading">
            <h3 id="history-heading">Where it showed up</h3>
            <Appearances />
          </section>
          <section className="part-section" aria-labelledby="path-heading">
            <h3 id="path-heading">Path</h3>
            <PartPath status={part.status} />
            <ol className="status-history" aria-label="Changes along the path">
              {[...detail.statusHistory].reverse().map((change) => (
                <li key={change.id}>
                  <span>{statusLabels[change.status]}</span>
                  <time dateTime={change.changedAt}>{dateTime.format(new Date(change.changedAt))}</time>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </article>
  );
}

function count(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Into the 6 F's for this part; a reflection stopped part-way goes on where it was left. The 6 F's
 * guide protector work only: an exile is met with a therapist, so its page offers a log of that work.
 */
function ReflectButton({ partId, exile }: { partId: string; exile: boolean }) {
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const kept = useKeptDraftHolds<unknown>(protectorDraftKey(partId), null, (draft) => draft !== null);
  const therapy = useLibrary((state) => state.templates.find((t) => t.kind === 'therapy_log'));
  if (exile && !kept) {
    const logTherapy = () => {
      go('self');
      const seed = { partIds: [partId] };
      if (therapy) void startFromTemplate(therapy, seed);
      else void useEntryEditor.getState().newEntry({ kind: 'therapy_log', rung: 'self', title: 'After a therapy session', ...seed });
    };
    return (
      <button type="button" className="button" disabled={readOnly} onClick={logTherapy} aria-describedby="exile-note">
        Log therapy work
      </button>
    );
  }
  return (
    <button type="button" className="button" disabled={readOnly} onClick={() => go('self', { kind: 'protector', id: partId })}>
      {kept ? 'Continue the reflection you started' : 'Reflect with the 6 F’s'}
    </button>
  );
}

/** The six steps of the path, the current one marked; choosing another moves the part there. */
function PartPath({ status }: { status: PartStatus }) {
  const setStatus = usePartPage((state) => state.setStatus);
  const readOnly = useReadOnly();
  const reached = partStatuses.indexOf(status);
  return (
    <div className="part-path">
      <ol className="path-steps">
        {partStatuses.map((step, index) => (
          <li key={step} className={index < reached ? 'path-step done' : index === reached ? 'path-step current' : 'path-step'} aria-current={index === reached ? 'step' : undefined}>
            {statusLabels[step]}
          </li>
        ))}
      </ol>
      <label className="field-label" htmlFor="part-status">
        Where it is now
      </label>
      <select id="part-status" className="select" value={status} disabled={readOnly} onChange={(event) => void setStatus(event.target.value as PartStatus)}>
        {partStatuses.map((step) => (
          <option key={step} value={step}>
            {statusLabels[step]}
          </option>
        ))}
      </select>
    </div>
  );
}

function Appearances() {
  const appearances = usePartPage((state) => state.appearances);
  const hasMore = usePartPage((state) => state.nextCursor !== null);
  const loadMore = usePartPage((state) => state.loadMore);
  const go = useNavigation((state) => state.go);
  if (appearances.length === 0) {
    return <p className="muted">When you name this part in an entry, the day shows up here.</p>;
  }
  return (
    <>
      <ul className="appearances" aria-label="Entries it showed up in">
        {appearances.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="appearance"
              onClick={() => {
                go('self');
                void useEntryEditor.getState().open(entry.id);
              }}
            >
              <time dateTime={entry.entryDate}>{friendlyDay(entry.entryDate)}</time>
              <span className="appearance-title">{entry.title.trim() || entry.excerpt || kindLabels[entry.kind]}</span>
              {entry.kind !== 'journal' ? <span className="appearance-kind">{kindLabels[entry.kind]}</span> : null}
            </button>
          </li>
        ))}
      </ul>
      {hasMore ? (
        <button type="button" className="button button-small" onClick={() => void loadMore()}>
          Show earlier
        </button>
      ) : null}
    </>
  );
}
