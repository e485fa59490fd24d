import type { ReactNode } from 'react';

/** A calm, centred message for a place with nothing in it yet. */
export function EmptyState({ title, children, action, art }: { title: string; children: ReactNode; action?: ReactNode; art?: ReactNode }) {
  return (
    <div className="empty-state">
      {art ? <div className="empty-state-art">{art}</div> : null}
      <h2>{title}</h2>
      <div className="empty-state-text">{children}</div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
