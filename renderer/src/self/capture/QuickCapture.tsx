import '../self.css';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { SelfEnergy } from '../../../../shared/domain/self';
import { SelfEnergyInput } from '../entry/SelfEnergyInput';
import { PartPicker } from '../parts/PartPicker';
import { useParts } from '../parts/parts-store';
import { useQuickCapture } from './quick-capture-store';
import { onModalKeyDown } from '../../ui/modal-keys';

/**
 * "What's active right now?": one line, the parts that are here, and the C's if there is room.
 * Enter saves; closing keeps the words for next time. A blended part leaves little room for
 * forms, so this asks for seconds, not minutes.
 */
export function QuickCapture() {
  const isOpen = useQuickCapture((state) => state.isOpen);
  const openCount = useQuickCapture((state) => state.openCount);
  if (!isOpen) return null;
  return <CaptureDialog key={openCount} />;
}

function CaptureDialog() {
  const close = useQuickCapture((state) => state.close);
  const save = useQuickCapture((state) => state.save);
  // Kept in the store, so closing without saving keeps the words for the next opening.
  const { line, partIds, selfEnergy } = useQuickCapture((state) => state.draft);
  const edit = useQuickCapture((state) => state.edit);
  const setLine = (value: string) => edit({ line: value });
  const setPartIds = (value: string[]) => edit({ partIds: value });
  const setSelfEnergy = (value: SelfEnergy | null) => edit({ selfEnergy: value });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    void useParts.getState().load();
    const field = input.current;
    field?.focus();
    // A kept draft goes on where it stopped.
    field?.setSelectionRange(field.value.length, field.value.length);
    return () => returnTo?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (line.trim() === '' && partIds.length === 0) {
      setError('Write a few words, or choose a part that is here.');
      input.current?.focus();
      return;
    }
    setSaving(true);
    const problem = await save({ line, partIds, selfEnergy });
    if (problem) {
      setSaving(false);
      setError(problem.message);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => onModalKeyDown(event, dialog.current, close);

  return (
    <div className="dialog-backdrop" onPointerDown={(event) => event.target === event.currentTarget && close()}>
      <div ref={dialog} className="dialog quick-capture" role="dialog" aria-modal="true" aria-labelledby="quick-capture-title" onKeyDown={onKeyDown}>
        <form onSubmit={(event) => void submit(event)}>
          <h2 id="quick-capture-title" className="quick-capture-title">
            <label htmlFor="quick-capture-line">What&rsquo;s active right now?</label>
          </h2>
          <input
            ref={input}
            id="quick-capture-line"
            className="text-input quick-capture-line"
            value={line}
            maxLength={200_000}
            placeholder="A few words are enough"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'quick-capture-error' : undefined}
            onChange={(event) => setLine(event.target.value)}
          />
          {error ? (
            <p className="field-error" id="quick-capture-error">
              {error}
            </p>
          ) : null}
          <p className="field-label quick-capture-label" aria-hidden="true">
            Parts that are here
          </p>
          <PartPicker label="Parts that are here" selected={partIds} onChange={setPartIds} />
          <details className="quick-capture-energy">
            <summary>Self-energy (optional)</summary>
            <SelfEnergyInput value={selfEnergy} onChange={setSelfEnergy} />
          </details>
          <div className="dialog-actions">
            <p className="muted small">Enter saves. Escape closes and keeps your words for next time.</p>
            <button type="button" className="button button-quiet" onClick={close}>
              Close
            </button>
            <button type="submit" className="button button-primary" disabled={saving}>
              Save
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
