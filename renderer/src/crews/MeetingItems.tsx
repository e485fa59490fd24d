import type { ActionItem, AgendaItem, CrewMember } from '../../../shared/domain/crews';
import { ActionItemEditForm, AgendaItemEditForm, EditButton, useItemEditing } from './ItemEdits';
import { byDay, onDay } from './labels';
import { useMeetingEditor } from './meeting-editor-store';

/** The rows of a held meeting's agenda and action items, each correctable in place. */

const statusNames = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const;

export function MeetingActionRow({
  item,
  members,
  former,
  name,
  readOnly,
}: {
  item: ActionItem;
  members: CrewMember[];
  former: CrewMember[];
  name: (id: string | null) => string;
  readOnly: boolean;
}) {
  const setActionItem = useMeetingEditor((state) => state.setActionItem);
  const editActionItem = useMeetingEditor((state) => state.editActionItem);
  const { editing, button, start, stop } = useItemEditing();
  if (editing) {
    return (
      <li className="crews-item crews-item-editing">
        <ActionItemEditForm item={item} members={members} former={former} save={(input) => editActionItem(item, input)} close={stop} />
      </li>
    );
  }
  return (
    <li className="crews-item">
      <span className="crews-item-text">
        {item.text}
        <span className="crews-item-meta">
          {name(item.ownerId)}
          {item.dueOn ? ` · by ${byDay(item.dueOn)}` : ''} · {statusNames[item.status]}
          {item.resolvedOn ? ` ${onDay(item.resolvedOn)}` : ''}
        </span>
      </span>
      {readOnly ? null : (
        <span className="crews-item-buttons">
          <EditButton text={item.text} onClick={start} buttonRef={button} />
          {item.status === 'open' ? (
            <>
              <button type="button" className="button button-quiet" aria-label={`Mark “${item.text}” done`} onClick={() => void setActionItem(item.id, 'done')}>
                Done
              </button>
              <button type="button" className="button button-quiet" aria-label={`Drop “${item.text}”`} onClick={() => void setActionItem(item.id, 'dropped')}>
                Drop
              </button>
            </>
          ) : (
            <button type="button" className="button button-quiet" aria-label={`Reopen “${item.text}”`} onClick={() => void setActionItem(item.id, 'open')}>
              Reopen
            </button>
          )}
        </span>
      )}
    </li>
  );
}

/** One agenda item of the meeting: ticked when it was covered; Edit corrects its words. */
export function MeetingAgendaRow({
  item,
  covered,
  onToggle,
  members,
  former,
  disabled,
  editable,
}: {
  item: AgendaItem;
  covered: boolean;
  onToggle: () => void;
  members: CrewMember[];
  former: CrewMember[];
  disabled: boolean;
  editable: boolean;
}) {
  const editAgendaItem = useMeetingEditor((state) => state.editAgendaItem);
  const { editing, button, start, stop } = useItemEditing();
  if (editing) {
    return (
      <div className="crews-item crews-item-editing">
        <AgendaItemEditForm item={item} members={members} former={former} save={(input) => editAgendaItem(item, input)} close={stop} />
      </div>
    );
  }
  return (
    <div className="crews-check-row">
      <label className="crews-check">
        <input type="checkbox" checked={covered} disabled={disabled} onChange={onToggle} />
        {item.private ? '(private) ' : ''}
        {item.text}
        {!covered ? <span className="crews-item-meta"> · carried over</span> : null}
      </label>
      {editable ? <EditButton text={item.text} onClick={start} buttonRef={button} /> : null}
    </div>
  );
}
