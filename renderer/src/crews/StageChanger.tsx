import { useState } from 'react';
import { type CrewDetail, type CrewStage, stageMoves } from '../../../shared/domain/crews';
import { localDay } from '../self/dates';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { type FormError, useCrews } from './crews-store';
import { Field } from './CrewForm';
import { Problem, useErrorFocus } from './Problem';
import { contractProblem } from './contract-check';
import { onDay, sentenceStart, stageNames } from './labels';

type OpenItems = 'keep' | 'drop';

const stageControls = { stage: 'crew-next-stage', on: 'crew-stage-on', note: 'crew-stage-note' };

/**
 * Moving the crew on by hand. Closing or splitting asks first (focus on the safe answer) and says
 * what becomes of the open action items; every change comes with Undo.
 */
export function StageChanger({ detail }: { detail: CrewDetail }) {
  const setStage = useCrews((state) => state.setStage);
  const { crew } = detail;
  // The core refuses the retrospective stage before the cycle's first meeting, so it is not offered.
  const moves = stageMoves[crew.stage].filter((stage) => stage !== 'retrospective' || detail.card.progress.held > 0);
  const [to, setTo] = useState<CrewStage | ''>('');
  const [on, setOn] = useState(localDay());
  const [note, setNote] = useState('');
  const [openItems, setOpenItems] = useState<OpenItems>('keep');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const aim = useErrorFocus(stageControls);
  if (moves.length === 0) return null;
  const ending = to === 'closed' || to === 'split';
  const open = detail.openActionItems.length;
  const openWords = open === 1 ? '1 action item is' : `${open} action items are`;
  const them = open === 1 ? 'it' : 'them';

  const input = () => ({ id: crew.id, stage: to as CrewStage, on, note, ...(ending ? { openActionItems: openItems } : {}) });

  /** The contract's own check (a day between 1900 and 2100…), before anything is asked or saved. */
  const checked = async (): Promise<FormError | null> =>
    (await contractProblem('crews.setStage', input())) ?? (ending && note.trim() === '' ? { message: 'Closing asks for a short closing note.', field: 'note' } : null);

  const change = async () => {
    if (to === '') return;
    setBusy(true);
    const problem = await setStage(input());
    setBusy(false);
    setAsking(false);
    setError(aim(problem));
    if (!problem) {
      setTo('');
      setNote('');
      setOn(localDay());
      setOpenItems('keep');
      // The button just pressed goes disabled with the form reset: focus stays in the form.
      if (!ending) document.getElementById('crew-next-stage')?.focus();
    }
  };

  return (
    <form
      className="crews-stage-form"
      aria-label="Change the crew's stage"
      onSubmit={(event) => {
        event.preventDefault();
        if (to === '') return;
        void checked().then((problem) => {
          setError(aim(problem));
          if (problem) return;
          if (ending) setAsking(true);
          else void change();
        });
      }}
    >
      <div className="crews-row">
        <Field id="crew-next-stage" label="Move to" error={error} field="stage">
          <select id="crew-next-stage" value={to} onChange={(e) => setTo(e.target.value as CrewStage)}>
            <option value="">Choose a stage…</option>
            {moves.map((m) => (
              <option key={m} value={m}>
                {stageNames[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="crew-stage-on" label={to === 'closed' ? 'Closing day' : 'On'} error={error} field="on">
          <input id="crew-stage-on" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </Field>
        <Field id="crew-stage-note" label={ending ? 'Closing note' : 'Note for this change (optional)'} error={error} field="note" grow>
          <input id="crew-stage-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder={ending ? 'A few words on what this crew was, to keep' : ''} />
        </Field>
      </div>
      {ending && open > 0 ? (
        <fieldset className="crews-fieldset">
          <legend className="field-label">{openWords} still open</legend>
          <label className="crews-check">
            <input type="radio" name="crew-open-items" checked={openItems === 'keep'} onChange={() => setOpenItems('keep')} />
            Keep {them} open: I can mark {open === 1 ? 'it' : 'each'} done or drop it on the crew's page later
          </label>
          <label className="crews-check">
            <input type="radio" name="crew-open-items" checked={openItems === 'drop'} onChange={() => setOpenItems('drop')} />
            Drop {them} with the crew: nothing more to do
          </label>
        </fieldset>
      ) : null}
      <Problem error={error} fields={['stage', 'on', 'note']} />
      <div className="crews-actions">
        <button type="submit" className="button" disabled={to === '' || busy}>
          Change stage
        </button>
      </div>
      {asking ? (
        <ConfirmDialog
          title={to === 'closed' ? `Close ${crew.name}?` : `Split ${crew.name}?`}
          confirmLabel={to === 'closed' ? 'Close the crew' : 'Split the crew'}
          tone="calm"
          cancelLabel="Keep it going"
          busy={busy}
          onConfirm={() => void change()}
          onCancel={() => setAsking(false)}
        >
          <p>
            {sentenceStart(onDay(on))} it moves to your past crews. Its meetings, notes and agreements stay readable; nothing new is added to it. You can undo this
            right after.
          </p>
          {open > 0 ? (
            <p>
              {openWords} still open.{' '}
              {openItems === 'keep'
                ? `${open === 1 ? 'It stays' : 'They stay'} open on the crew's page, to mark done or drop when settled.`
                : `${open === 1 ? 'It is' : 'They are'} dropped along with the crew.`}
            </p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
