import type { ActionItem, CrewMember } from '../../../shared/domain/crews';
import { useCrews } from './crews-store';
import { formatDay, nameOf } from './labels';

/** Open action items stay in view until someone marks them done or drops them. */
export function ActionItems({
  items,
  members,
  former = [],
  crewId,
  readOnly = false,
}: {
  items: ActionItem[];
  members: CrewMember[];
  former?: CrewMember[];
  crewId: string;
  readOnly?: boolean;
}) {
  const setActionItem = useCrews((state) => state.setActionItem);
  if (items.length === 0) return <p className="crews-muted">Nothing open.</p>;
  return (
    <ul className="crews-items">
      {items.map((item) => (
        <li key={item.id} className="crews-item">
          <span className="crews-item-text">
            {item.text}
            <span className="crews-item-meta">
              {nameOf(members, item.ownerId, former)}
              {item.dueOn ? ` · by ${formatDay(item.dueOn)}` : ''}
            </span>
          </span>
          {readOnly ? null : (
            <span className="crews-item-buttons">
              <button type="button" className="button button-quiet" aria-label={`Mark “${item.text}” done`} onClick={() => void setActionItem(item.id, crewId, 'done')}>
                Done
              </button>
              <button type="button" className="button button-quiet" aria-label={`Drop “${item.text}”`} onClick={() => void setActionItem(item.id, crewId, 'dropped')}>
                Drop
              </button>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
