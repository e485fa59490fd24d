import { useEffect, useState } from 'react';
import { pastStages, type RetroDecision, retroDecisions } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { useKeptDraft, useKeptDraftHolds } from '../ui/kept-draft';
import { PageHeading } from '../ui/PageHeading';
import { Field } from './CrewForm';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { CrewPending, useCrewLoadFailure } from './CrewMissing';
import { KeptDraftNote } from '../ui/KeptDraftNote';
import { Problem, useErrorFocus } from './Problem';
import { decisionNames } from './labels';

export interface RetroWords {
  heldOn: string;
  worked: string;
  didNotWork: string;
  change: string;
}

interface RetroDraft extends RetroWords {
  decision: RetroDecision | '';
  closingNote: string;
  sessions: string;
}

/** The control each field's problem focuses. */
const retroControls = {
  heldOn: 'retro-date',
  worked: 'retro-worked',
  didNotWork: 'retro-didnt',
  change: 'retro-change',
  decision: `retro-decision-${retroDecisions[0]}`,
  cycleSessions: 'retro-sessions',
  closingNote: 'retro-closing',
};

const blankRetro = (): RetroDraft => ({ heldOn: localDay(), worked: '', didNotWork: '', change: '', decision: '', closingNote: '', sessions: '' });

/** Whether a draft holds anything typed (a date alone is not words). */
const hasWords = (d: RetroDraft) => [d.worked, d.didNotWork, d.change, d.closingNote, d.sessions].some((v) => v.trim() !== '') || d.decision !== '';
/** Where a crew's retrospective keeps its words. */
const retroDraftKey = (crewId: string) => `crews:${crewId}:retrospective`;
const noRetroWords: RetroDraft = { ...blankRetro(), heldOn: '' };

/** Whether a crew has a retrospective started and kept, not saved yet (the crew page says so). */
export function useRetroDraftKept(crewId: string): boolean {
  return useKeptDraftHolds(retroDraftKey(crewId), noRetroWords, hasWords);
}

/** The words of a retrospective: shared by running one and correcting it afterwards. */
export function RetroWordsFields({ prefix, words, onChange, error }: { prefix: string; words: RetroWords; onChange: (patch: Partial<RetroWords>) => void; error: FormError | null }) {
  return (
    <>
      <Field id={`${prefix}-date`} label="Date" error={error} field="heldOn">
        <input id={`${prefix}-date`} type="date" value={words.heldOn} onChange={(e) => onChange({ heldOn: e.target.value })} />
      </Field>
      <Field id={`${prefix}-worked`} label="What worked" error={error} field="worked">
        <textarea id={`${prefix}-worked`} rows={3} value={words.worked} onChange={(e) => onChange({ worked: e.target.value })} />
      </Field>
      <Field id={`${prefix}-didnt`} label="What didn't" error={error} field="didNotWork">
        <textarea id={`${prefix}-didnt`} rows={3} value={words.didNotWork} onChange={(e) => onChange({ didNotWork: e.target.value })} />
      </Field>
      <Field id={`${prefix}-change`} label="What to change" error={error} field="change">
        <textarea id={`${prefix}-change`} rows={3} value={words.change} onChange={(e) => onChange({ change: e.target.value })} />
      </Field>
    </>
  );
}

/**
 * The retrospective: what worked, what didn't, what changes, and what the crew decides. The
 * words are kept (by crew) until saved or discarded, so Back and coming again finds them.
 */
