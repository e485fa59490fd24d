import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { flushKeptDrafts, keepDraft } from '../../renderer/src/ui/kept-drafts-store';
import { coreBridge, installCoreBridge, storedEntries } from './core-bridge';
import { renderApp } from './render-app';
import { openPod, podOfFour } from './support/crews';
import { restartWindow } from './support/restart';

/** What the archive holds for a form, parsed; undefined when nothing is kept. */
async function storedDraft(key: string) {
  const draft = (await coreBridge().direct('drafts.list', {})).find((d) => d.key === key);
  return draft ? (JSON.parse(draft.value) as Record<string, unknown>) : undefined;
}


describe('drafts survive a restart', () => {
  it('brings back “Record a meeting” as it was left, and lets it go once saved', async () => {
    const { direct, crew } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    await user.type(screen.getByLabelText('Notes'), 'Ada brought soup');
    await user.type(screen.getByLabelText('My check-in note'), 'Tired but here');
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    await user.keyboard('Send notes to Cy');
    // Written a moment after the last key, not with each one.
    await waitFor(async () => expect(await storedDraft(`crews:${crew.id}:new-meeting`)).toMatchObject({ notes: 'Ada brought soup' }));
    expect(coreBridge().callsOf('drafts.keep').length).toBeLessThan(5);

    restartWindow();
    const { user: again } = await openPod();
    // The crew page says the meeting waits (drafts-marks.test.tsx).
    await again.click(await screen.findByRole('button', { name: 'Continue the meeting you started' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    expect(screen.getByLabelText('Notes')).toHaveValue('Ada brought soup');
    expect(screen.getByLabelText('My check-in note')).toHaveValue('Tired but here');
    expect(screen.getByLabelText('Action item 1')).toHaveValue('Send notes to Cy');
    expect(screen.getByText(/Your words are kept here until you save the meeting/)).toBeInTheDocument();

    // A row added now does not take the key of a row kept from before.
    await again.click(screen.getByRole('button', { name: 'Add an action item' }));
    await again.keyboard('Book the room');
    expect(screen.getByLabelText('Action item 1')).toHaveValue('Send notes to Cy');
    expect(screen.getByLabelText('Action item 2')).toHaveValue('Book the room');

    await again.click(screen.getByRole('button', { name: 'Save the meeting' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const meeting = (await direct('crews.get', { id: crew.id, today: '2026-02-01' })).meetings[0]!;
    expect((await direct('meetings.get', { id: meeting.id })).notes).toBe('Ada brought soup');
    await waitFor(async () => expect(await direct('drafts.list', {})).toEqual([]));
  });

  it('offers the quick capture kept from before once, and saving it lets the draft go', async () => {
    await coreBridge().direct('drafts.keep', { key: 'quick-capture', value: JSON.stringify({ line: 'Restless before the call', partIds: [], selfEnergy: null }) });
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    const note = await screen.findByText('Your capture from before is kept, not saved yet.');
    await user.click(within(note.parentElement!).getByRole('button', { name: 'Open' }));

    const dialog = await screen.findByRole('dialog', { name: 'What’s active right now?' });
    const line = within(dialog).getByRole('textbox', { name: 'What’s active right now?' });
    expect(line).toHaveValue('Restless before the call');
    await user.type(line, ', and that is fine{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await storedEntries();
    expect(entry?.body).toBe('Restless before the call, and that is fine');
    await waitFor(async () => expect(await coreBridge().direct('drafts.list', {})).toEqual([]));
  });

  it('keeps a capture closed with Escape in the archive, and brings it back with the shortcut after a restart', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    await user.type(within(screen.getByRole('dialog')).getByRole('textbox'), 'Anxious about the reply');
    await user.keyboard('{Escape}');
    // Closing writes at once, without waiting for the pause.
    await waitFor(async () => expect(await storedDraft('quick-capture')).toEqual({ line: 'Anxious about the reply', partIds: [], selfEnergy: null }));

    restartWindow();
    const { user: again } = renderApp();
    await screen.findByText('Your capture from before is kept, not saved yet.');
    await again.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    expect(within(screen.getByRole('dialog')).getByRole('textbox')).toHaveValue('Anxious about the reply');
    // Emptied by hand, the draft goes from the archive too.
    await again.clear(within(screen.getByRole('dialog')).getByRole('textbox'));
    await waitFor(async () => expect(await storedDraft('quick-capture')).toBeUndefined());
  });

  it('in a read-only archive, loads without a fuss and writes no draft', async () => {
    const bridge = await installCoreBridge({ readOnly: true });
    renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await waitFor(() => expect(bridge.callsOf('drafts.list')).toHaveLength(1));
    keepDraft('network:new', { name: 'Typed anyway', notes: '' });
    expect(await flushKeptDrafts()).toBe(true);
    expect(bridge.callsOf('drafts.keep')).toEqual([]);
    expect(screen.queryByText(/Your capture from before/)).not.toBeInTheDocument();
  });
});
