import { useEffect, useRef, useState } from 'react';
import { type AgendaItem, type CrewMember, isUnnamedMe, type Prep } from '../../../shared/domain/crews';
import { defaultExportFolder } from '../../../shared/domain/transfer';
import { useAppInfo } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { PathField } from '../settings/PathField';
import { PageHeading } from '../ui/PageHeading';
import { ActionItems } from './ActionItems';
import { CaseTemplate } from './CaseTemplate';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { Field } from './CrewForm';
import { AgendaItemEditForm, EditButton, RaisedBy, useItemEditing } from './ItemEdits';
import { Problem, useErrorFocus } from './Problem';
import { CrewPending, useCrewLoadFailure } from './CrewMissing';
import { cycleEndedWords, nameOf, placeSentence, upcomingDay } from './labels';
import { useSubmitOnce } from '../ui/use-submit-once';
import { useKeptDraft } from '../ui/kept-draft';

const noneFormer: CrewMember[] = [];

/** "Next meeting": what to prepare offline, suggested from the crew's history. */
export function PrepView({ id }: { id: string }) {
  const prep = useCrews((state) => (state.prep?.crewId === id ? state.prep : null));
  const loadPrep = useCrews((state) => state.loadPrep);
  // A constant when there is no detail: a new [] on every read made React render forever.
  const former = useCrews((state) => (state.detail?.crew.id === id ? state.detail.formerMembers : noneFormer));
  const failure = useCrewLoadFailure();
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    void loadPrep(id);
  }, [id, loadPrep]);
  if (!prep) return <CrewPending failure={failure} />;
  const { session, members } = prep;
  return (
    <div className="page crews-page crews-prep">
      <BackLink label={`Back to ${prep.crewName}`} onClick={() => go('crews', { kind: 'crew', id })} />
      <PageHeading lead={prep.crewName}>Next meeting</PageHeading>
      <div className="crews-prep-facts">
        {/* The place belongs with the day, not with the rotation's explanation below. */}
        <Fact
          label={prep.place ? 'Date and place' : 'Date'}
          value={prep.date ? upcomingDay(prep.date) : 'Not set yet'}
          place={prep.place ? placeSentence(prep.place) : undefined}
          hint={prep.date === null ? undefined : prep.dateSetByHand ? 'set by hand' : 'from the rhythm'}
        />
        <Fact {...sessionFact(session.next, session.sessions)} />
        <Fact label={prep.hostChosen ? 'Host' : 'Suggested host'} value={prep.hostId ? nameOf(members, prep.hostId) : '—'} />
        <Fact label={prep.focusChosen ? 'Focus' : 'Suggested focus'} value={prep.focusId ? nameOf(members, prep.focusId) : '—'} />
      </div>
      <p className="crews-muted">
        Suggestions come from the rotation, so everyone has a turn at hosting and at the focus, and the host is never the focus too.
      </p>
      <PlanForm key={`${prep.date}|${prep.place}|${prep.hostId}|${prep.focusId}`} prep={prep} />
      {session.completeBecause === 'sessions' ? <p className="crews-note">The planned {session.sessions} sessions are done. Maybe this one is the retrospective?</p> : null}
      {session.completeBecause === 'end_date' && session.endOn ? (
        <p className="crews-note">{cycleEndedWords(session.endOn)}. Maybe this one is the retrospective?</p>
      ) : null}
      <div className="crews-grid">
        <section className="crews-panel" aria-labelledby="prep-agenda">
          <h2 id="prep-agenda">Agenda</h2>
          <AgendaList title="Carried over" items={prep.carried} members={members} former={former} crewId={id} />
          <AgendaList title="New" items={prep.fresh} members={members} former={former} crewId={id} />
          {prep.carried.length + prep.fresh.length === 0 ? <p className="crews-muted">Nothing yet. What would you like to bring?</p> : null}
          <AgendaAdder crewId={id} members={members} />
        </section>
        <section className="crews-panel" aria-labelledby="prep-actions">
          <h2 id="prep-actions">Open action items</h2>
          <ActionItems items={prep.openActionItems} members={members} former={former} crewId={id} />
          {prep.prompt ? (
            <div className="crews-prompt">
              <h2>Crew prompt of the day</h2>
              <p>{prep.prompt.text}</p>
            </div>
          ) : null}
        </section>
      </div>
      {prep.iAmFocus ? <CaseTemplate crewId={id} notes={prep.caseNotes} /> : null}
      <Share crewId={id} iAmFocus={prep.iAmFocus} unnamedMeId={members.find(isUnnamedMe)?.personId ?? null} />
      <div className="crews-actions">
        <button type="button" className="button" onClick={() => go('crews', { kind: 'new-meeting', id })}>
          Record this meeting
        </button>
      </div>
    </div>
  );
}