export function RetroForm({ crewId }: { crewId: string }) {
  const detail = useCrews((state) => (state.detail?.crew.id === crewId ? state.detail : null));
  const loadCrew = useCrews((state) => state.loadCrew);
  const failure = useCrewLoadFailure();
  const retrospective = useCrews((state) => state.retrospective);
  const go = useNavigation((state) => state.go);
  const [draft, setDraft, clearDraft] = useKeptDraft<RetroDraft>(retroDraftKey(crewId), blankRetro());
  const edit = (patch: Partial<RetroDraft>) => setDraft({ ...draft, ...patch });
  // A problem belongs to this visit's Save, not to the kept words: a refusal from before (no
  // meeting yet, since recorded) would otherwise greet the next visit.
  const [error, setError] = useState<FormError | null>(null);
  const { decision, closingNote, sessions } = draft;
  const aim = useErrorFocus(retroControls);
  useEffect(() => {
    void loadCrew(crewId);
  }, [crewId, loadCrew]);
  if (!detail) return <CrewPending failure={failure} />;
  const { crew } = detail;
  // The core refuses a retrospective before the cycle's first meeting: said before any words are
  // typed, not after Save. Words kept from earlier stay shown, whatever the meetings.
  const noMeetingYet = detail.card.progress.held === 0;
  const ending = decision === 'close' || decision === 'split';
  const submit = async () => {
    if (decision === '') {
      setError(aim({ message: 'Choose what the crew decided.', field: 'decision' }));
      return;
    }
    const newCycle = decision === 'new_cycle' || decision === 'reshuffle';
    const problem = await retrospective({
      crewId,
      heldOn: draft.heldOn,
      worked: draft.worked,
      didNotWork: draft.didNotWork,
      change: draft.change,
      decision,
      closingNote,
      ...(newCycle && sessions.trim() !== '' ? { cycleSessions: Number(sessions) } : {}),
    });
    setError(problem ? aim(problem) : null);
    if (!problem) clearDraft();
  };
  return (
    <div className="page crews-page">
      <BackLink label={`Back to ${crew.name}`} onClick={() => go('crews', { kind: 'crew', id: crewId })} />
      <PageHeading lead={`${crew.name} · cycle ${crew.cycle}. Closing well counts as success.`}>Retrospective</PageHeading>
      {pastStages.includes(crew.stage) ? (
        <p className="crews-note">This crew has ended; its history stays as it is.</p>
      ) : null}
      {!pastStages.includes(crew.stage) && noMeetingYet ? (
        <>
          <p className="crews-note">
            A retrospective looks back on a cycle’s meetings, and none is recorded in cycle {crew.cycle} yet. After the first one, come back here.
          </p>
          <div className="crews-actions">
            <button type="button" className="button" onClick={() => go('crews', { kind: 'new-meeting', id: crewId })}>
              Record a meeting
            </button>
          </div>
        </>
      ) : null}
      {pastStages.includes(crew.stage) || (noMeetingYet && !hasWords(draft)) ? null : (
        <form
          className="crews-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <RetroWordsFields prefix="retro" words={draft} onChange={edit} error={error} />
          <fieldset className="crews-fieldset">
            <legend className="field-label">The decision</legend>
            {retroDecisions.map((d) => (
              <label key={d} className="crews-check">
                <input
                  id={`retro-decision-${d}`}
                  type="radio"
                  name="retro-decision"
                  value={d}
                  checked={decision === d}
                  onChange={() => {
                    edit({ decision: d });
                    // Chosen now: "Choose what the crew decided" no longer applies.
                    if (error?.field === 'decision') setError(null);
                  }}
                />
                {decisionNames[d]}
              </label>
            ))}
            <Problem error={error} field="decision" />
          </fieldset>
          {decision === 'new_cycle' || decision === 'reshuffle' ? (
            <>
              <Field id="retro-sessions" label="Sessions in the next cycle" error={error} field="cycleSessions">
                <input
                  id="retro-sessions"
                  type="number"
                  value={sessions}
                  onChange={(e) => edit({ sessions: e.target.value })}
                  placeholder={crew.cycleSessions ? String(crew.cycleSessions) : ''}
                  aria-describedby="retro-sessions-hint"
                />
              </Field>
              {/* The grey number is a placeholder, not a value: say what an empty box means. */}
              <p id="retro-sessions-hint" className="crews-muted">
                {crew.cycleSessions === null
                  ? 'Optional: left empty, the next cycle has no set number of sessions.'
                  : `Left empty, the next cycle plans ${crew.cycleSessions === 1 ? 'one session' : `${crew.cycleSessions} sessions`} again.`}
              </p>
            </>
          ) : null}
          {ending ? (
            <Field id="retro-closing" label="Closing note" error={error} field="closingNote">
              <textarea id="retro-closing" rows={3} value={closingNote} onChange={(e) => edit({ closingNote: e.target.value })} placeholder="A few words on what this crew was, to keep." />
            </Field>
          ) : null}
          <Problem error={error} fields={['heldOn', 'worked', 'didNotWork', 'change', 'decision', 'cycleSessions', 'closingNote']} />
          <KeptDraftNote
            shown={hasWords(draft)}
            what="the retrospective"
            onDiscard={() => {
              clearDraft();
              document.getElementById('retro-worked')?.focus();
            }}
          />
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
