import { useAppInfo } from '../app/app-info-store';
import { call } from '../api/client';

/**
 * A folder or file path: typed, or chosen with the desktop app's picker when there is one
 * (the browser preview has none, so the text field is always there).
 */
export function PathField({
  id,
  label,
  value,
  onChange,
  pick,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  pick: { kind: 'folder' } | { kind: 'file'; extensions: string[] };
  placeholder?: string;
}) {
  const canPick = useAppInfo((state) => state.info?.canPickPaths === true);
  const choose = async () => {
    const answer =
      pick.kind === 'folder'
        ? await call('transfer.pickFolder', { title: label })
        : await call('transfer.pickFile', { title: label, extensions: pick.extensions });
    if (answer.path) onChange(answer.path);
  };
  return (
    <div className="path-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <div className="path-field-row">
        <input id={id} type="text" value={value} placeholder={placeholder} spellCheck={false} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
        {canPick ? (
          <button type="button" className="button" onClick={() => void choose()}>
            Choose…
          </button>
        ) : null}
      </div>
    </div>
  );
}
