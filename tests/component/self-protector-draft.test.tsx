import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { useParts } from '../../renderer/src/self/parts/parts-store';
import { useProtectorFlow } from '../../renderer/src/self/protector/protector-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';
import { restartWindow } from './support/restart';

/**
 * The 6 F's keep their answers as a draft until the reflection is saved: another tab, "Stop here"
 * or a restart lose nothing, coming back goes on at the step where it was left, and the draft
 * can be let go on purpose.
 */

const keyOf = (partId: string) => `self:protector:${partId}`;

async function storedDraft(key: string) {
  const draft = (await coreBridge().direct('drafts.list', {})).find((d) => d.key === key);
  return draft ? (JSON.parse(draft.value) as { step: number; answers: Record<string, unknown> }) : undefined;
}

function tabs() {
  return within(screen.getByRole('navigation', { name: 'Self' }));
}

async function openPartPage(id: string, name: string) {
  act(() => useNavigation.getState().go('self', { kind: 'part', id }));
  await screen.findByRole('heading', { name, level: 2 });
}

async function startReflecting(name = 'Planner') {
  const part = await coreBridge().direct('parts.create', { name, role: 'manager' });
  const view = renderApp();
  await openPartPage(part.id, name);
  await view.user.click(screen.getByRole('button', { name: 'Reflect with the 6 F’s' }));
  await screen.findByRole('heading', { name: '1. Find' });
  return { ...view, part };
}