/** "Session 2 of 6"; past the planned number, never "Session 7 of 6": the plan is said beside it. */
function sessionFact(next: number, sessions: number | null): { label: string; value: string; hint?: string } {
  if (sessions === null) return { label: 'Session', value: `Session ${next}` };
  if (next <= sessions) return { label: 'Session', value: `Session ${next} of ${sessions}` };
  return { label: 'Session', value: `Session ${next}`, hint: `beyond the ${sessions} planned` };
}

function Fact({ label, value, place, hint }: { label: string; value: string; place?: string; hint?: string }) {
  return (
    <div className="crews-fact">
      <span className="field-label">{label}</span>
      <span className="crews-fact-value">{value}</span>
      {hint ? <span className="crews-item-meta">{hint}</span> : null}
      {place ? <span className="crews-fact-place">{place}</span> : null}
    </div>
  );
}

const planControls = { on: 'plan-date', place: 'plan-place', hostId: 'plan-host', focusId: 'plan-focus' };

/** The next meeting's date, place, host and focus, set by hand; empty means "as suggested". */
/**
 * Set as the plan form closes (saved, or Close): the form goes, shown afresh once the plan is saved,
 * and focus returns to the button that opened it instead of falling back to the page's heading.
 */
let focusPlanButton = false;

function PlanForm({ prep }: { prep: Prep }) {
  const planNext = useCrews((state) => state.planNext);
  const { members } = prep;
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState(prep.dateSetByHand && prep.date ? prep.date : '');
  const [place, setPlace] = useState(prep.place);
  const [hostId, setHostId] = useState(prep.hostChosen && prep.hostId ? prep.hostId : '');
  const [focusId, setFocusId] = useState(prep.focusChosen && prep.focusId ? prep.focusId : '');
  const [error, setError] = useState<FormError | null>(null);
  const aim = useErrorFocus(planControls);
  const suggested = (personId: string | null) => (personId ? `As suggested: ${nameOf(members, personId)}` : 'As suggested');
  const options = members.map((m) => (
    <option key={m.personId} value={m.personId}>
      {nameOf(members, m.personId)}
    </option>
  ));
  if (!open) {
    return (
      <div className="crews-actions">
        <button
          ref={(button) => {
            if (button && focusPlanButton) {
              focusPlanButton = false;
              button.focus();
            }
          }}
          type="button"
          className="button"
          aria-expanded={false}
          onClick={() => setOpen(true)}
        >
          Set the date, place, host or focus
        </button>
      </div>
    );
  }
  return (
    <form
      className="crews-panel crews-plan"
      aria-label="Plan the next meeting"
      onSubmit={(event) => {
        event.preventDefault();
        focusPlanButton = true;
        void planNext({ id: prep.crewId, on: on === '' ? null : on, place, hostId: hostId === '' ? null : hostId, focusId: focusId === '' ? null : focusId }).then((problem) => {
          if (problem) {
            focusPlanButton = false;
            setError(aim(problem));
          } else setOpen(false);
        });
      }}
    >
      <h2>Plan the next meeting</h2>
      <div className="crews-row">
        <Field id="plan-date" label="Next meeting on" error={error} field="on">
          <input id="plan-date" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </Field>
        <Field id="plan-place" label="Place" error={error} field="place" grow>
          <input id="plan-place" type="text" value={place} onChange={(e) => setPlace(e.target.value)} placeholder="e.g. Bea's kitchen, or online" />
        </Field>
        <Field id="plan-host" label="Host" error={error} field="hostId">
          <select id="plan-host" value={hostId} onChange={(e) => setHostId(e.target.value)}>
            <option value="">{suggested(prep.suggestedHostId)}</option>
            {options}
          </select>
        </Field>
        <Field id="plan-focus" label="Focus (case-giver)" error={error} field="focusId">
          <select id="plan-focus" value={focusId} onChange={(e) => setFocusId(e.target.value)}>
            <option value="">{suggested(prep.suggestedFocusId)}</option>
            {options}
          </select>
        </Field>
      </div>
      <p className="crews-muted">Leave the date empty to follow the rhythm.</p>
      <SameHostAndFocus hostId={hostId || prep.suggestedHostId} focusId={focusId || prep.suggestedFocusId} members={prep.members} />
      <Problem error={error} fields={['on', 'place', 'hostId', 'focusId']} />
      <div className="crews-actions">
        <button type="submit" className="button button-primary">
          Save the plan
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            focusPlanButton = true;
            setOpen(false);
          }}
        >
          Close
        </button>
      </div>
    </form>
  );
}

