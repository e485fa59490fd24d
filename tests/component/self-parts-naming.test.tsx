import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { openJournal, renderApp } from './render-app';

/** Naming a part on the spot, adding one on the Parts tab, and letting one go, with a question first. */

describe('naming a new part on the spot', () => {
  it('starts empty again after Escape in quick capture', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Your ladder' });
    await user.keyboard('{Control>}{Shift>}N{/Shift}{/Control}');
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: '+ New part' }));
    await user.type(dialog.getByRole('textbox', { name: 'Name of the new part' }), 'The Worrier{Escape}');
    await waitFor(() => expect(dialog.getByRole('button', { name: '+ New part' })).toHaveFocus());

    await user.click(dialog.getByRole('button', { name: '+ New part' }));
    const name = dialog.getByRole('textbox', { name: 'Name of the new part' });
    expect(name).toHaveValue('');
    await user.type(name, 'The Worrier{Enter}');
    await waitFor(() => expect(dialog.getByRole('button', { name: 'The Worrier' })).toHaveAttribute('aria-pressed', 'true'));
    expect((await coreBridge().direct('parts.list', {})).map((part) => part.name)).toEqual(['The Worrier']);
  });

  it('starts empty again after Cancel in an entry, and an empty name keeps focus in the name', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    const picker = within(screen.getByRole('group', { name: 'Parts that showed up' }));
    await user.click(picker.getByRole('button', { name: '+ New part' }));
    await user.type(picker.getByRole('textbox', { name: 'Name of the new part' }), 'The Worrier');
    await user.click(picker.getByRole('button', { name: 'Cancel' }));
    expect(picker.queryByRole('textbox', { name: 'Name of the new part' })).not.toBeInTheDocument();

    await user.click(picker.getByRole('button', { name: '+ New part' }));
    const name = picker.getByRole('textbox', { name: 'Name of the new part' });
    expect(name).toHaveValue('');

    await user.click(picker.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('This cannot be empty.');
    expect(name).toHaveFocus();
    await user.type(name, 'The Worrier{Enter}');
    await waitFor(() => expect(picker.getByRole('button', { name: 'The Worrier' })).toHaveAttribute('aria-pressed', 'true'));
  });
});

describe('the Parts tab', () => {
  it('takes you back to the name when “Add part” finds it empty', async () => {
    const { user } = renderApp();
    act(() => useNavigation.getState().go('self', { kind: 'parts' }));
    const form = within(await screen.findByRole('form', { name: 'New part' }));
    await user.click(form.getByRole('button', { name: 'Add part' }));
    const name = form.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription('This cannot be empty.');
    expect(name).toHaveFocus();
  });

  it('asks before deleting a part, says what goes and what stays, and Undo brings it back', async () => {
    const bridge = coreBridge();
    const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
    const critic = await direct('parts.create', { name: 'Critic', role: 'manager', job: 'Checks every email twice' });
    const rebel = await direct('parts.create', { name: 'Rebel', role: 'firefighter' });
    await direct('parts.relate', { partId: critic.id, otherPartId: rebel.id, kind: 'polarised' });
    await direct('journal.create', { title: 'A loud day', entryDate: '2026-11-20', partIds: [critic.id] });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('self', { kind: 'part', id: critic.id }));
    await screen.findByRole('heading', { name: 'Critic', level: 2 });

    // Keeping it changes nothing.
    await user.click(screen.getByRole('button', { name: 'Delete part' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Delete Critic?' });
    expect(dialog).toHaveAccessibleDescription(
      'Critic leaves your parts, with its profile, its 1 relation to other parts and its place on the parts map. The journal entries it showed up in stay as they are. Undo, right after, brings it all back.',
    );
    expect(within(dialog).getByRole('button', { name: 'Keep it' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect((await direct('parts.list', {})).map((part) => part.name)).toEqual(['Critic', 'Rebel']);

    await user.click(screen.getByRole('button', { name: 'Delete part' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Delete Critic?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete part' }));
    await screen.findByRole('heading', { name: 'Your parts' });
    expect((await direct('parts.list', {})).map((part) => part.name)).toEqual(['Rebel']);
    expect((await direct('journal.list', {})).entries).toHaveLength(1);

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await direct('parts.list', {})).map((part) => part.name)).toEqual(['Critic', 'Rebel']));
    expect((await direct('parts.get', { id: critic.id })).relations).toHaveLength(1);
  });

  it('puts focus on the list of parts after a deletion, so Ctrl+Z undoes it straight away', async () => {
    const critic = await coreBridge().direct('parts.create', { name: 'Critic', role: 'manager' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('self', { kind: 'part', id: critic.id }));
    await screen.findByRole('heading', { name: 'Critic', level: 2 });
    await user.click(screen.getByRole('button', { name: 'Delete part' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete Critic?' })).getByRole('button', { name: 'Delete part' }));
    const heading = await screen.findByRole('heading', { name: 'Your parts' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByLabelText('Name')).not.toHaveFocus();

    await user.keyboard('{Control>}z{/Control}');
    await waitFor(async () => expect((await coreBridge().direct('parts.list', {})).map((part) => part.name)).toEqual(['Critic']));
  });
});
