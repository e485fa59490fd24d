import type { ActionItem, CrewMember } from '../../../shared/domain/crews';
import { useCrews } from './crews-store';
import { ActionItemEditForm, EditButton, useItemEditing } from './ItemEdits';
import { byDay, nameOf } from './labels';

/**
 * Open action items stay in view until someone marks them done or drops them. On a crew that has
 * ended (`settleOnly`) they can still be settled, but no longer rewritten.
 */
export function ActionItems({
  items,
  members,
  former = [],
  crewId,
  settleOnly = false,
}: {
  items: ActionItem[];
  members: CrewMember[];
  former?: CrewMember[];
  crewId: string;
  settleOnly?: boolean;
}) {
  if (items.length === 0) return <p className="crews-muted">Nothing open.</p>;
  return (
    <ul className="crews-items">
      {items.map((item) => (
        <ActionItemRow key={item.id} item={item} members={members} former={former} crewId={crewId} settleOnly={settleOnly} />
      ))}
    </ul>
  );
}

function ActionItemRow({ item, members, former, crewId, settleOnly }: { item: ActionItem; members: CrewMember[]; former: CrewMember[]; crewId: string; settleOnly: boolean }) {
  const setActionItem = useCrews((state) => state.setActionItem);
  const editActionItem = useCrews((state) => state.editActionItem);
  const { editing, button, start, stop } = useItemEditing();
  if (editing) {
    return (
      <li className="crews-item crews-item-editing">
        <ActionItemEditForm item={item} members={members} former={former} save={(input) => editActionItem(item, input, crewId)} close={stop} />
      </li>
    );
  }
  return (
    <li className="crews-item">
      <span className="crews-item-text">
        {item.text}
        <span className="crews-item-meta">
          {nameOf(members, item.ownerId, former)}
          {item.dueOn ? ` · by ${byDay(item.dueOn)}` : ''}
        </span>
      </span>
      <span className="crews-item-buttons">
        {settleOnly ? null : <EditButton text={item.text} onClick={start} buttonRef={button} />}
        <button type="button" className="button button-quiet" aria-label={`Mark “${item.text}” done`} onClick={() => void setActionItem(item.id, crewId, 'done')}>
          Done
        </button>
        <button type="button" className="button button-quiet" aria-label={`Drop “${item.text}”`} onClick={() => void setActionItem(item.id, crewId, 'dropped')}>
          Drop
        </button>
      </span>
    </li>
  );
}
