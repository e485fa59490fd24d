import { type FormEvent, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PartRelation, RelationKind } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { usePartPage } from './part-page-store';
import { useParts } from './parts-store';

type Choice = RelationKind | 'protected_by';

const choices: { value: Choice; label: string }[] = [
  { value: 'protects', label: 'Protects' },
  { value: 'protected_by', label: 'Is protected by' },
  { value: 'polarised', label: 'Is polarised with' },
  { value: 'allied', label: 'Is allied with' },
];

/** How a relation reads from this part's side: "protects Little one", "is protected by Critic". */
function phrase(relation: PartRelation, selfId: string) {
  if (relation.kind === 'protects') return relation.partId === selfId ? 'Protects' : 'Is protected by';
  return relation.kind === 'polarised' ? 'Is polarised with' : 'Is allied with';
}

export function PartRelations({ partId, relations }: { partId: string; relations: PartRelation[] }) {
  const ids = useParts(useShallow((state) => state.ids));
  const byId = useParts((state) => state.byId);
  const relate = usePartPage((state) => state.relate);
  const unrelate = usePartPage((state) => state.unrelate);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const others = ids.filter((id) => id !== partId);
  const [kind, setKind] = useState<Choice>('polarised');
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!other) {
      setError('Choose the other part.');
      return;
    }
    const problem = await relate(kind, other);
    setError(problem?.message ?? null);
    if (!problem) setOther('');
  };

  return (
    <div className="part-relations">
      {relations.length === 0 ? <p className="muted">No relations yet. Does this part protect another, or pull against one?</p> : null}
      {relations.length > 0 ? (
        <ul className="relation-list">
          {relations.map((relation) => {
            const otherId = relation.partId === partId ? relation.otherPartId : relation.partId;
            const otherName = byId[otherId]?.name ?? 'another part';
            return (
              <li key={relation.id} className={`relation relation-${relation.kind}`}>
                <span>
                  {phrase(relation, partId)}{' '}
                  <button type="button" className="link-button" onClick={() => go('self', { kind: 'part', id: otherId })}>
                    {otherName}
                  </button>
                </span>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={`Remove: ${phrase(relation, partId).toLowerCase()} ${otherName}`}
                  disabled={readOnly}
                  onClick={() => void unrelate(relation.id)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {others.length > 0 ? (
        <form className="inline-form relation-form" aria-label="Add a relation" onSubmit={(event) => void submit(event)}>
          <label className="visually-hidden" htmlFor="relation-kind">
            Relation
          </label>
          <select id="relation-kind" className="select" value={kind} disabled={readOnly} onChange={(event) => setKind(event.target.value as Choice)}>
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
          <label className="visually-hidden" htmlFor="relation-other">
            Other part
          </label>
          <select id="relation-other" className="select" value={other} disabled={readOnly} onChange={(event) => setOther(event.target.value)}>
            <option value="">Choose a part…</option>
            {others.map((id) => (
              <option key={id} value={id}>
                {byId[id]?.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={readOnly}>
            Add relation
          </button>
        </form>
      ) : (
        <p className="muted small">Name another part to relate this one to it.</p>
      )}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