/** A gentle word, never a block: a Case Clinic host holds the space for the case-giver. */
function SameHostAndFocus({ hostId, focusId, members }: { hostId: string | null; focusId: string | null; members: CrewMember[] }) {
  if (!hostId || hostId !== focusId) return null;
  return (
    <p className="crews-muted" role="status">
      {nameOf(members, hostId)} would host and give the case too. The host usually holds the space for the case-giver, so someone else may suit; the plan can still
      be saved like this.
    </p>
  );
}

function AgendaList({ title, items, members, former, crewId }: { title: string; items: AgendaItem[]; members: CrewMember[]; former: CrewMember[]; crewId: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="crews-items" aria-label={title}>
        {items.map((item) => (
          <AgendaRow key={item.id} item={item} members={members} former={former} crewId={crewId} />
        ))}
      </ul>
    </>
  );
}

function AgendaRow({ item, members, former, crewId }: { item: AgendaItem; members: CrewMember[]; former: CrewMember[]; crewId: string }) {
  const drop = useCrews((state) => state.dropAgendaItem);
  const editAgendaItem = useCrews((state) => state.editAgendaItem);
  const { editing, button, start, stop } = useItemEditing();
  if (editing) {
    return (
      <li className="crews-item crews-item-editing">
        <AgendaItemEditForm item={item} members={members} former={former} save={(input) => editAgendaItem(item, input, crewId)} close={stop} />
      </li>
    );
  }
  return (
    <li className={`crews-item${item.private ? ' crews-item-private' : ''}`}>
      <span className="crews-item-text">
        {item.private ? <span className="crews-private-tag">Private · only in my prep</span> : null}
        {item.text}
        <span className="crews-item-meta">
          {item.raisedById ? `raised by ${nameOf(members, item.raisedById, former)}` : ''}
          {item.carried > 0 ? `${item.raisedById ? ' · ' : ''}carried over ${item.carried === 1 ? 'once' : `${item.carried} times`}` : ''}
        </span>
      </span>
      <span className="crews-item-buttons">
        <EditButton text={item.text} onClick={start} buttonRef={button} />
        <button type="button" className="button button-quiet" aria-label={`Drop “${item.text}” from the agenda`} onClick={() => void drop(item.id, crewId)}>
          Drop
        </button>
      </span>
    </li>
  );
}

/** An agenda item typed but not added yet: kept like every other draft (Back, a lock, a restart). */
const noAgendaItem = { text: '', raisedBy: '', isPrivate: false };

function AgendaAdder({ crewId, members }: { crewId: string; members: CrewMember[] }) {
  const add = useCrews((state) => state.addAgendaItem);
  const [draft, setDraft, clearDraft] = useKeptDraft(`crews:${crewId}:agenda-item`, noAgendaItem);
  const { text, raisedBy, isPrivate } = draft;
  const setText = (next: string) => setDraft({ ...draft, text: next });
  const setRaisedBy = (next: string) => setDraft({ ...draft, raisedBy: next });
  const setPrivate = (next: boolean) => setDraft({ ...draft, isPrivate: next });
  const [error, setError] = useState<FormError | null>(null);
  const textField = useRef<HTMLInputElement>(null);
  const submitting = useSubmitOnce();
  return (
    <form
      className="crews-adder"
      onSubmit={(event) => {
        event.preventDefault();
        void submitting.run(async () => {
          const problem = await add({ crewId, text, raisedById: isPrivate || raisedBy === '' ? null : raisedBy, private: isPrivate });
          setError(problem);
          if (!problem) {
            // Each item starts afresh: a raiser or privacy chosen for one never slips onto the next.
            clearDraft();
            textField.current?.focus();
          }
        });
      }}
    >
      <label className="field-label" htmlFor="agenda-text">
        Agenda item
      </label>
      <input ref={textField} id="agenda-text" type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Something to bring to the crew" />
      <div className="crews-inline">
        <label className="field-label" htmlFor="agenda-raised-by">
          Raised by
        </label>
        <RaisedBy id="agenda-raised-by" value={raisedBy} onChange={setRaisedBy} isPrivate={isPrivate} people={members.map((m) => ({ id: m.personId, name: nameOf(members, m.personId) }))} />
        <label className="crews-check">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
          Private (my own prep; never shared)
        </label>
        <button type="submit" className="button" disabled={text.trim() === '' || submitting.pending}>
          Add to the agenda
        </button>
      </div>
      <Problem error={error} />
    </form>
  );
}

