import { useEffect, useState } from 'react';
import { type AgendaItem, caseGiverTemplate, type CrewMember } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { PathField } from '../settings/PathField';
import { PageHeading } from '../ui/PageHeading';
import { ActionItems } from './ActionItems';
import { BackTo } from './CrewsPage';
import { type FormError, useCrews } from './crews-store';
import { Problem } from './Problem';
import { formatDay, nameOf } from './labels';

/** "Next meeting": what to prepare offline, suggested from the crew's history. */
export function PrepView({ id }: { id: string }) {
  const prep = useCrews((state) => (state.prep?.crewId === id ? state.prep : null));
  const loadPrep = useCrews((state) => state.loadPrep);
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    void loadPrep(id);
  }, [id, loadPrep]);
  if (!prep) return <div className="page crews-page" />;
  const { session, members } = prep;
  return (
    <div className="page crews-page crews-prep">
      <BackTo label={`Back to ${prep.crewName}`} onClick={() => go('crews', { kind: 'crew', id })} />
      <PageHeading lead={prep.crewName}>Next meeting</PageHeading>
      <div className="crews-prep-facts">
        <Fact label="Date" value={prep.date ? formatDay(prep.date) : 'Not set yet'} />
        <Fact label="Session" value={session.sessions === null ? `Session ${session.next}` : `Session ${session.next} of ${session.sessions}`} />
        <Fact label="Suggested host" value={prep.suggestedHostId ? nameOf(members, prep.suggestedHostId) : '—'} />
        <Fact label="Suggested focus" value={prep.suggestedFocusId ? nameOf(members, prep.suggestedFocusId) : '—'} />
      </div>
      <p className="crews-muted">Suggested so that nobody hosts or takes the focus twice before everyone has had a turn.</p>
      {session.sessions !== null && session.next > session.sessions ? (
        <p className="crews-note">The planned {session.sessions} sessions are done. Maybe this one is the retrospective?</p>
      ) : null}
      <div className="crews-grid">
        <section className="crews-panel" aria-labelledby="prep-agenda">
          <h2 id="prep-agenda">Agenda</h2>
          <AgendaList title="Carried over" items={prep.carried} members={members} crewId={id} />
          <AgendaList title="New" items={prep.fresh} members={members} crewId={id} />
          {prep.carried.length + prep.fresh.length === 0 ? <p className="crews-muted">Nothing yet. What would you like to bring?</p> : null}
          <AgendaAdder crewId={id} members={members} />
        </section>
        <section className="crews-panel" aria-labelledby="prep-actions">
          <h2 id="prep-actions">Open action items</h2>
          <ActionItems items={prep.openActionItems} members={members} crewId={id} />
          {prep.prompt ? (
            <div className="crews-prompt">
              <h2>Crew prompt of the day</h2>
              <p>{prep.prompt.text}</p>
            </div>
          ) : null}
        </section>
      </div>
      {prep.iAmFocus ? (
        <section className="crews-panel" aria-labelledby="prep-case">
          <h2 id="prep-case">You are the focus: your case</h2>
          <p className="crews-muted">The case clinic's intention statement, about ten minutes. A current, concrete challenge you are central to.</p>
          <ol className="crews-case">
            {caseGiverTemplate.map((t) => (
              <li key={t.key}>{t.label}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <Share crewId={id} />
      <div className="crews-actions">
        <button type="button" className="button" onClick={() => go('crews', { kind: 'new-meeting', id })}>
          Record this meeting
        </button>
      </div>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="crews-fact">
      <span className="field-label">{label}</span>
      <span className="crews-fact-value">{value}</span>
    </div>
  );
}

function AgendaList({ title, items, members, crewId }: { title: string; items: AgendaItem[]; members: CrewMember[]; crewId: string }) {
  const drop = useCrews((state) => state.dropAgendaItem);
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="crews-items" aria-label={title}>
        {items.map((item) => (
          <li key={item.id} className={`crews-item${item.private ? ' crews-item-private' : ''}`}>
            <span className="crews-item-text">
              {item.private ? <span className="crews-private-tag">Private · only in my prep</span> : null}
              {item.text}
              <span className="crews-item-meta">
                {item.raisedById ? `raised by ${nameOf(members, item.raisedById)}` : ''}
                {item.carried > 0 ? `${item.raisedById ? ' · ' : ''}carried over ${item.carried === 1 ? 'once' : `${item.carried} times`}` : ''}
              </span>
            </span>
            <button type="button" className="button button-quiet" aria-label={`Drop “${item.text}” from the agenda`} onClick={() => void drop(item.id, crewId)}>
              Drop
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function AgendaAdder({ crewId, members }: { crewId: string; members: CrewMember[] }) {
  const add = useCrews((state) => state.addAgendaItem);
  const [text, setText] = useState('');
  const [raisedBy, setRaisedBy] = useState('');
  const [isPrivate, setPrivate] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  return (
    <form
      className="crews-adder"
      onSubmit={(event) => {
        event.preventDefault();
        void add({ crewId, text, raisedById: raisedBy === '' ? null : raisedBy, private: isPrivate }).then((problem) => {
          setError(problem);
          if (!problem) {
            // Each item chooses privacy afresh, so a shared item is never made private by accident.
            setText('');
            setPrivate(false);
          }
        });
      }}
    >
      <label className="field-label" htmlFor="agenda-text">
        Agenda item
      </label>
      <input id="agenda-text" type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Something to bring to the crew" />
      <div className="crews-inline">
        <label className="field-label" htmlFor="agenda-raised-by">
          Raised by
        </label>
        <select id="agenda-raised-by" value={raisedBy} onChange={(e) => setRaisedBy(e.target.value)}>
          <option value="">—</option>
          {members.map((m) => (
            <option key={m.personId} value={m.personId}>
              {nameOf(members, m.personId)}
            </option>
          ))}
        </select>
        <label className="crews-check">
          <input type="checkbox" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
          Private (my own prep; never shared)
        </label>
        <button type="submit" className="button" disabled={text.trim() === ''}>
          Add to the agenda
        </button>
      </div>
      <Problem error={error} />
    </form>
  );
}

/** Copy or save the shared prep. The clipboard may be unavailable, so saving a file always works. */
function Share({ crewId }: { crewId: string }) {
  const markdown = useCrews((state) => state.markdown);
  const save = useCrews((state) => state.saveMarkdown);
  const [shown, setShown] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const copy = async () => {
    const { markdown: text } = await markdown(crewId);
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
      <p className="crews-muted">The shared prep leaves out your private agenda items, the prompt and your case notes.</p>
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
            void save(crewId, folder).then(({ path, error: problem }) => {
              setError(problem);
              if (path) {
                setMessage(`Saved to ${path}`);
                setSaving(false);
              }
            });
          }}
        >
          <PathField id="prep-folder" label="Folder" value={folder} onChange={setFolder} pick={{ kind: 'folder' }} placeholder="Documents (leave empty), or a full path" />
          <Problem error={error} />
          <button type="submit" className="button button-primary">
            Save the file
          </button>
        </form>
      ) : null}
    </section>
  );
}
