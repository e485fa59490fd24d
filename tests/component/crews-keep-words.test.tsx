import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

describe('crews: the long forms keep every word until saved or discarded', () => {
  it('keeps “Record a meeting” across Back and reopening, saves it, and then starts afresh', async () => {
    const { direct, crew } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    await user.type(screen.getByLabelText('Notes'), 'IMPORTANT NOTES');
    await user.type(screen.getByLabelText('My check-in note'), 'Tired but here');
    await user.click(screen.getByRole('checkbox', { name: 'Ada was there' }));
    expect(screen.getByText(/Your words are kept here until you save the meeting/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    // The crew page says the meeting waits, and its button goes on with it.
    await user.click(screen.getByRole('button', { name: 'Continue the meeting you started' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    expect(screen.getByLabelText('Notes')).toHaveValue('IMPORTANT NOTES');
    expect(screen.getByLabelText('My check-in note')).toHaveValue('Tired but here');
    expect(screen.getByRole('checkbox', { name: 'Ada was there' })).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Save the meeting' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const meeting = (await direct('crews.get', { id: crew.id, today: '2026-02-01' })).meetings[0]!;
    expect((await direct('meetings.get', { id: meeting.id })).notes).toBe('IMPORTANT NOTES');
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    expect(screen.getByLabelText('Notes')).toHaveValue('');
  });

  it('discards a meeting draft only after asking', async () => {
    await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await user.type(await screen.findByLabelText('Notes'), 'Half a thought');
    await user.click(screen.getByRole('button', { name: 'Discard draft' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard this draft?' });
    expect(within(dialog).getByRole('button', { name: 'Keep the draft' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(screen.getByLabelText('Notes')).toHaveValue('');
    expect(screen.getByLabelText('Notes')).toHaveFocus();
  });

  it('keeps “Run the retrospective” across Back and reopening', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Run the retrospective' }));
    await screen.findByRole('heading', { name: 'Retrospective', level: 1 });
    await user.type(screen.getByLabelText('What worked'), 'Honest check-ins');
    await user.click(screen.getByRole('radio', { name: 'Start a new cycle' }));
    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Continue the retrospective you started' }));
    await screen.findByRole('heading', { name: 'Retrospective', level: 1 });
    expect(screen.getByLabelText('What worked')).toHaveValue('Honest check-ins');
    expect(screen.getByRole('radio', { name: 'Start a new cycle' })).toBeChecked();
  });

  it('leaves blank action-item rows out, moves on with Enter, and shows a real problem at its row with focus', async () => {
    const { direct, crew } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    // Focus goes to the new row; Enter there adds the next one.
    expect(screen.getByLabelText('Action item 1')).toHaveFocus();
    await user.keyboard('Send notes to Sam{Enter}');
    expect(screen.getByLabelText('Action item 2')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add an action item' }));
    await user.paste('y'.repeat(2_001));

    await user.click(screen.getByRole('button', { name: 'Save the meeting' }));
    // Row 2 is blank and left out; row 3 is too long: said at row 3, marked, focused.
    const third = screen.getByLabelText('Action item 3');
    await waitFor(() => expect(third).toHaveFocus());
    expect(third).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Action item 3: /);
    expect(screen.getByLabelText('Action item 2')).not.toHaveAttribute('aria-invalid');
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-01' })).meetings).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove action item 3' }));
    expect(screen.getByRole('button', { name: 'Add an action item' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save the meeting' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const detail = await direct('crews.get', { id: crew.id, today: '2026-02-01' });
    expect(detail.openActionItems.map((a) => a.text)).toEqual(['Send notes to Sam']);
  });
});
