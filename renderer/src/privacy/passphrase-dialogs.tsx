import { type FormEvent, useState } from 'react';
import { LadderError } from '../../../shared/errors';
import { asLadderError, call } from '../api/client';
import { PassphraseField, PrivacyDialog, RepeatPassphraseField, strengthHint } from './PrivacyDialog';
import { RecoveryKeyView } from './RecoveryKeyView';
import { saveAllEditors } from '../ui/open-editors';
import { usePrivacy } from './privacy-store';
import { useRepeatedPassphrase } from './passphrase-match';
import { useBackups } from '../settings/backup-store';

type Errors = Record<string, string>;

/** Escape on a recovery key: it is never shown again, so only "I have saved it" closes it. */
const keepKeyFirst = 'This key is shown only this once. Print it, copy it or write it down, then choose “I have saved it”.';

const unsaved = () => new LadderError('conflict', 'Something you wrote could not be saved yet, so nothing was changed. Please try again in a moment.');

/** The error of a failed request, on the field it names (or on `fallback`). */
function errorsFrom(failure: unknown, fields: Record<string, string>, fallback: string): Errors {
  const error = asLadderError(failure);
  return { [fields[error.field ?? ''] ?? fallback]: error.message };
}

function FormError({ errors }: { errors: Errors }) {
  return errors.form ? (
    <p className="field-error" role="alert">
      {errors.form}
    </p>
  ) : null;
}

export function SetPassphraseDialog({ onClose }: { onClose: () => void }) {
  const load = usePrivacy((state) => state.load);
  const [passphrase, setPassphrase] = useState('');
  const repeat = useRepeatedPassphrase(passphrase);
  const [deletePlain, setDeletePlain] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!repeat.check()) return setErrors({});
    setBusy(true);
    setErrors({});
    try {
      if (!(await saveAllEditors())) throw unsaved();
      const result = await call('privacy.setPassphrase', { passphrase, deletePlainBackups: deletePlain });
      setPassphrase('');
      repeat.clear();
      setRecoveryKey(result.recoveryKey);
      // Backups were made (and maybe deleted) on the way: the list shows what is there now.
      void useBackups.getState().load();
    } catch (failure) {
      setErrors(errorsFrom(failure, { passphrase: 'passphrase' }, 'form'));
    } finally {
      setBusy(false);
    }
  };

  const finish = () => {
    void load();
    onClose();
  };

  if (recoveryKey) {
    return (
      <PrivacyDialog title="Your recovery key" onClose={finish} wide escapeSays={keepKeyFirst}>
        <p className="privacy-done" role="status">
          Your archive is encrypted.
        </p>
        <RecoveryKeyView recoveryKey={recoveryKey} onDone={finish} />
      </PrivacyDialog>
    );
  }
  return (
    <PrivacyDialog title="Set a passphrase" onClose={onClose} busy={busy}>
      <form className="privacy-form" onSubmit={(event) => void submit(event)} noValidate>
        <p>Ladder will encrypt your archive with this passphrase and ask for it when it starts and after it locks.</p>
        <PassphraseField
          id="set-passphrase"
          label="Passphrase"
          value={passphrase}
          onChange={setPassphrase}
          error={errors.passphrase}
          autoComplete="new-password"
          hint={strengthHint(passphrase)}
        />
        <RepeatPassphraseField id="set-passphrase-repeat" label="Repeat the passphrase" repeat={repeat} />
        <p className="privacy-warning">
          <strong>Keep it safe.</strong> Next you get a recovery key. If you lose both the passphrase and the recovery key, nobody can open your
          archive again, not even Ladder.
        </p>
        <label className="privacy-check">
          <input type="checkbox" checked={deletePlain} onChange={(event) => setDeletePlain(event.target.checked)} />
          <span>
            Delete the earlier unencrypted backups
            <span className="privacy-check-hint">
              Backups made so far (and copies made before updates) are not encrypted. Ladder deletes them only after the encrypted archive has been
              checked, and makes a new, encrypted backup.
            </span>
          </span>
        </label>
        <FormError errors={errors} />
        <div className="privacy-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary privacy-actions-end" disabled={busy || passphrase === ''}>
            {busy ? 'Encrypting…' : 'Encrypt my archive'}
          </button>
        </div>
      </form>
    </PrivacyDialog>
  );
}

