import { useId, useState } from 'react';
import { rungIds, type RungId } from '../../../../shared/domain/journal';
import { useReadOnly } from '../../app/app-info-store';
import { noteFor, useEntryEditor } from '../entry-editor-store';
import { useLibrary } from '../library/prompts-store';
import { PartPicker } from '../parts/PartPicker';
import { rungLabels } from '../parts/part-labels';
import { SelfEnergyInput } from './SelfEnergyInput';
import { TagInput } from './TagInput';

function useDetailError(field: 'partIds' | 'tags' | 'rung' | 'selfEnergy' | 'promptId') {
  return useEntryEditor((state) => noteFor(state, field));
}

/** What an entry is about besides its words: which parts showed up, tags, and the rung. */
export function EntryDetails() {
  const id = useId();
  const partIds = useEntryEditor((state) => state.partIds);
  const tags = useEntryEditor((state) => state.tags);
  const rung = useEntryEditor((state) => state.rung);
  const edit = useEntryEditor((state) => state.edit);
  const readOnly = useReadOnly();
  const partsError = useDetailError('partIds');
  const tagsError = useDetailError('tags');
  const rungError = useDetailError('rung');

  return (
    <div className="entry-details">
      <div className="entry-detail">
        <span className="field-label" aria-hidden="true">
          Parts that showed up
        </span>
        <PartPicker label="Parts that showed up" selected={partIds} disabled={readOnly} onChange={(next) => edit({ partIds: next })} />
        {partsError ? <p className="field-error">{partsError}</p> : null}
      </div>
      <div className="entry-detail-row">
        <div className="entry-detail entry-detail-tags">
          <span className="field-label" aria-hidden="true">
            Tags
          </span>
          <TagInput tags={tags} disabled={readOnly} onChange={(next) => edit({ tags: next })} />
          {tagsError ? <p className="field-error">{tagsError}</p> : null}
        </div>
        <div className="entry-detail">
          <label className="field-label" htmlFor={`${id}-rung`}>
            Rung
          </label>
          <select
            id={`${id}-rung`}
            className="select"
            value={rung ?? ''}
            disabled={readOnly}
            onChange={(event) => edit({ rung: event.target.value === '' ? null : (event.target.value as RungId) })}
          >
            <option value="">None</option>
            {rungIds.map((value) => (
              <option key={value} value={value}>
                {rungLabels[value]}
              </option>
            ))}
          </select>
          {rungError ? <p className="field-error">{rungError}</p> : null}
        </div>
      </div>
    </div>
  );
}

/**
 * The optional Self-energy check at the foot of an entry: named and explained where it can be
 * seen, opened with one button, and never asked for. Open already when the entry has one.
 * Keyed by the draft, so each entry starts folded or open by its own check.
 */
export function EntrySelfEnergy() {
  const id = useId();
  const selfEnergy = useEntryEditor((state) => state.selfEnergy);
  const edit = useEntryEditor((state) => state.edit);
  const readOnly = useReadOnly();
  const error = useDetailError('selfEnergy');
  const [open, setOpen] = useState(selfEnergy !== null);
  const shown = open || error !== null;
  return (
    <section className="entry-self-energy" aria-labelledby={`${id}-heading`}>
      <div className="self-energy-head">
        <div>
          <h3 className="field-label" id={`${id}-heading`}>
            Self-energy check
          </h3>
          <p className="muted small">Optional: how present are calm, curiosity, compassion and the other C&rsquo;s right now?</p>
        </div>
        <button type="button" className="button button-small" aria-expanded={shown} aria-controls={`${id}-body`} onClick={() => setOpen(!shown)}>
          {shown ? 'Hide the 8 C’s' : 'Rate the 8 C’s'}
        </button>
      </div>
      <div id={`${id}-body`} className="self-energy-body" hidden={!shown}>
        {shown ? (
          <>
            <p className="muted small">Rate any you like; leave the rest.</p>
            <SelfEnergyInput value={selfEnergy} disabled={readOnly} onChange={(next) => edit({ selfEnergy: next })} />
          </>
        ) : null}
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    </section>
  );
}

/** The prompt an entry answers, shown above it, with a way to let it go. */
export function EntryPrompt() {
  const promptId = useEntryEditor((state) => state.promptId);
  const prompt = useLibrary((state) => (promptId ? state.prompts[promptId] : undefined));
  const edit = useEntryEditor((state) => state.edit);
  const readOnly = useReadOnly();
  const error = useDetailError('promptId');
  if (!promptId) return null;
  return (
    <div className="entry-prompt">
      <p>
        <span className="entry-prompt-label">Answering</span> {prompt?.text ?? 'a prompt'}
        {error ? <span className="field-error entry-prompt-error">{error}</span> : null}
      </p>
      <button type="button" className="button button-quiet button-small" disabled={readOnly} onClick={() => edit({ promptId: null })}>
        Remove prompt
      </button>
    </div>
  );
}

/** A kind word for entries that are not plain journal entries. */
export function EntryKindNote() {
  const kind = useEntryEditor((state) => state.kind);
  if (kind === 'therapy_log') {
    return (
      <aside className="kind-note" aria-label="About logs of therapy work">
        <p>
          <strong>A log of therapy work.</strong> Meeting exiles and unburdening are best done with a therapist, who can hold
          what comes up. Ladder doesn&rsquo;t guide that work; this is a place to note what happened in a session, in your own
          words, so you can come back to it.
        </p>
      </aside>
    );
  }
  if (kind === 'protector_reflection') return <p className="kind-label">Protector reflection</p>;
  if (kind === 'quick_capture') return <p className="kind-label">Quick capture</p>;
  return null;
}
