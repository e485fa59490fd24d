import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import './confirm-dialog.css';
import { onModalKeyDown, useDialogFocus } from './modal-keys';

/**
 * A modal question before something big goes that Undo cannot bring back (`tone` "danger", red), or
 * before a big step that loses nothing (`tone` "calm": closing a crew gracefully is no alarm). Focus
 * starts on the safe choice, Tab stays inside, Escape or a click outside keeps things as they are,
 * and focus returns to where it was.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  busy = false,
  tone = 'danger',
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  tone?: 'danger' | 'calm';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useDialogFocus(() => cancel.current);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => onModalKeyDown(event, dialog.current, onCancel);

  return (
    <div className="confirm-dialog-backdrop" onPointerDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div
        ref={dialog}
        className="confirm-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="confirm-dialog-body">
          {children}
        </div>
        <div className="confirm-dialog-actions">
          <button ref={cancel} type="button" className="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className={`button ${tone === 'danger' ? 'button-danger-solid' : 'button-primary'}`} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
