import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { protectorSteps } from '../../../../shared/domain/protector-reflection';
import { type PartRole, reactiveFeelings } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { flushKeptDrafts, subscribeKeptDraft } from '../../ui/kept-drafts-store';
import { KeptDraftNote } from '../../ui/KeptDraftNote';
import { useToasts } from '../../ui/toast-store';
import { useEntryEditor } from '../entry-editor-store';
import { SelfEnergyInput } from '../entry/SelfEnergyInput';
import { PartShape } from '../parts/PartShape';
import { roleLabels } from '../parts/part-labels';
import { useParts } from '../parts/parts-store';
import { lastStep, useProtectorFlow } from './protector-store';

/**
 * Getting to know a protector with the 6 F's, one step at a time. Only protectors are guided:
 * work with exiles belongs with a therapist, so the flow says so and never goes there.
 * The answers are kept as a draft until the end (protector-store.ts): stopping loses nothing.
 */
export function ProtectorFlow({ partId }: { partId: string | null }) {
  const start = useProtectorFlow((state) => state.start);
  const step = useProtectorFlow((state) => state.step);
  const saved = useProtectorFlow((state) => state.saved);
  const key = useProtectorFlow((state) => state.key);
  const resumed = useProtectorFlow((state) => state.resumed);
  const holdsWords = useProtectorFlow((state) => state.holdsWords());
  const discard = useProtectorFlow((state) => state.discard);
  const heading = useRef<HTMLHeadingElement>(null);
  // Started from a part that is no longer there (deleted, then reached with Back): its kept
  // answers went with it, and nothing here may write them back for a part that is gone.
  const partGone = useParts((state) => partId !== null && state.status === 'ready' && state.byId[partId] === undefined);

  useEffect(() => {
    start(partId);
  }, [partId, start]);

  // Answers kept before a restart may arrive after the flow opened: they are taken up then.
  useEffect(() => (key === null ? undefined : subscribeKeptDraft(key, () => useProtectorFlow.getState().pickUp())), [key]);

  // Leaving the flow (another tab, another page) writes the answers to the archive at once.
  useEffect(() => () => void flushKeptDrafts(), []);

  // Each step's heading takes focus, so the keyboard and screen readers follow the flow.
  useEffect(() => {
    if (useNavigation.getState().moves > 0 || step > 0) heading.current?.focus();
  }, [step, saved, partGone]);

  if (saved) return <Finished headingRef={heading} />;
  if (partGone) return <PartGone headingRef={heading} />;
  const current = protectorSteps[step] ?? protectorSteps[0];

  return (
    <section className="self-view protector-flow" aria-labelledby="protector-heading">
      <div className="view-head">
        <h2 id="protector-heading">Get to know a protector</h2>
        <p className="view-lead">
          Six gentle steps from IFS. Go at your own pace; any answer can stay empty. If it gets too much, stop: your answers
          are kept as a draft, and you can go on another time. Nothing goes into your journal until you save at the end.
        </p>
      </div>
      {resumed ? (
        <p className="flow-note flow-resumed" role="note">
          You&rsquo;re back where you stopped: your answers so far are as you left them.
        </p>
      ) : null}
      <ol className="flow-steps" aria-label="Steps">
        {protectorSteps.map((s, index) => (
          <li key={s.id} className={index < step ? 'flow-step done' : index === step ? 'flow-step current' : 'flow-step'} aria-current={index === step ? 'step' : undefined}>
            <span className="flow-step-number" aria-hidden="true">
              {index + 1}
            </span>
            {s.title}
          </li>
        ))}
      </ol>
      <StepForm>
        <h3 ref={heading} tabIndex={-1} className="flow-question-title">
          {step + 1}. {current.title}
        </h3>
        <p className="flow-question">{current.question}</p>
        {current.id === 'find' ? <FindStep /> : null}
        {current.id === 'focus' ? <TextAnswer field="focus" label="What you notice" /> : null}
        {current.id === 'flesh-out' ? <FleshOutStep /> : null}
        {current.id === 'feel-toward' ? <FeelTowardStep /> : null}
        {current.id === 'befriend' ? <BefriendStep /> : null}
        {current.id === 'fears' ? <TextAnswer field="fears" label="What it fears would happen if it stopped" /> : null}
      </StepForm>
      <KeptDraftNote
        shown={holdsWords}
        what="the reflection"
        onDiscard={() => {
          discard();
          heading.current?.focus();
        }}
      />
      <p className="flow-footnote muted">
        This flow is for protectors: managers and firefighters. Work with exiles and unburdening is best done with a therapist;
        you can keep a log of that work in your journal.
      </p>
    </section>
  );
}

