import { type FormEvent, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type PartRole, partRoles } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { PartShape } from './PartShape';
import { roleHints, roleLabels, statusLabels } from './part-labels';
import { useParts } from './parts-store';

/** All your parts as cards, and a short form to name a new one. */
export function PartsView() {
  const ids = useParts(useShallow((state) => state.ids));
  const status = useParts((state) => state.status);
  const error = useParts((state) => state.error);

  return (
    <section className="self-view parts-view" aria-labelledby="parts-heading">
      <div className="view-head">
        <h2 id="parts-heading" tabIndex={-1}>
          Your parts
        </h2>
        <p className="view-lead">
          Every part has a good reason for what it does. Name them as you notice them; you can fill in the rest as you get to know
          each other.
        </p>
      </div>
      <NewPartForm />
      {status === 'error' ? <p className="field-error">{error}</p> : null}
      {status === 'ready' && ids.length === 0 ? (
        <div className="parts-empty">
          <p>No parts here yet.</p>
          <p className="muted">
            A part might be the voice that hurries you, the one that wants to hide, or the one that reaches for your phone. Give
            it a name that feels kind and true.
          </p>
        </div>
      ) : null}
      {ids.length > 0 ? (
        <ul className="part-cards" aria-label="Parts">
          {ids.map((id) => (
            <PartCard key={id} id={id} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function NewPartForm() {
  const createPart = useParts((state) => state.create);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const [name, setName] = useState('');
  const [role, setRole] = useState<PartRole>('unknown');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createPart({ name, role });
    if ('code' in result) {
      setError(result.message);
      // The note is by the name: that is where to type next.
      nameInput.current?.focus();
      return;
    }
    setName('');
    setRole('unknown');
    setError(null);
    go('self', { kind: 'part', id: result.id });
  };

  return (
    <form className="new-part" aria-label="New part" onSubmit={(event) => void submit(event)}>
      <div className="new-part-field new-part-name">
        <label className="field-label" htmlFor="new-part-name">
          Name
        </label>
        <input
          ref={nameInput}
          id="new-part-name"
          className="text-input"
          value={name}
          placeholder="The Critic, the Hurrier, Little me…"
          autoComplete="off"
          disabled={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-part-error' : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {error ? (
          <p className="field-error new-part-error" id="new-part-error">
            {error}
          </p>
        ) : null}
      </div>
      <div className="new-part-field new-part-role">
        <label className="field-label" htmlFor="new-part-role">
          Role
        </label>
        <select
          id="new-part-role"
          className="select"
          value={role}
          disabled={readOnly}
          aria-describedby="new-part-role-hint"
          onChange={(event) => setRole(event.target.value as PartRole)}
        >
          {partRoles.map((value) => (
            <option key={value} value={value}>
              {roleLabels[value]}
            </option>
          ))}
        </select>
        <p className="new-part-hint muted" id="new-part-role-hint">
          {roleHints[role]}
        </p>
      </div>
      <button type="submit" className="button button-primary" disabled={readOnly}>
        Add part
      </button>
    </form>
  );
}

function PartCard({ id }: { id: string }) {
  const part = useParts((state) => state.byId[id]);
  const go = useNavigation((state) => state.go);
  if (!part) return null;
  return (
    <li>
      <button type="button" className="card-button part-card" onClick={() => go('self', { kind: 'part', id })}>
        <PartShape role={part.role} colour={part.colour} size={30} />
        <span className="part-card-text">
          <span className="part-card-name">{part.name}</span>
          <span className="part-card-meta">
            {roleLabels[part.role]} · {statusLabels[part.status]}
            {part.trust !== null ? ` · trust ${part.trust}/10` : ''}
          </span>
          {part.positiveIntent || part.job ? <span className="part-card-intent">{part.positiveIntent || part.job}</span> : null}
        </span>
      </button>
    </li>
  );
}
