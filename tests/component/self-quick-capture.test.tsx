import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, storedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';

async function seedParts() {
  const critic = await coreBridge().direct('parts.create', { name: 'Critic', role: 'manager' });
  const scroller = await coreBridge().direct('parts.create', { name: 'Scroller', role: 'firefighter' });
  return { critic, scroller };
}

function captureDialog() {
  return screen.getByRole('dialog', { name: 'What’s active right now?' });
}

describe('quick capture', () => {
  it('opens with Ctrl+Shift+N from any page and saves one line, parts and C’s with Enter', async () => {
    const { critic } = await seedParts();
    const { user } = renderApp();
    // The Ladder home, not the journal: capture works from anywhere.
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');

    const dialog = await screen.findByRole('dialog', { name: 'What’s active right now?' });
    const line = within(dialog).getByRole('textbox', { name: 'What’s active right now?' });
    expect(line).toHaveFocus();
    await within(dialog).findByRole('button', { name: 'Critic' });
    await user.click(within(dialog).getByRole('button', { name: 'Critic' }));
    expect(within(dialog).getByRole('button', { name: 'Critic' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(dialog).getByText('Self-energy (optional)'));
    await user.click(within(within(dialog).getByRole('radiogroup', { name: 'Calm' })).getByRole('radio', { name: '2' }));
    await user.type(line, 'The critic wants the email perfect{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Captured in your journal')).toBeInTheDocument();
    const [entry] = await storedEntries();
    expect(entry).toMatchObject({ body: 'The critic wants the email perfect', kind: 'quick_capture', rung: 'self' });
    const saved = await coreBridge().direct('journal.get', { id: entry?.id ?? '' });
    expect(saved.partIds).toEqual([critic.id]);
    expect(saved.selfEnergy).toEqual({ calm: 2 });
  });

  it('keeps focus in the dialog when a rating is cleared by keyboard', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'What’s active right now?' });
    await user.click(within(dialog).getByText('Self-energy (optional)'));
    const calm = within(dialog).getByRole('radiogroup', { name: 'Calm' });
    await user.click(within(calm).getByRole('radio', { name: '3' }));
    within(dialog).getByRole('button', { name: 'Clear Calm' }).focus();
    await user.keyboard('{Enter}');
    expect(within(calm).getByRole('radio', { name: '3' })).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Clear Calm' })).toBeDisabled();
    expect(within(calm).getByRole('radio', { name: '0' })).toHaveFocus();
  });

  it('shows the capture at the top of the journal, titled by its kind', async () => {
    await seedParts();
    const { user } = renderApp();
    await openJournal(user);
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    await user.type(within(captureDialog()).getByRole('textbox'), 'Restless before the meeting{Enter}');
    const list = await screen.findByRole('list', { name: 'Journal' });
    await waitFor(() => expect(within(list).getAllByRole('button')[0]).toHaveAccessibleName(/Quick capture.*Restless before the meeting/));
  });

  it('asks for a few words or a part, and saves nothing without them', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    await user.click(within(captureDialog()).getByRole('button', { name: 'Save' }));
    expect(within(captureDialog()).getByText('Write a few words, or choose a part that is here.')).toBeInTheDocument();
    expect(within(captureDialog()).getByRole('textbox')).toHaveAttribute('aria-invalid', 'true');
    expect(coreBridge().callsOf('journal.create')).toHaveLength(0);
  });

  it('closes with Escape, giving focus back and keeping the words for the next opening', async () => {
    const { user } = renderApp();
    await openJournal(user);
    const button = await screen.findByRole('button', { name: 'New entry' });
    button.focus();
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    expect(within(captureDialog()).getByText('Enter saves. Escape closes and keeps your words for next time.')).toBeInTheDocument();
    await user.type(within(captureDialog()).getByRole('textbox'), 'Anxious about Sam’s reply');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(coreBridge().callsOf('journal.create')).toHaveLength(0);
    // Said, with a way back to them.
    expect(await screen.findByText('Your capture is kept, not saved yet. Ctrl+Shift+N opens it again.')).toBeInTheDocument();

    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    const line = within(captureDialog()).getByRole('textbox');
    expect(line).toHaveValue('Anxious about Sam’s reply');
    expect(line).toHaveFocus();
    expect(screen.queryByText(/Your capture is kept/)).not.toBeInTheDocument();
    await user.type(line, ', still{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [entry] = await storedEntries();
    expect(entry).toMatchObject({ body: 'Anxious about Sam’s reply, still', kind: 'quick_capture' });

    // Once saved, the next capture starts empty.
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    expect(within(captureDialog()).getByRole('textbox')).toHaveValue('');
    await user.click(within(captureDialog()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the words when saving fails, and says why', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    coreBridge().failWith('journal.create', { code: 'disk_full', message: 'The disk is full, so this was not saved.' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    await user.type(within(captureDialog()).getByRole('textbox'), 'Still here{Enter}');
    expect(await within(captureDialog()).findByText('The disk is full, so this was not saved.')).toBeInTheDocument();
    expect(within(captureDialog()).getByRole('textbox')).toHaveValue('Still here');
  });

  it('names a new part on the spot and keeps Tab inside the dialog', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    const dialog = captureDialog();
    await user.click(within(dialog).getByRole('button', { name: '+ New part' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name of the new part' }), 'Hurrier{Enter}');
    expect(await within(dialog).findByRole('button', { name: 'Hurrier' })).toHaveAttribute('aria-pressed', 'true');
    // Enter in the new part's name adds the part; it does not save the capture.
    expect(coreBridge().callsOf('journal.create')).toHaveLength(0);

    // Focus is on the new part's chip, not lost to the page.
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Hurrier' })).toHaveFocus());

    const save = within(dialog).getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(within(dialog).getByRole('textbox', { name: 'What’s active right now?' })).toHaveFocus();
  });

  it('gives focus back to "+ New part" when naming a part is called off with Escape', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    const dialog = captureDialog();
    await user.click(within(dialog).getByRole('button', { name: '+ New part' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Name of the new part' }), 'Hurr{Escape}');
    // Escape closes the small form only, not the dialog.
    expect(captureDialog()).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: '+ New part' })).toHaveFocus());
  });
});
