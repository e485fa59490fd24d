import { useAppInfo } from './app-info-store';

/** Always visible while the archive is read-only; it cannot be dismissed, because it stays true. */
export function ReadOnlyBanner() {
  const readOnly = useAppInfo((state) => state.info?.readOnly === true);
  const reason = useAppInfo((state) => state.info?.readOnlyReason ?? null);
  if (!readOnly) return null;
  return (
    <section className="read-only-banner" aria-label="Read-only archive">
      <svg className="read-only-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="10.5" width="14" height="10" rx="2" />
        <path d="M8.5 10.5V8a3.5 3.5 0 0 1 7 0v2.5" />
      </svg>
      <p>
        <strong>Read-only.</strong> {reason ?? 'This archive can be read but not changed.'} Everything is still here to read; writing is switched off.
      </p>
    </section>
  );
}