/** Copy or save the shared prep. The clipboard may be unavailable, so saving a file always works. */
function Share({ crewId, iAmFocus, unnamedMeId }: { crewId: string; iAmFocus: boolean; unnamedMeId: string | null }) {
  const markdown = useCrews((state) => state.markdown);
  const save = useCrews((state) => state.saveMarkdown);
  const [shown, setShown] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const go = useNavigation((state) => state.go);
  const home = useAppInfo((state) => state.info?.homeFolder ?? '');
  // Starts at the folder Settings › Export suggests, until the person types or chooses another.
  const [typed, setTyped] = useState<string | null>(null);
  const folder = typed ?? defaultExportFolder(home);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [includeCase, setIncludeCase] = useState(true);
  const withCase = iAmFocus && includeCase;
  const copy = async () => {
    const { markdown: text } = await markdown(crewId, withCase);
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied. Private agenda items were left out.');
      setShown(null);
    } catch {
      setShown(text);
      setMessage('Copying is not available here: select the text below and copy it.');
    }
  };
  return (
    <section className="crews-panel" aria-labelledby="prep-share">
      <h2 id="prep-share">Share with the crew</h2>
      <p className="crews-muted">The shared prep leaves out your private agenda items and the prompt.</p>
      {unnamedMeId ? (
        <p className="crews-note crews-name-note">
          You have no name here yet, so the shared prep calls you “me”.{' '}
          <button type="button" className="button button-quiet" onClick={() => go('dyads', { kind: 'edit-person', id: unnamedMeId })}>
            Add your name
          </button>
        </p>
      ) : null}
      {iAmFocus ? (
        <label className="crews-check">
          <input type="checkbox" checked={includeCase} onChange={(e) => setIncludeCase(e.target.checked)} />
          Include my case, so the crew can read it beforehand
        </label>
      ) : null}
      <div className="crews-actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy as Markdown
        </button>
        <button type="button" className="button" onClick={() => setSaving((v) => !v)} aria-expanded={saving}>
          Save as Markdown…
        </button>
      </div>
      {message ? (
        <p className="crews-note" role="status">
          {message}
        </p>
      ) : null}
      {shown !== null ? (
        <>
          <label className="crews-hidden" htmlFor="prep-markdown">
            Prep as Markdown
          </label>
          <textarea id="prep-markdown" className="crews-markdown" readOnly rows={10} value={shown} onFocus={(e) => e.target.select()} />
        </>
      ) : null}
      {saving ? (
        <form
          className="crews-save"
          onSubmit={(event) => {
            event.preventDefault();
            void save(crewId, folder, withCase).then(({ path, madeFolder, error: problem }) => {
              setError(problem);
              if (path) {
                setMessage(madeFolder ? `Made the folder ${madeFolder} and saved the file there: ${path}` : `Saved to ${path}`);
                setSaving(false);
              }
            });
          }}
        >
          <PathField id="prep-folder" label="Folder" value={folder} onChange={setTyped} pick={{ kind: 'folder' }} placeholder="A full path, e.g. ~/Documents" />
          <p className="crews-muted">A folder that is not there yet is made. Nothing already there is overwritten.</p>
          <Problem error={error} />
          <button type="submit" className="button button-primary">
            Save the file
          </button>
        </form>
      ) : null}
    </section>
  );
}
