import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

const toasts = () => within(screen.getByRole('region', { name: 'Notifications' }));

describe('crews: dates checked at the field, reopening a past crew, the history said plainly', () => {
  it('refuses a far-off closing day at the field, before asking anything', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    const form = screen.getByRole('form', { name: "Change the crew's stage" });
    await user.selectOptions(within(form).getByLabelText('Move to'), 'Closed gracefully');
    const day = within(form).getByLabelText('Closing day');
    await user.clear(day);
    await user.type(day, '2999-05-01');
    await user.type(within(form).getByLabelText('Closing note'), 'Thank you all');
    await user.click(within(form).getByRole('button', { name: 'Change stage' }));

    await waitFor(() => expect(day).toHaveFocus());
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(day).toHaveAttribute('aria-invalid', 'true');
    expect(day).toHaveAccessibleDescription(/The day of a stage change must fall between 1900 and 2100: is the year right\?/);
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew.stage).toBe('meeting');
  });

  it('focuses the bad date in “Save the plan” and “Save the retrospective”, and names the suggestion without nested brackets', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await user.click(await screen.findByRole('button', { name: 'Set the date, place, host or focus' }));
    const plan = screen.getByRole('form', { name: 'Plan the next meeting' });
    const focus = within(plan).getByLabelText('Focus (case-giver)');
    expect(within(focus).getByRole('option', { name: /^As suggested/ }).textContent).toMatch(/^As suggested: [^()]+( \(you\))?$/);
    const date = within(plan).getByLabelText('Next meeting on');
    await user.type(date, '2999-05-01');
    await user.click(within(plan).getByRole('button', { name: 'Save the plan' }));
    await waitFor(() => expect(date).toHaveFocus());
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/must fall between 1900 and 2100/);

    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await user.click(await screen.findByRole('button', { name: 'Run the retrospective' }));
    await screen.findByRole('heading', { name: 'Retrospective', level: 1 });
    const held = screen.getByLabelText('Date');
    await user.clear(held);
    await user.type(held, '2999-05-01');
    await user.click(screen.getByRole('radio', { name: 'Pause' }));
    await user.click(screen.getByRole('button', { name: 'Save the retrospective' }));
    await waitFor(() => expect(held).toHaveFocus());
    expect(held).toHaveAttribute('aria-invalid', 'true');
    expect(held).toHaveAccessibleDescription(/A retrospective’s date must fall between 1900 and 2100/);
  });

  it('reopens a closed crew after a confirmation, hides what no longer applies while closed, and Undo closes it again', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await direct('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-02-01', note: 'Thank you all' });
    const { user } = await openPod();
    const about = screen.getByRole('region', { name: 'About' });
    expect(within(about).queryByText('Rhythm')).not.toBeInTheDocument();
    expect(within(about).queryByText(/sessions held/)).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Stage history' })).toHaveTextContent('Moved from Meeting to Closed gracefully — Thank you all');

    await user.click(screen.getByRole('button', { name: 'Reopen this crew…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reopen Pod?' });
    expect(within(dialog).getByRole('button', { name: 'Keep it closed' })).toHaveFocus();
    expect(dialog).toHaveTextContent(/it goes back to Meeting, the stage it had before its closing/);
    // Reopening loses nothing: its button is the calm primary one, not the red of a deletion.
    expect(within(dialog).getByRole('button', { name: 'Reopen the crew' })).toHaveClass('button-primary');
    expect(within(dialog).getByRole('button', { name: 'Reopen the crew' })).not.toHaveClass('button-danger-solid');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen the crew' }));

    expect(await screen.findByRole('button', { name: 'Record a meeting' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Pod', level: 1 })).toHaveFocus();
    expect(within(screen.getByRole('region', { name: 'About' })).getByText('Rhythm')).toBeInTheDocument();
    // The reopening's stored note only repeats the entry: it is not said twice.
    expect(within(screen.getByRole('region', { name: 'Stage history' })).getByRole('list')).toHaveTextContent(/Reopened, back to Meeting$/);
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew).toMatchObject({ stage: 'meeting', closedOn: null });

    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: /^Closed gracefully (today|yesterday|on )/ })).toBeInTheDocument();
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew).toMatchObject({ stage: 'closed', closedOn: '2026-02-01', closingNote: 'Thank you all' });
  });

  it('says on the question how many action items dropped at closing will be open again, and opens exactly those', async () => {
    const { direct, crew, ada, bea } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08', actionItems: [{ text: 'Send notes to Sam', ownerId: ada.id }] });
    await direct('actionItems.add', { crewId: crew.id, text: 'Write up the retro questions', ownerId: bea.id });
    const byHand = await direct('actionItems.add', { crewId: crew.id, text: 'Ask about the bigger room', ownerId: bea.id });
    await direct('actionItems.setStatus', { id: byHand.id, status: 'dropped', on: '2026-01-09' });
    await direct('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-02-01', note: 'Thank you all', openActionItems: 'drop' });
    const { user } = await openPod();

    await user.click(screen.getByRole('button', { name: 'Reopen this crew…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reopen Pod?' });
    expect(dialog).toHaveTextContent('2 action items dropped at its closing will be open again.');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen the crew' }));

    expect(await screen.findByRole('button', { name: 'Mark “Send notes to Sam” done' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark “Write up the retro questions” done' })).toBeInTheDocument();
    expect(screen.queryByText('Ask about the bigger room')).not.toBeInTheDocument();
    expect(toasts().getByText('Pod reopened: back to Meeting, with 2 action items open again')).toBeInTheDocument();
  });

  it('asks nothing about action items when the closing dropped none', async () => {
    const { direct, crew } = await podOfFour();
    await direct('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-02-01', note: 'Thank you all' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Reopen this crew…' }));
    expect(screen.getByRole('alertdialog', { name: 'Reopen Pod?' })).not.toHaveTextContent(/action item/);
  });

  it('names an entry into the retrospective stage as a move, not as a retrospective', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await direct('crews.setStage', { id: crew.id, stage: 'retrospective', on: '2026-01-20' });
    await openPod();
    const history = screen.getByRole('region', { name: 'Stage history' });
    expect(history).toHaveTextContent('Moved from Meeting into the Retrospective stage');
    expect(history).not.toHaveTextContent(/: Retrospective/);
  });
});