export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const changed = usePrivacy((state) => state.changed);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const repeat = useRepeatedPassphrase(next);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!repeat.check()) return setErrors({});
    setBusy(true);
    setErrors({});
    try {
      await changed(await call('privacy.changePassphrase', { current, next }));
      onClose();
    } catch (failure) {
      setErrors(errorsFrom(failure, { current: 'current', next: 'next' }, 'form'));
      setBusy(false);
    }
  };

  return (
    <PrivacyDialog title="Change passphrase" onClose={onClose} busy={busy}>
      <form className="privacy-form" onSubmit={(event) => void submit(event)} noValidate>
        <PassphraseField id="change-current" label="Current passphrase" value={current} onChange={setCurrent} error={errors.current} autoComplete="current-password" />
        <PassphraseField id="change-next" label="New passphrase" value={next} onChange={setNext} error={errors.next} autoComplete="new-password" hint={strengthHint(next)} />
        <RepeatPassphraseField id="change-repeat" label="Repeat the new passphrase" repeat={repeat} />
        <p className="privacy-field-hint">Your recovery key stays the same. Backups keep opening with the new passphrase.</p>
        <FormError errors={errors} />
        <div className="privacy-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary privacy-actions-end" disabled={busy || current === '' || next === ''}>
            {busy ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </PrivacyDialog>
  );
}

export function RemovePassphraseDialog({ onClose }: { onClose: () => void }) {
  const changed = usePrivacy((state) => state.changed);
  const [current, setCurrent] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      if (!(await saveAllEditors())) throw unsaved();
      await changed(await call('privacy.removePassphrase', { current }));
      void useBackups.getState().load();
      onClose();
    } catch (failure) {
      setErrors(errorsFrom(failure, { current: 'current' }, 'form'));
      setBusy(false);
    }
  };

  return (
    <PrivacyDialog title="Remove the passphrase?" onClose={onClose} busy={busy}>
      <form className="privacy-form" onSubmit={(event) => void submit(event)} noValidate>
        <p>
          Your archive will be stored unencrypted again: anyone who can open your files can read it, and Ladder will no longer lock. Backups made
          while it was encrypted stay encrypted; a fresh unencrypted one is made at once.
        </p>
        <PassphraseField id="remove-current" label="Current passphrase" value={current} onChange={setCurrent} error={errors.current} autoComplete="current-password" />
        <FormError errors={errors} />
        <div className="privacy-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Keep the passphrase
          </button>
          <button type="submit" className="button button-danger-solid privacy-actions-end" disabled={busy || current === ''}>
            {busy ? 'Removing…' : 'Remove passphrase'}
          </button>
        </div>
      </form>
    </PrivacyDialog>
  );
}

export function NewRecoveryKeyDialog({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      setRecoveryKey((await call('privacy.newRecoveryKey', { current })).recoveryKey);
    } catch (failure) {
      setErrors(errorsFrom(failure, { current: 'current' }, 'form'));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryKey) {
    return (
      <PrivacyDialog title="Your new recovery key" onClose={onClose} wide escapeSays={keepKeyFirst}>
        <RecoveryKeyView recoveryKey={recoveryKey} onDone={onClose} />
      </PrivacyDialog>
    );
  }
  return (
    <PrivacyDialog title="New recovery key" onClose={onClose} busy={busy}>
      <form className="privacy-form" onSubmit={(event) => void submit(event)} noValidate>
        <p>Ladder makes a new recovery key; the old one stops working.</p>
        <PassphraseField id="recovery-current" label="Current passphrase" value={current} onChange={setCurrent} error={errors.current} autoComplete="current-password" />
        <FormError errors={errors} />
        <div className="privacy-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary privacy-actions-end" disabled={busy || current === ''}>
            {busy ? 'Making it…' : 'Make a new recovery key'}
          </button>
        </div>
      </form>
    </PrivacyDialog>
  );
}
