import './privacy.css';
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { PassphraseField } from './PrivacyDialog';
import { escapeSteps } from '../ui/modal-keys';

/**
 * A backup encrypted under another passphrase: asked for here, right on its row (the error shows
 * below the list). Focus starts in the field and comes back to it, selected, after a wrong try;
 * "Keep my archive" or Escape lets it go.
 */
export function BackupPassphrase({ onRestore, onCancel, error }: { onRestore: (passphrase: string) => void; onCancel: () => void; error: string | null }) {
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    if (error) field.current?.select();
  }, [error]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== '') onRestore(passphrase);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => escapeSteps(event, onCancel);
  return (
    <form className="backup-confirm privacy-backup-passphrase" onSubmit={submit} onKeyDown={onKeyDown} aria-label="Passphrase for this backup">
      <PassphraseField
        id="backup-passphrase"
        label="The passphrase this backup was made under"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="off"
        inputRef={field}
        inSettings
      />
      <button type="submit" className="button button-primary" disabled={passphrase === ''}>
        Restore with this passphrase
      </button>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        Keep my archive
      </button>
    </form>
  );
}
