import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

describe('crews: correcting agenda items and action items', () => {
  it('corrects an action item’s text, owner and date in the crew view; Enter saves and focus returns to Edit', async () => {
    const { direct, crew, ada, bea } = await podOfFour();
    const item = await direct('actionItems.add', { crewId: crew.id, text: 'Book the hal', ownerId: ada.id });
    const { user } = await openPod();

    await user.click(screen.getByRole('button', { name: 'Edit “Book the hal”' }));
    const form = screen.getByRole('form', { name: 'Edit the action item “Book the hal”' });
    const text = within(form).getByLabelText('Text');
    expect(text).toHaveFocus();
    expect(within(form).getByLabelText('Owner')).toHaveDisplayValue('Ada');
    await user.type(text, 'l');
    await user.selectOptions(within(form).getByLabelText('Owner'), 'Bea');
    await user.type(within(form).getByLabelText('Due date (optional)'), '2026-01-20');
    await user.click(text);
    await user.keyboard('{Enter}');

    const edit = await screen.findByRole('button', { name: 'Edit “Book the hall”' });
    expect(screen.queryByRole('form', { name: /Edit the action item/ })).not.toBeInTheDocument();
    await waitFor(() => expect(edit).toHaveFocus());
    expect(edit.closest('li')).toHaveTextContent(/Bea · by /);
    const saved = await direct('crews.get', { id: crew.id, today: '2026-01-02' });
    expect(saved.openActionItems).toEqual([expect.objectContaining({ id: item.id, text: 'Book the hall', ownerId: bea.id, dueOn: '2026-01-20' })]);

    // The toast says what changed, and its Undo puts the item back as it was.
    const toasts = within(screen.getByRole('region', { name: 'Notifications' }));
    expect(toasts.getByText('Action item changed to “Book the hall”')).toBeInTheDocument();
    await user.click(toasts.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Edit “Book the hal”' })).toBeInTheDocument();
    expect((await direct('crews.get', { id: crew.id, today: '2026-01-02' })).openActionItems[0]).toMatchObject({ text: 'Book the hal', ownerId: ada.id, dueOn: null });

    // Marking it done names the item.
    await user.click(screen.getByRole('button', { name: 'Mark “Book the hal” done' }));
    expect(await toasts.findByText('“Book the hal” marked done')).toBeInTheDocument();
  });

  it('Escape cancels without saving and returns focus to the Edit button', async () => {
    const { direct, crew, ada } = await podOfFour();
    await direct('actionItems.add', { crewId: crew.id, text: 'Bring tea', ownerId: ada.id });
    const { user } = await openPod();
    const edit = screen.getByRole('button', { name: 'Edit “Bring tea”' });
    await user.click(edit);
    const form = screen.getByRole('form', { name: 'Edit the action item “Bring tea”' });
    await user.type(within(form).getByLabelText('Text'), ' and cake');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: /Edit the action item/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit “Bring tea”' })).toHaveFocus();
    expect((await direct('crews.get', { id: crew.id, today: '2026-01-02' })).openActionItems[0]?.text).toBe('Bring tea');

    // Cancel does the same.
    await user.click(screen.getByRole('button', { name: 'Edit “Bring tea”' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Edit “Bring tea”' })).toHaveFocus();
  });

  it('shows an error beside its field and keeps the form open: empty text, and an owner who has just left', async () => {
    const { direct, crew, me, ada } = await podOfFour();
    await direct('actionItems.add', { crewId: crew.id, text: 'Send the notes', ownerId: ada.id });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Edit “Send the notes”' }));
    const form = screen.getByRole('form', { name: 'Edit the action item “Send the notes”' });
    await user.clear(within(form).getByLabelText('Text'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const textField = within(form).getByLabelText('Text').closest('.crews-field') as HTMLElement;
    expect(within(textField).getByRole('alert')).toHaveTextContent('This cannot be empty.');
    expect(within(form).getByLabelText('Text')).toHaveAttribute('aria-invalid', 'true');

    // Bea leaves the crew while the form is open; choosing her is refused by the archive.
    await direct('crews.update', { id: crew.id, memberIds: [me.id, ada.id] });
    await user.type(within(form).getByLabelText('Text'), 'Send the notes');
    await user.selectOptions(within(form).getByLabelText('Owner'), 'Bea');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const ownerField = within(form).getByLabelText('Owner').closest('.crews-field') as HTMLElement;
    expect(await within(ownerField).findByRole('alert')).toHaveTextContent('The owner of an action item must be a member of the crew.');
    expect(within(textField).queryByRole('alert')).not.toBeInTheDocument();
    expect((await direct('crews.get', { id: crew.id, today: '2026-01-02' })).openActionItems[0]).toMatchObject({ text: 'Send the notes', ownerId: ada.id });
  });

  it('corrects an agenda item in the prep: text, and privacy, which sets the raiser aside (Enter on the checkbox saves)', async () => {
    const { direct, crew, ada } = await podOfFour();
    const item = await direct('agendaItems.add', { crewId: crew.id, text: 'Budjet', raisedById: ada.id });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });

    await user.click(screen.getByRole('button', { name: 'Edit “Budjet”' }));
    const form = screen.getByRole('form', { name: 'Edit the agenda item “Budjet”' });
    expect(within(form).getByLabelText('Raised by')).toHaveDisplayValue('Ada');
    await user.clear(within(form).getByLabelText('Text'));
    await user.type(within(form).getByLabelText('Text'), 'Budget for the retreat');
    const raisedBy = within(form).getByLabelText('Raised by');
    const isPrivate = within(form).getByLabelText('Private (my own prep; never shared)');
    await user.selectOptions(raisedBy, 'Cy');
    // A private item is my own prep: nobody raised it, so the choice is set aside while ticked…
    await user.click(isPrivate);
    expect(raisedBy).toBeDisabled();
    expect(raisedBy).toHaveDisplayValue('— (my own prep)');
    // …and comes back when a tick was a slip.
    await user.click(isPrivate);
    expect(raisedBy).toBeEnabled();
    expect(raisedBy).toHaveDisplayValue('Cy');
    await user.click(isPrivate);
    await user.keyboard('{Enter}');

    const edit = await screen.findByRole('button', { name: 'Edit “Budget for the retreat”' });
    await waitFor(() => expect(edit).toHaveFocus());
    const row = edit.closest('li') as HTMLElement;
    expect(row).toHaveTextContent('Private · only in my prep');
    expect(row).not.toHaveTextContent('raised by');
    const prep = await direct('crews.prep', { id: crew.id, today: '2026-01-02' });
    expect(prep.fresh).toEqual([expect.objectContaining({ id: item.id, text: 'Budget for the retreat', raisedById: null, private: true })]);

    // Shared again, a raiser can be named.
    await user.click(edit);
    const again = screen.getByRole('form', { name: 'Edit the agenda item “Budget for the retreat”' });
    await user.click(within(again).getByLabelText('Private (my own prep; never shared)'));
    await user.selectOptions(within(again).getByLabelText('Raised by'), 'Cy');
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('raised by Cy')).toBeInTheDocument();
  });

  it('corrects a held meeting’s action item and covered agenda item', async () => {
    const { direct, crew, me, ada, bea } = await podOfFour();
    const intro = await direct('agendaItems.add', { crewId: crew.id, text: 'Introductons' });
    const meeting = await direct('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-01-08',
      hostId: me.id,
      coveredAgendaItemIds: [intro.id],
      actionItems: [{ text: 'Call the venu', ownerId: ada.id }],
    });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: /^Meeting 1 · / }));
    await screen.findByRole('heading', { name: /^Meeting 1 · /, level: 1 });

    await user.click(screen.getByRole('button', { name: 'Edit “Call the venu”' }));
    const action = screen.getByRole('form', { name: 'Edit the action item “Call the venu”' });
    await user.type(within(action).getByLabelText('Text'), 'e');
    await user.selectOptions(within(action).getByLabelText('Owner'), 'Bea');
    await user.click(within(action).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Edit “Call the venue”' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Edit “Introductons”' }));
    const agenda = screen.getByRole('form', { name: 'Edit the agenda item “Introductons”' });
    await user.clear(within(agenda).getByLabelText('Text'));
    await user.type(within(agenda).getByLabelText('Text'), 'Introductions{Enter}');
    expect(await screen.findByRole('button', { name: 'Edit “Introductions”' })).toBeInTheDocument();
    // Still ticked as covered.
    expect(screen.getByRole('checkbox', { name: /Introductions/ })).toBeChecked();

    const saved = await direct('meetings.get', { id: meeting.id });
    expect(saved.actionItems[0]).toMatchObject({ text: 'Call the venue', ownerId: bea.id });
    expect(saved.covered.map((i) => i.text)).toEqual(['Introductions']);
  });

  it('shows on a past meeting what stayed open on its agenda and which meeting covered it later', async () => {
    const { direct, crew, me } = await podOfFour();
    const host = await direct('agendaItems.add', { crewId: crew.id, text: 'Who hosts in January?' });
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08', hostId: me.id });
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-22', hostId: me.id, coveredAgendaItemIds: [host.id] });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: /^Meeting 1 · / }));
    await screen.findByRole('heading', { name: /^Meeting 1 · /, level: 1 });
    const leftOpen = screen.getByRole('list', { name: 'Also on the agenda, left open then' });
    expect(within(leftOpen).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Who hosts in January? · covered in meeting 2']);
    expect(screen.queryByText('Nothing was on the agenda.')).not.toBeInTheDocument();
  });
});
