import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

describe('crews: past meetings, editing a crew, and the prep by hand', () => {
  it('opens a past meeting from the list, corrects a check-in note that saves itself, and deletes it with Undo', async () => {
    const { direct, crew, me, ada } = await podOfFour();
    const meeting = await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08', hostId: me.id, checkinNotes: [{ personId: ada.id, note: 'Tired' }] });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: /^Meeting 1 · / }));
    expect(await screen.findByRole('heading', { name: /^Meeting 1 · /, level: 1 })).toBeInTheDocument();
    const note = screen.getByLabelText('Check-in note for Ada');
    expect(note).toHaveValue('Tired');
    await user.type(note, ' but glad');
    await waitFor(() => expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Saved'), { timeout: 3000 });
    await waitFor(async () => expect((await direct('meetings.get', { id: meeting.id })).checkins.find((c) => c.personId === ada.id)?.note).toBe('Tired but glad'));

    await user.click(screen.getByRole('button', { name: 'Delete meeting' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    expect(screen.getByText(/No meetings yet/)).toBeInTheDocument();
    await user.click(within(screen.getByRole('region', { name: 'Notifications' })).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: /^Meeting 1 · /, level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Check-in note for Ada')).toHaveValue('Tired but glad');
  });

  it('edits the crew: adds someone new, and tells me about the open action items of someone who leaves', async () => {
    const { direct, crew, cy } = await podOfFour();
    await direct('actionItems.add', { crewId: crew.id, text: 'Find a venue', ownerId: cy.id });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Edit crew' }));
    await screen.findByRole('heading', { name: 'Edit crew', level: 1 });
    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Morning pod');
    await user.click(screen.getByRole('checkbox', { name: 'Cy' }));
    expect(screen.getByRole('note')).toHaveTextContent('Cy leaves the crew');
    expect(screen.getByRole('note')).toHaveTextContent('“Find a venue”');
    await user.type(screen.getByLabelText('Someone new'), 'Dan');
    await user.click(screen.getByRole('button', { name: 'Add to the crew' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Dan' })).toBeChecked());
    await user.clear(screen.getByLabelText('Sessions in this cycle'));
    await user.type(screen.getByLabelText('Sessions in this cycle'), '0');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText(/at least 1 session/)).toBeInTheDocument();
    expect((await direct('crews.get', { id: crew.id, today: '2026-01-02' })).crew.name).toBe('Pod');
    await user.clear(screen.getByLabelText('Sessions in this cycle'));
    await user.type(screen.getByLabelText('Sessions in this cycle'), '6');
    await user.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByRole('heading', { name: 'Morning pod', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('rowheader').map((r) => r.textContent)).toEqual(['Me', 'Ada', 'Bea', 'Dan']);
    expect(screen.getByText('Earlier members: Cy')).toBeInTheDocument();
    expect(screen.getByText(/Cy \(left the crew\)/)).toBeInTheDocument();
  });

  it('sets the next meeting by hand and, as the focus, writes my case that goes into the Markdown', async () => {
    const { direct, crew, bea } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    expect(screen.queryByRole('heading', { name: 'You are the focus: your case' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Set the date, place, host or focus' }));
    const plan = screen.getByRole('form', { name: 'Plan the next meeting' });
    await user.type(within(plan).getByLabelText('Next meeting on'), '2026-01-09');
    await user.type(within(plan).getByLabelText('Place'), 'The park');
    await user.selectOptions(within(plan).getByLabelText('Host'), 'Bea');
    await user.selectOptions(within(plan).getByLabelText('Focus (case-giver)'), 'Me');
    await user.click(within(plan).getByRole('button', { name: 'Save the plan' }));

    expect(await screen.findByText('set by hand')).toBeInTheDocument();
    // The form goes and focus returns to the button that opened it, not to the page's heading.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Set the date, place, host or focus' })).toHaveFocus());
    expect(screen.getByText(/At The park\./)).toBeInTheDocument();
    expect(screen.getByText('Bea', { selector: '.crews-fact-value' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'You are the focus: your case' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('The situation'), 'Moving abroad');
    await user.type(screen.getByLabelText('The help I ask for'), 'Questions, not advice');
    await waitFor(() => expect(screen.getByRole('status', { name: 'Your case' })).toHaveTextContent('Saved'), { timeout: 3000 });
    const { markdown } = await direct('crews.prepMarkdown', { id: crew.id, today: '2026-01-02' });
    expect(markdown).toContain('- **Date:** 2026-01-09');
    expect(markdown).toContain('- **Place:** The park');
    expect(markdown).toContain(`- **Host:** ${bea.name}`);
    expect(markdown).toContain('### The situation\n\nMoving abroad');
  });
});
