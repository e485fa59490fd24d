/** "← Back to …" at the top of a page shown inside a rung (a crew, a congregation, a network). */
export function BackLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button-quiet back-link" onClick={onClick}>
      <span aria-hidden="true">←</span>
      {label}
    </button>
  );
}