function StepForm({ children }: { children: ReactNode }) {
  const step = useProtectorFlow((state) => state.step);
  const next = useProtectorFlow((state) => state.next);
  const back = useProtectorFlow((state) => state.back);
  const save = useProtectorFlow((state) => state.save);
  const saving = useProtectorFlow((state) => state.saving);
  const error = useProtectorFlow((state) => (state.error?.step === state.step ? state.error : null));
  const suggest = useProtectorFlow((state) => state.suggestStepBack);
  const readOnly = useReadOnly();
  const stop = useStopHere();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step === lastStep) void save();
    else next();
  };

  return (
    <form className="flow-card" onSubmit={submit} aria-labelledby="protector-heading">
      {children}
      {suggest ? <StepBackSuggestion /> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="flow-actions">
        <button type="button" className="button button-quiet" onClick={() => void stop()}>
          Stop here
        </button>
        {step > 0 ? (
          <button type="button" className="button" onClick={back}>
            Back
          </button>
        ) : null}
        {suggest ? null : (
          <button type="submit" className="button button-primary" disabled={readOnly || saving}>
            {step === lastStep ? 'Save reflection' : 'Next'}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * "Stop here": back where the flow was opened from (the part's page, or the journal), with the
 * answers written to the archive first and a word on where they wait.
 */
function useStopHere() {
  const go = useNavigation((state) => state.go);
  const startedFrom = useProtectorFlow((state) => state.startedFrom);
  const partName = useParts((state) => (startedFrom ? state.byId[startedFrom]?.name : undefined));
  return async () => {
    const flow = useProtectorFlow.getState();
    const kept = flow.holdsWords();
    await flow.stop();
    if (startedFrom && partName !== undefined) go('self', { kind: 'part', id: startedFrom });
    else go('self');
    if (!kept) return;
    const wayBack = startedFrom && partName !== undefined ? `“Continue the reflection you started” on ${partName}’s page` : '“Get to know a protector” in the journal';
    useToasts.getState().show(`Your answers are kept as a draft, not saved to your journal yet. ${wayBack} goes on where you stopped.`);
  };
}

function StepBackSuggestion() {
  const checkAgain = useProtectorFlow((state) => state.checkAgain);
  const continueAnyway = useProtectorFlow((state) => state.continueAnyway);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="step-back" role="region" aria-label="Another part may be answering" tabIndex={-1} ref={ref}>
      <p>
        <strong>It sounds like another part may be answering.</strong> That&rsquo;s natural. If you like, ask that part, kindly, to
        step back a little, just for now, so you can be with this protector with some curiosity. Then check again how you feel
        toward it.
      </p>
      <div className="step-back-actions">
        <button type="button" className="button button-primary" onClick={checkAgain}>
          I asked it to step back. Check again
        </button>
        <button type="button" className="button" onClick={continueAnyway}>
          Continue anyway
        </button>
      </div>
    </div>
  );
}

function FindStep() {
  const ids = useParts(useShallow((state) => state.ids));
  const byId = useParts((state) => state.byId);
  const answers = useProtectorFlow((state) => state.answers);
  const answer = useProtectorFlow((state) => state.answer);
  const error = useProtectorFlow((state) => (state.error?.step === 0 ? state.error : null));
  const naming = answers.partId === null;
  return (
    <div className="flow-fields">
      <fieldset className="flow-choice">
        <legend className="field-label">Which part</legend>
        <div className="flow-part-options">
          {ids.map((id) => {
            const part = byId[id];
            // Exiles are met with a therapist, not in this flow (one already chosen stays, to be seen unchosen).
            if (!part || (part.role === 'exile' && answers.partId !== id)) return null;
            return (
              <label key={id} className="flow-part-option">
                <input type="radio" name="flow-part" checked={answers.partId === id} onChange={() => answer({ partId: id })} />
                <PartShape role={part.role} colour={part.colour} />
                {part.name}
              </label>
            );
          })}
          <label className="flow-part-option">
            <input type="radio" name="flow-part" checked={naming} onChange={() => answer({ partId: null })} />A part I haven&rsquo;t named yet
          </label>
        </div>
      </fieldset>
      {naming ? (
        <div className="flow-new-part">
          <div className="profile-field">
            <label className="field-label" htmlFor="flow-new-name">
              Its name
            </label>
            <input
              id="flow-new-name"
              className="text-input"
              value={answers.newName}
              autoComplete="off"
              aria-invalid={error && error.field !== null ? true : undefined}
              onChange={(event) => answer({ newName: event.target.value })}
            />
          </div>
          <div className="profile-field">
            <label className="field-label" htmlFor="flow-new-role">
              Its role
            </label>
            <select id="flow-new-role" className="select" value={answers.newRole} onChange={(event) => answer({ newRole: event.target.value as PartRole })}>
              {(['manager', 'firefighter', 'unknown'] as const).map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <TextAnswer field="bodyLocation" label="Where you notice it" short />
    </div>
  );
}

function FleshOutStep() {
  return (
    <div className="flow-fields">
      <TextAnswer field="apparentAge" label="How old it seems" short />
      <TextAnswer field="appearance" label="Image, voice, feelings, beliefs" />
    </div>
  );
}

function FeelTowardStep() {
  const answers = useProtectorFlow((state) => state.answers);
  const answer = useProtectorFlow((state) => state.answer);
  const toggle = (feeling: (typeof reactiveFeelings)[number]) =>
    answer({ feelings: answers.feelings.includes(feeling) ? answers.feelings.filter((f) => f !== feeling) : [...answers.feelings, feeling] });
  return (
    <div className="flow-fields">
      {answers.steppedBack ? <p className="flow-note">You asked a reacting part to step back. How do you feel toward the protector now?</p> : null}
      <div role="group" aria-label="The 8 C's toward this part">
        <p className="field-label" aria-hidden="true">
          Which of the 8 C&rsquo;s are here, and how much?
        </p>
        <SelfEnergyInput value={answers.selfEnergy} onChange={(next) => answer({ selfEnergy: next })} />
      </div>
      <div role="group" aria-label="Other feelings toward it">
        <p className="field-label" aria-hidden="true">
          Other feelings toward it
        </p>
        <div className="chips">
          {reactiveFeelings.map((feeling) => (
            <button key={feeling} type="button" className="chip" aria-pressed={answers.feelings.includes(feeling)} onClick={() => toggle(feeling)}>
              {feeling}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

function BefriendStep() {
  const trust = useProtectorFlow((state) => state.answers.trust);
  const answer = useProtectorFlow((state) => state.answer);
  return (
    <div className="flow-fields">
      <TextAnswer field="job" label="Its job" />
      <TextAnswer field="positiveIntent" label="What it is trying to do for you" />
      <div className="profile-field">
        <label className="field-label" htmlFor="flow-trust">
          How much it trusts you (0–10)
        </label>
        <select
          id="flow-trust"
          className="select"
          value={trust === null ? '' : String(trust)}
          onChange={(event) => answer({ trust: event.target.value === '' ? null : Number(event.target.value) })}
        >
          <option value="">Not sure yet</option>
          {Array.from({ length: 11 }, (_, n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

type TextField = 'bodyLocation' | 'focus' | 'apparentAge' | 'appearance' | 'job' | 'positiveIntent' | 'fears';

function TextAnswer({ field, label, short = false }: { field: TextField; label: string; short?: boolean }) {
  const value = useProtectorFlow((state) => state.answers[field]);
  const answer = useProtectorFlow((state) => state.answer);
  const error = useProtectorFlow((state) => (state.error?.field === field ? state.error.message : null));
  const id = `flow-${field}`;
  return (
    <div className="profile-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {short ? (
        <input id={id} className="text-input" value={value} autoComplete="off" aria-invalid={error ? true : undefined} onChange={(event) => answer({ [field]: event.target.value })} />
      ) : (
        <textarea id={id} className="text-input text-area" rows={4} value={value} aria-invalid={error ? true : undefined} onChange={(event) => answer({ [field]: event.target.value })} />
      )}
    </div>
  );
}

function PartGone({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const go = useNavigation((state) => state.go);
  return (
    <section className="self-view protector-flow" aria-labelledby="protector-gone">
      <div className="flow-card flow-done">
        <h2 id="protector-gone" ref={headingRef} tabIndex={-1}>
          This part isn&rsquo;t among your parts any more
        </h2>
        <p>
          It may have been deleted; a reflection started for it goes with it. If you deleted it a moment ago, Undo brings both
          back.
        </p>
        <div className="flow-actions">
          <button type="button" className="button button-primary" onClick={() => go('self', { kind: 'protector' })}>
            Get to know another protector
          </button>
          <button type="button" className="button" onClick={() => go('self', { kind: 'parts' })}>
            All parts
          </button>
        </div>
      </div>
    </section>
  );
}

function Finished({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const saved = useProtectorFlow((state) => state.saved);
  const go = useNavigation((state) => state.go);
  if (!saved) return null;
  return (
    <section className="self-view protector-flow" aria-labelledby="protector-done">
      <div className="flow-card flow-done">
        <h2 id="protector-done" ref={headingRef} tabIndex={-1}>
          Saved
        </h2>
        <p>
          Your reflection is in your journal, and {saved.part.name}&rsquo;s page has what you learned. You might thank it for
          showing you this.
        </p>
        <div className="flow-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              go('self');
              void useEntryEditor.getState().open(saved.entry.id);
            }}
          >
            Open the entry
          </button>
          <button type="button" className="button" onClick={() => go('self', { kind: 'part', id: saved.part.id })}>
            Go to {saved.part.name}
          </button>
        </div>
      </div>
    </section>
  );
}
