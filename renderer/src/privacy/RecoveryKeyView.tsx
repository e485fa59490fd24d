import { useEffect, useRef, useState } from 'react';

/**
 * The recovery key, shown once: big enough to copy by hand, printable on a sheet of its own
 * (privacy.css hides everything else when printing), and copyable.
 */
export function RecoveryKeyView({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  // It replaces the form whose button had focus: focus comes to the key, read out first, and
  // stays in the dialog (so its keys, Tab and Escape, keep working).
  const key = useRef<HTMLParagraphElement>(null);
  useEffect(() => key.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(recoveryKey);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="recovery-view">
      <p>
        If you ever forget your passphrase, this key opens your archive. Write it down or print it, and keep it somewhere safe away from this
        computer. <strong>Ladder shows it only this once.</strong>
      </p>
      <div className="recovery-sheet">
        <p className="recovery-sheet-title">Ladder recovery key</p>
        <p ref={key} className="recovery-key" aria-label="Recovery key" tabIndex={-1}>
          {recoveryKey}
        </p>
        <p className="recovery-sheet-note">Use it with “Use recovery key” on Ladder’s lock screen. Anyone holding it can open your archive.</p>
      </div>
      <div className="privacy-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
        <span className="privacy-status" role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Could not copy here: select the key and copy it yourself.' : ''}
        </span>
        <button type="button" className="button button-primary privacy-actions-end" onClick={onDone}>
          I have saved it
        </button>
      </div>
    </div>
  );
}
