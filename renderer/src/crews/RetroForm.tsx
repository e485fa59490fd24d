import { useEffect, useState } from 'react';
import { pastStages, type RetroDecision, retroDecisions } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { Problem } from './Problem';
import { decisionNames } from './labels';

/** The retrospective: what worked, what didn't, what changes, and what the crew decides. */
export function RetroForm({ crewId }: { crewId: string }) {
  const detail = useCrews((state) => (state.detail?.crew.id === crewId ? state.detail : null));
  const loadCrew = useCrews((state) => state.loadCrew);
  const retrospective = useCrews((state) => state.retrospective);
  const go = useNavigation((state) => state.go);
  const [heldOn, setHeldOn] = useState(localDay());
  const [worked, setWorked] = useState('');
  const [didNotWork, setDidNotWork] = useState('');
  const [change, setChange] = useState('');
  const [decision, setDecision] = useState<RetroDecision | ''>('');
  const [closingNote, setClosingNote] = useState('');
  const [sessions, setSessions] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  useEffect(() => {
    void loadCrew(crewId);
  }, [crewId, loadCrew]);
  if (!detail) return <div className="page crews-page" />;
  const { crew } = detail;
  const ending = decision === 'close' || decision === 'split';
  const submit = async () => {
    if (decision === '') {
      setError({ message: 'Choose what the crew decided.', field: 'decision' });
      return;
    }
    const newCycle = decision === 'new_cycle' || decision === 'reshuffle';
    setError(
      await retrospective({
        crewId,
        heldOn,
        worked,
        didNotWork,
        change,
        decision,
        closingNote,
        ...(newCycle && sessions.trim() !== '' ? { cycleSessions: Number(sessions) } : {}),
      }),
    );
  };
  return (
    <div className="page crews-page">
      <BackLink label={`Back to ${crew.name}`} onClick={() => go('crews', { kind: 'crew', id: crewId })} />
      <PageHeading lead={`${crew.name} · cycle ${crew.cycle}. Closing well counts as success.`}>Retrospective</PageHeading>
      {pastStages.includes(crew.stage) ? (
        <p className="crews-note">This crew has ended; its history stays as it is.</p>
      ) : (
        <form
          className="crews-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Field id="retro-date" label="Date" error={error} field="heldOn">
            <input id="retro-date" type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
          </Field>
          <Field id="retro-worked" label="What worked" error={error} field="worked">
            <textarea id="retro-worked" rows={3} value={worked} onChange={(e) => setWorked(e.target.value)} />
          </Field>
          <Field id="retro-didnt" label="What didn't" error={error} field="didNotWork">
            <textarea id="retro-didnt" rows={3} value={didNotWork} onChange={(e) => setDidNotWork(e.target.value)} />
          </Field>
          <Field id="retro-change" label="What to change" error={error} field="change">
            <textarea id="retro-change" rows={3} value={change} onChange={(e) => setChange(e.target.value)} />
          </Field>
          <fieldset className="crews-fieldset">
            <legend className="field-label">The decision</legend>
            {retroDecisions.map((d) => (
              <label key={d} className="crews-check">
                <input type="radio" name="retro-decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
                {decisionNames[d]}
              </label>
            ))}
            <Problem error={error} field="decision" />
          </fieldset>
          {decision === 'new_cycle' || decision === 'reshuffle' ? (
            <Field id="retro-sessions" label="Sessions in the next cycle" error={error} field="cycleSessions">
              <input id="retro-sessions" type="number" value={sessions} onChange={(e) => setSessions(e.target.value)} placeholder={crew.cycleSessions ? String(crew.cycleSessions) : ''} />
            </Field>
          ) : null}
          {ending ? (
            <Field id="retro-closing" label="Closing note" error={error} field="closingNote">
              <textarea id="retro-closing" rows={3} value={closingNote} onChange={(e) => setClosingNote(e.target.value)} placeholder="A few words on what this crew was, to keep." />
            </Field>
          ) : null}
          <Problem error={error} fields={['heldOn', 'worked', 'didNotWork', 'change', 'decision', 'cycleSessions', 'closingNote']} />
          <div className="crews-actions">
            <button type="submit" className="button button-primary">
              Save the retrospective
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