describe('a 6 F’s reflection in progress', () => {
  it('is kept when another tab is chosen, and goes on at the same step on coming back', async () => {
    const { user, part } = await startReflecting();
    expect(screen.getByText(/your answers are kept as a draft/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Where you notice it'), 'Tight shoulders');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: '2. Focus' });
    await user.type(screen.getByLabelText('What you notice'), 'It makes lists all night');
    expect(screen.getByText(/Your words are kept here until you save the reflection or discard the draft/)).toBeInTheDocument();

    await user.click(tabs().getByRole('button', { name: 'Parts map' }));
    await waitFor(async () => expect(await storedDraft(keyOf(part.id))).toMatchObject({ step: 1, answers: { focus: 'It makes lists all night' } }));

    // The part's page says the reflection waits, and goes on where it was left.
    await openPartPage(part.id, 'Planner');
    await user.click(screen.getByRole('button', { name: 'Continue the reflection you started' }));
    expect(await screen.findByRole('heading', { name: '2. Focus' })).toBeInTheDocument();
    expect(screen.getByLabelText('What you notice')).toHaveValue('It makes lists all night');
    expect(screen.getByRole('note')).toHaveTextContent('You’re back where you stopped');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText('Where you notice it')).toHaveValue('Tight shoulders');
  });

  it('says what happens to the words on “Stop here”, and brings them back after a restart', async () => {
    const { user, part } = await startReflecting();
    await user.type(screen.getByLabelText('Where you notice it'), 'A buzz in the chest');
    await user.click(screen.getByRole('button', { name: 'Stop here' }));

    expect(
      await screen.findByText('Your answers are kept as a draft, not saved to your journal yet. “Continue the reflection you started” on Planner’s page goes on where you stopped.'),
    ).toBeInTheDocument();
    await screen.findByRole('heading', { name: 'Planner', level: 2 });
    // Written to the archive at once, not after the pause.
    expect(await storedDraft(keyOf(part.id))).toMatchObject({ step: 0, answers: { bodyLocation: 'A buzz in the chest' } });
    expect((await coreBridge().direct('journal.list', {})).entries).toEqual([]);

    restartWindow();
    useProtectorFlow.getState().reset();
    useParts.getState().reset();
    const again = renderApp();
    await openPartPage(part.id, 'Planner');
    await again.user.click(await screen.findByRole('button', { name: 'Continue the reflection you started' }));
    await screen.findByRole('heading', { name: '1. Find' });
    await waitFor(() => expect(screen.getByLabelText('Where you notice it')).toHaveValue('A buzz in the chest'));
  });

  it('stops without a word to say when nothing was answered, and keeps no draft', async () => {
    const { user, part } = await startReflecting();
    await user.click(screen.getByRole('button', { name: 'Stop here' }));
    await screen.findByRole('heading', { name: 'Planner', level: 2 });
    expect(screen.queryByText(/Your answers are kept/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reflect with the 6 F’s' })).toBeInTheDocument();
    expect(await storedDraft(keyOf(part.id))).toBeUndefined();
  });

  it('lets the draft go on purpose, asking first, and starts again', async () => {
    const { user, part } = await startReflecting();
    await user.type(screen.getByLabelText('Where you notice it'), 'Jaw');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: '2. Focus' });
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard this draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));

    expect(await screen.findByRole('heading', { name: '1. Find' })).toHaveFocus();
    expect(screen.getByLabelText('Where you notice it')).toHaveValue('');
    expect(screen.queryByRole('button', { name: 'Discard draft' })).not.toBeInTheDocument();
    await waitFor(async () => expect(await storedDraft(keyOf(part.id))).toBeUndefined());
  });

  it('lets the draft go once the reflection is saved', async () => {
    const { user, part } = await startReflecting();
    await user.type(screen.getByLabelText('Where you notice it'), 'Forehead');
    for (const heading of ['2. Focus', '3. Flesh out', '4. Feel toward']) {
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await screen.findByRole('heading', { name: heading });
    }
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('heading', { name: '5. Befriend' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Save reflection' }));
    expect(await screen.findByRole('heading', { name: 'Saved' })).toBeInTheDocument();
    await waitFor(async () => expect(await storedDraft(keyOf(part.id))).toBeUndefined());

    await user.click(screen.getByRole('button', { name: 'Go to Planner' }));
    expect(await screen.findByRole('button', { name: 'Reflect with the 6 F’s' })).toBeInTheDocument();
  });

  it('goes with its part when the part is deleted, and comes back with it on Undo', async () => {
    const { user, part } = await startReflecting();
    await user.type(screen.getByLabelText('Where you notice it'), 'Behind the eyes');
    await user.click(screen.getByRole('button', { name: 'Stop here' }));
    await screen.findByRole('heading', { name: 'Planner', level: 2 });
    expect(await storedDraft(keyOf(part.id))).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Delete part' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete Planner?' })).getByRole('button', { name: 'Delete part' }));
    await screen.findByRole('heading', { name: 'Your parts' });
    expect(await storedDraft(keyOf(part.id))).toBeUndefined();

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await storedDraft(keyOf(part.id))).toMatchObject({ answers: { bodyLocation: 'Behind the eyes' } }));

    // And after a restart, from the archive alone.
    restartWindow();
    useProtectorFlow.getState().reset();
    useParts.getState().reset();
    const again = renderApp();
    await openPartPage(part.id, 'Planner');
    await again.user.click(await screen.findByRole('button', { name: 'Continue the reflection you started' }));
    await waitFor(() => expect(screen.getByLabelText('Where you notice it')).toHaveValue('Behind the eyes'));
  });

  it('says the part is gone when Back leads to the reflection of a deleted part, and writes nothing for it', async () => {
    const { user, part } = await startReflecting();
    await user.type(screen.getByLabelText('Where you notice it'), 'Cold hands');
    await user.click(screen.getByRole('button', { name: 'Stop here' }));
    await screen.findByRole('heading', { name: 'Planner', level: 2 });
    await user.click(screen.getByRole('button', { name: 'Delete part' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete Planner?' })).getByRole('button', { name: 'Delete part' }));
    await screen.findByRole('heading', { name: 'Your parts' });

    act(() => useNavigation.getState().go('self', { kind: 'protector', id: part.id }));
    expect(await screen.findByRole('heading', { name: 'This part isn’t among your parts any more' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Where you notice it')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Get to know another protector' }));
    expect(await screen.findByRole('heading', { name: '1. Find' })).toBeInTheDocument();
    expect(await storedDraft(keyOf(part.id))).toBeUndefined();
  });
});
