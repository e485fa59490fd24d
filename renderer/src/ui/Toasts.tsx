import { useShallow } from 'zustand/react/shallow';
import { type Toast, useToasts } from './toast-store';

/** Short messages at the bottom of the window; Escape closes the newest, Ctrl/Cmd+Z runs its Undo. */
export function Toasts() {
  const ids = useToasts(useShallow((state) => state.toasts.map((toast) => toast.id)));
  return (
    <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
      {ids.map((id) => (
        <ToastItem key={id} id={id} />
      ))}
    </div>
  );
}

function ToastItem({ id }: { id: number }) {
  const toast = useToasts((state) => state.toasts.find((t) => t.id === id));
  const dismiss = useToasts((state) => state.dismiss);
  const hold = useToasts((state) => state.hold);
  const release = useToasts((state) => state.release);
  if (!toast) return null;
  return (
    <div
      className="toast"
      onMouseEnter={() => hold(id)}
      onMouseLeave={() => release(id)}
      onFocus={() => hold(id)}
      onBlur={() => release(id)}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action ? <ToastActionButton toast={toast} /> : null}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(id)}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}

function ToastActionButton({ toast }: { toast: Toast }) {
  const dismiss = useToasts((state) => state.dismiss);
  const action = toast.action;
  if (!action) return null;
  return (
    <button
      type="button"
      className="toast-action"
      onClick={() => {
        dismiss(toast.id);
        void action.run();
      }}
    >
      {action.label}
    </button>
  );
}
