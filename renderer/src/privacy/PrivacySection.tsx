import './privacy.css';
import { useEffect, useState } from 'react';
import { lockAfterChoices } from '../../../shared/domain/privacy';
import { asLadderError, call } from '../api/client';
import { ChangePassphraseDialog, NewRecoveryKeyDialog, RemovePassphraseDialog, SetPassphraseDialog } from './passphrase-dialogs';
import { usePrivacy } from './privacy-store';

type Open = 'set' | 'change' | 'remove' | 'recovery' | null;

const minutesLabel = (minutes: number) => `After ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} idle`;

/** Settings › Privacy: the passphrase, the recovery key, the idle lock and "Lock now". */
export function PrivacySection() {
  const status = usePrivacy((state) => state.status);
  const error = usePrivacy((state) => state.error);
  const load = usePrivacy((state) => state.load);
  const changed = usePrivacy((state) => state.changed);
  const lockNow = usePrivacy((state) => state.lockNow);
  const locking = usePrivacy((state) => state.locking);
  const [open, setOpen] = useState<Open>(null);
  const [settingError, setSettingError] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const setLockAfter = async (value: string) => {
    setSettingError(null);
    try {
      await changed(await call('privacy.setLockAfter', { minutes: value === 'never' ? null : Number(value) }));
    } catch (failure) {
      setSettingError(asLadderError(failure).message);
    }
  };

  const forget = async () => {
    try {
      await changed(await call('privacy.forgetOnThisDevice', {}));
    } catch (failure) {
      setSettingError(asLadderError(failure).message);
    }
  };

  return (
    <section className="settings-section privacy-section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      {!status ? (
        <p className="muted">{error ?? 'Looking at your archive…'}</p>
      ) : !status.encrypted ? (
        <>
          <p>
            Your archive is not encrypted: anyone who can open the files on this computer can read it. A passphrase encrypts the whole archive and
            its backups, and Ladder asks for it when it starts and after it locks.
          </p>
          <div className="privacy-actions">
            <button type="button" className="button button-primary" onClick={() => setOpen('set')}>
              Set a passphrase…
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            <span className="privacy-badge">Encrypted</span> Your archive and its backups are encrypted with your passphrase. Ladder asks for it when it
            starts and after it locks.
          </p>
          <div className="privacy-lock-row">
            <div className="privacy-field privacy-field-settings">
              <label className="field-label" htmlFor="privacy-lock-after">
                Lock after
              </label>
              <select id="privacy-lock-after" value={status.lockAfterMinutes === null ? 'never' : String(status.lockAfterMinutes)} onChange={(event) => void setLockAfter(event.target.value)}>
                <option value="never">Never</option>
                {lockAfterChoices.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {minutesLabel(minutes)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button" onClick={() => void lockNow()} disabled={locking} aria-keyshortcuts="Control+Shift+L Meta+Shift+L">
              {locking ? 'Locking…' : 'Lock now'}
            </button>
          </div>
          <p className="privacy-field-hint">Idle means no typing or mouse in Ladder&rsquo;s window. Ctrl+Shift+L (⌘⇧L on a Mac) locks at any time.</p>
          {status.remembered ? (
            <p className="privacy-remembered">
              The key is remembered on this device, so Ladder opens without asking here.{' '}
              <button type="button" className="button button-quiet" onClick={() => void forget()}>
                Forget on this device
              </button>
            </p>
          ) : status.rememberAvailable ? (
            <p className="privacy-field-hint">To open without asking on this computer, tick &ldquo;Remember on this device&rdquo; when you next unlock.</p>
          ) : (
            <p className="privacy-field-hint">{status.rememberUnavailableReason}</p>
          )}
          <div className="privacy-actions">
            <button type="button" className="button" onClick={() => setOpen('change')}>
              Change passphrase…
            </button>
            <button type="button" className="button" onClick={() => setOpen('recovery')}>
              New recovery key…
            </button>
            <button type="button" className="button button-danger privacy-actions-end" onClick={() => setOpen('remove')}>
              Remove passphrase…
            </button>
          </div>
        </>
      )}
      {settingError ? (
        <p className="field-error" role="alert">
          {settingError}
        </p>
      ) : null}
      {open === 'set' ? <SetPassphraseDialog onClose={() => setOpen(null)} /> : null}
      {open === 'change' ? <ChangePassphraseDialog onClose={() => setOpen(null)} /> : null}
      {open === 'remove' ? <RemovePassphraseDialog onClose={() => setOpen(null)} /> : null}
      {open === 'recovery' ? <NewRecoveryKeyDialog onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
