import './privacy.css';
import { type FormEvent, useState } from 'react';
import { PassphraseField } from './PrivacyDialog';

/** A backup encrypted under another passphrase: asked for here, right on its row (the error shows below the list). */
export function BackupPassphrase({ onRestore }: { onRestore: (passphrase: string) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase !== '') onRestore(passphrase);
  };
  return (
    <form className="backup-confirm privacy-backup-passphrase" onSubmit={submit} aria-label="Passphrase for this backup">
      <PassphraseField
        id="backup-passphrase"
        label="The passphrase this backup was made under"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="off"
      />
      <button type="submit" className="button button-primary" disabled={passphrase === ''}>
        Restore with this passphrase
      </button>
    </form>
  );
}
