import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { focusableInDialog, onModalKeyDown, useDialogFocus } from '../ui/modal-keys';
import type { useRepeatedPassphrase } from './passphrase-match';

/**
 * A modal for the privacy steps: focus starts on the first field (or the first button), Tab stays
 * inside, Escape closes unless the dialog is busy (or shows a key only once), and focus returns to
 * where it was.
 */
export function PrivacyDialog({
  title,
  children,
  onClose,
  busy = false,
  wide = false,
  escapeSays,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
  busy?: boolean;
  wide?: boolean;
  /** Set for a dialog Escape must not close (a key shown only once): what Escape says instead. */
  escapeSays?: string;
}) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [escaped, setEscaped] = useState(false);

  useDialogFocus(() => dialog.current?.querySelector<HTMLElement>('input:not([disabled])') ?? dialog.current?.querySelector<HTMLElement>(focusableInDialog));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) =>
    onModalKeyDown(event, dialog.current, () => {
      if (escapeSays !== undefined) setEscaped(true);
      else if (!busy) onClose();
    });

  return (
    <div className="privacy-backdrop">
      <div
        ref={dialog}
        className={wide ? 'privacy-dialog privacy-dialog-wide' : 'privacy-dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {escapeSays !== undefined ? (
          <p className="field-hint" role="status">
            {escaped ? escapeSays : ''}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A passphrase field with its visible label and, when there is one, its error right below it.
 * In a dialog the label is plain and bold; on the Settings page (`inSettings`) it takes the
 * page's small-caps label style, like the fields around it.
 */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  onBlur,
  error,
  autoComplete,
  inputRef,
  hint,
  inSettings = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  autoComplete: 'current-password' | 'new-password' | 'off';
  inputRef?: React.Ref<HTMLInputElement>;
  hint?: ReactNode;
  inSettings?: boolean;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={inSettings ? 'privacy-field privacy-field-settings' : 'privacy-field'}>
      <label className={inSettings ? 'field-label' : 'privacy-label'} htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {hint ? (
        <p id={hintId} className="privacy-field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A rough, kind guide to a new passphrase: length and variety, never a score to chase. */
export function strengthHint(passphrase: string): string {
  if (passphrase.length === 0) return 'A few unrelated words, 10 characters or more, are easy to remember and hard to guess.';
  if (passphrase.length < 10) return `${10 - passphrase.length} more ${10 - passphrase.length === 1 ? 'character' : 'characters'} to go.`;
  const words = passphrase.trim().split(/\s+/).length;
  if (passphrase.length >= 20 || words >= 4) return 'Strong: long passphrases like this are very hard to guess.';
  return 'Good. Longer is stronger: another word or two makes it much harder to guess.';
}

/** The box that repeats a new passphrase, wired to `useRepeatedPassphrase` (it says when the two differ). */
export function RepeatPassphraseField({ id, label, repeat }: { id: string; label: string; repeat: ReturnType<typeof useRepeatedPassphrase> }) {
  return (
    <PassphraseField
      id={id}
      label={label}
      value={repeat.repeat}
      onChange={repeat.setRepeat}
      onBlur={repeat.onBlur}
      inputRef={repeat.inputRef}
      error={repeat.error}
      autoComplete="new-password"
    />
  );
}
