import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { RequestInput } from '../../../shared/contract';
import type { ActionItem, AgendaItem, CrewMember } from '../../../shared/domain/crews';
import { Field } from './CrewForm';
import type { FormError } from './crews-store';
import { contractProblem } from './contract-check';
import { Problem } from './Problem';
import { nameOf } from './labels';

/**
 * Correcting an agenda item or an action item in place: its Edit button turns the row into a
 * small form. Enter saves, Escape cancels; either way focus goes back to the Edit button.
 */

/** Whether a row is being edited, and its Edit button, which gets focus back when the form closes. */
export function useItemEditing() {
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [editing]);
  return {
    editing,
    button,
    start: () => setEditing(true),
    stop: () => {
      refocus.current = true;
      setEditing(false);
    },
  };
}

export function EditButton({ text, onClick, buttonRef }: { text: string; onClick: () => void; buttonRef: React.RefObject<HTMLButtonElement | null> }) {
  return (
    <button ref={buttonRef} type="button" className="button button-quiet" aria-label={`Edit “${text}”`} onClick={onClick}>
      Edit
    </button>
  );
}

/** Members to choose from, plus the person already named if they have left (kept unless changed). */
function peopleFor(members: readonly CrewMember[], former: readonly CrewMember[], current: string | null) {
  const options = members.map((m) => ({ id: m.personId, name: nameOf(members, m.personId) }));
  if (current !== null && !members.some((m) => m.personId === current)) options.push({ id: current, name: nameOf(members, current, former) });
  return options;
}

function EditForm({
  label,
  onSubmit,
  onCancel,
  saving,
  error,
  fields,
  children,
}: {
  label: string;
  onSubmit: () => void;
  onCancel: () => void;
  saving: boolean;
  error: FormError | null;
  fields: string[];
  children: ReactNode;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Escape') {
      // Handled here, so the app's Escape (closing a toast) does not also run.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement)) {
      // Enter saves from any field, the select and checkbox included (browsers only do it for text).
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  };
  return (
    <form
      className="crews-item-edit"
      aria-label={label}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving) onSubmit();
      }}
    >
      {children}
      <Problem error={error} fields={fields} />
      <div className="crews-item-edit-buttons">
        <button type="submit" className="button button-primary" disabled={saving}>
          Save
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Checks the input against the contract (no round trip for an empty text), saves it, and closes
 * the form on success; otherwise keeps the problem to show beside its field.
 */
function useItemSubmit<N extends 'actionItems.update' | 'agendaItems.update'>(
  name: N,
  save: (input: RequestInput<N>) => Promise<FormError | null>,
  close: () => void,
) {
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (input: RequestInput<N>) => {
    let problem = await contractProblem(name, input);
    if (!problem) {
      setSaving(true);
      problem = await save(input);
      setSaving(false);
    }
    if (problem) setError(problem);
    else close();
  };
  return { error, saving, submit };
}

/** Focus the text field when the form opens, with the cursor after the last word. */
function useFirstFocus() {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);
  return ref;
}

export function ActionItemEditForm({
  item,
  members,
  former = [],
  save,
  close,
}: {
  item: ActionItem;
  members: readonly CrewMember[];
  former?: readonly CrewMember[];
  save: (input: RequestInput<'actionItems.update'>) => Promise<FormError | null>;
  close: () => void;
}) {
  const [text, setText] = useState(item.text);
  const [ownerId, setOwnerId] = useState(item.ownerId);
  const [dueOn, setDueOn] = useState(item.dueOn ?? '');
  const { error, saving, submit: send } = useItemSubmit('actionItems.update', save, close);
  const first = useFirstFocus();
  const id = (field: string) => `edit-action-${item.id}-${field}`;
  const submit = () => send({ id: item.id, text, ownerId, dueOn: dueOn === '' ? null : dueOn });
  return (
    <EditForm label={`Edit the action item “${item.text}”`} onSubmit={() => void submit()} onCancel={close} saving={saving} error={error} fields={['text', 'ownerId', 'dueOn']}>
      <Field id={id('text')} label="Text" error={error} field="text">
        <input ref={first} id={id('text')} type="text" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error?.field === 'text'} />
      </Field>
      <div className="crews-item-edit-row">
        <Field id={id('owner')} label="Owner" error={error} field="ownerId">
          <select id={id('owner')} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} aria-invalid={error?.field === 'ownerId'}>
            {peopleFor(members, former, item.ownerId).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('due')} label="Due date (optional)" error={error} field="dueOn">
          <input id={id('due')} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} aria-invalid={error?.field === 'dueOn'} />
        </Field>
      </div>
    </EditForm>
  );
}

/**
 * Who raised an agenda item. A private item is my own prep, so it has no raiser: the choice is
 * set aside (shown empty, not sent) while Private is ticked, and comes back if it is unticked.
 */
export function RaisedBy({
  id,
  value,
  onChange,
  isPrivate,
  people,
  invalid = false,
}: {
  id: string;
  value: string;
  onChange: (personId: string) => void;
  isPrivate: boolean;
  people: readonly { id: string; name: string }[];
  invalid?: boolean;
}) {
  return (
    <select id={id} value={isPrivate ? '' : value} disabled={isPrivate} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid}>
      <option value="">{isPrivate ? '— (my own prep)' : '—'}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

export function AgendaItemEditForm({
  item,
  members,
  former = [],
  save,
  close,
}: {
  item: AgendaItem;
  members: readonly CrewMember[];
  former?: readonly CrewMember[];
  save: (input: RequestInput<'agendaItems.update'>) => Promise<FormError | null>;
  close: () => void;
}) {
  const [text, setText] = useState(item.text);
  const [raisedById, setRaisedById] = useState(item.raisedById ?? '');
  const [isPrivate, setPrivate] = useState(item.private);
  const { error, saving, submit: send } = useItemSubmit('agendaItems.update', save, close);
  const first = useFirstFocus();
  const id = (field: string) => `edit-agenda-${item.id}-${field}`;
  const submit = () => send({ id: item.id, text, raisedById: isPrivate || raisedById === '' ? null : raisedById, private: isPrivate });
  return (
    <EditForm label={`Edit the agenda item “${item.text}”`} onSubmit={() => void submit()} onCancel={close} saving={saving} error={error} fields={['text', 'raisedById', 'private']}>
      <Field id={id('text')} label="Text" error={error} field="text">
        <input ref={first} id={id('text')} type="text" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error?.field === 'text'} />
      </Field>
      <div className="crews-item-edit-row">
        <Field id={id('raised-by')} label="Raised by" error={error} field="raisedById">
          <RaisedBy
            id={id('raised-by')}
            value={raisedById}
            onChange={setRaisedById}
            isPrivate={isPrivate}
            people={peopleFor(members, former, item.raisedById)}
            invalid={error?.field === 'raisedById'}
          />
        </Field>
        <label className="crews-check">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
          Private (my own prep; never shared)
        </label>
      </div>
    </EditForm>
  );
}
