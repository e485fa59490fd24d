import './privacy.css';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { asLadderError, call } from '../api/client';
import { PassphraseField, RepeatPassphraseField } from './PrivacyDialog';
import { returnToPageBeforeLock, usePrivacy } from './privacy-store';
import { useRepeatedPassphrase } from './passphrase-match';

/** Shown instead of the app while the encrypted archive is locked: nothing of it is open or in the page. */
export function LockScreen() {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return (
    <main className="lock-screen" id="main">
      <div className="lock-card">
        <div className="lock-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24" className="lock-glyph">
            <rect x="5" y="10.5" width="14" height="10" rx="2.2" />
            <path d="M8.5 10.5V7.8a3.5 3.5 0 0 1 7 0v2.7" />
          </svg>
        </div>
        <h1>Ladder is locked</h1>
        {mode === 'passphrase' ? <PassphraseUnlock onRecovery={() => setMode('recovery')} /> : <RecoveryUnlock onBack={() => setMode('passphrase')} />}
      </div>
    </main>
  );
}

function PassphraseUnlock({ onRecovery }: { onRecovery: () => void }) {
  const status = usePrivacy((state) => state.status);
  const load = usePrivacy((state) => state.load);
  const changed = usePrivacy((state) => state.changed);
  const [passphrase, setPassphrase] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void load();
    field.current?.focus();
  }, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('privacy.unlock', { passphrase, remember: remember || undefined });
      setPassphrase('');
      // Chosen before the app shows, so it opens straight on that page.
      returnToPageBeforeLock();
      await changed(next);
    } catch (failure) {
      setError(asLadderError(failure).message);
      setBusy(false);
      // Keep the person where they type: the field, with what they typed selected to retype.
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="lock-lead">Your archive is encrypted. Enter your passphrase to open it.</p>
      <PassphraseField
        id="unlock-passphrase"
        label="Passphrase"
        value={passphrase}
        onChange={setPassphrase}
        error={error}
        autoComplete="current-password"
        inputRef={field}
      />
      {status?.rememberAvailable ? (
        <label className="privacy-check">
          <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} />
          <span>
            Remember on this device
            <span className="privacy-check-hint">Ladder will open without asking on this computer, for this user account.</span>
          </span>
        </label>
      ) : null}
      <div className="lock-actions">
        <button type="submit" className="button button-primary" disabled={busy || passphrase === ''}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
        <button type="button" className="button button-quiet" onClick={onRecovery}>
          Use recovery key
        </button>
      </div>
    </form>
  );
}

function RecoveryUnlock({ onBack }: { onBack: () => void }) {
  const changed = usePrivacy((state) => state.changed);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const repeat = useRepeatedPassphrase(next);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const keyField = useRef<HTMLInputElement>(null);

  useEffect(() => keyField.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!repeat.check()) {
      setErrors({});
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const status = await call('privacy.unlockWithRecoveryKey', { recoveryKey, newPassphrase: next });
      returnToPageBeforeLock();
      await changed(status);
    } catch (failure) {
      const error = asLadderError(failure);
      setErrors({ [error.field === 'newPassphrase' ? 'next' : 'recoveryKey']: error.message });
      setBusy(false);
    }
  };

  return (
    <form className="lock-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="lock-lead">Enter the recovery key you saved when you set your passphrase, then choose a new passphrase.</p>
      <div className="privacy-field">
        <label className="privacy-label" htmlFor="unlock-recovery-key">
          Recovery key
        </label>
        <input
          ref={keyField}
          id="unlock-recovery-key"
          className="recovery-input"
          type="text"
          value={recoveryKey}
          spellCheck={false}
          autoComplete="off"
          placeholder="XXXX-XXXX-XXXX-…"
          aria-invalid={errors.recoveryKey ? true : undefined}
          aria-describedby={errors.recoveryKey ? 'unlock-recovery-key-error' : undefined}
          onChange={(event) => setRecoveryKey(event.target.value)}
        />
        {errors.recoveryKey ? (
          <p id="unlock-recovery-key-error" className="field-error" role="alert">
            {errors.recoveryKey}
          </p>
        ) : null}
      </div>
      <PassphraseField id="unlock-new-passphrase" label="New passphrase" value={next} onChange={setNext} error={errors.next} autoComplete="new-password" />
      <RepeatPassphraseField id="unlock-repeat-passphrase" label="Repeat the new passphrase" repeat={repeat} />
      <div className="lock-actions">
        <button type="submit" className="button button-primary" disabled={busy || recoveryKey.trim() === '' || next === ''}>
          {busy ? 'Unlocking…' : 'Unlock and set passphrase'}
        </button>
        <button type="button" className="button button-quiet" onClick={onBack}>
          Use passphrase instead
        </button>
      </div>
    </form>
  );
}
