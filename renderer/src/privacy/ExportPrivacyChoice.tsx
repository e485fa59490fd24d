import './privacy.css';
import { PassphraseField } from './PrivacyDialog';

/**
 * Export of an encrypted archive: encrypted with the passphrase by default (only the full JSON,
 * which can be imported anywhere with that passphrase); plain, readable files only when chosen.
 */
export function ExportPrivacyChoice({
  value,
  onChange,
}: {
  value: { plain: boolean; passphrase: string };
  onChange: (value: { plain: boolean; passphrase: string }) => void;
}) {
  return (
    <div className="privacy-form">
      {value.plain ? null : (
        <PassphraseField
          id="export-passphrase"
          label="Your passphrase"
          value={value.passphrase}
          onChange={(passphrase) => onChange({ ...value, passphrase })}
          autoComplete="current-password"
          inSettings
          hint="Your archive is encrypted, so the export is too: one file, ladder-archive.encrypted.json, which Import opens with this passphrase."
        />
      )}
      <label className="privacy-check">
        <input type="checkbox" checked={value.plain} onChange={(event) => onChange({ ...value, plain: event.target.checked })} />
        <span>
          Plain export
          <span className="privacy-check-hint">Readable Markdown files and JSON instead, not encrypted.</span>
        </span>
      </label>
      {value.plain ? (
        <p className="privacy-warning">
          <strong>Anyone who can open these files can read them.</strong> Keep the export folder somewhere private, and delete it when you no longer
          need it.
        </p>
      ) : null}
    </div>
  );
}

/** Import of an encrypted Ladder export needs the passphrase of the archive it came from. */
export function ImportPassphraseField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <PassphraseField
      id="import-passphrase"
      label="Passphrase, for an encrypted export"
      value={value}
      onChange={onChange}
      autoComplete="off"
      inSettings
      hint="Only needed for ladder-archive.encrypted.json: the passphrase of the archive it came from."
    />
  );
}
