import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

const toasts = () => within(screen.getByRole('region', { name: 'Notifications' }));

describe('crews: closing asks first and can be undone; a retrospective can be corrected or deleted', () => {
  it('asks before closing (focus on the safe answer), closes on the chosen day, and Undo brings the crew back', async () => {
    const { direct, crew, ada } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08', actionItems: [{ text: 'Send notes to Sam', ownerId: ada.id }] });
    const { user } = await openPod();
    const form = screen.getByRole('form', { name: "Change the crew's stage" });
    await user.selectOptions(within(form).getByLabelText('Move to'), 'Closed gracefully');
    const day = within(form).getByLabelText('Closing day');
    await user.clear(day);
    await user.type(day, '2026-02-01');
    await user.type(within(form).getByLabelText('Closing note'), 'We did what we came for');
    expect(within(form).getByRole('group', { name: '1 action item is still open' })).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Change stage' }));

    const dialog = screen.getByRole('alertdialog', { name: 'Close Pod?' });
    expect(within(dialog).getByRole('button', { name: 'Keep it going' })).toHaveFocus();
    expect(dialog).toHaveTextContent("1 action item is still open. It stays open on the crew's page, to mark done or drop when settled.");
    await user.click(within(dialog).getByRole('button', { name: 'Keep it going' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew.stage).toBe('meeting');

    await user.click(within(form).getByRole('button', { name: 'Change stage' }));
    // A graceful close is no alarm: the calm primary button, not a deletion's red.
    expect(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Close the crew' })).toHaveClass('button-primary');
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Close the crew' }));
    expect(await screen.findByRole('heading', { name: /^Closed gracefully (today|yesterday|on )/ })).toHaveFocus();
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew).toMatchObject({ stage: 'closed', closedOn: '2026-02-01' });
    // Its open action item can still be settled on the closed crew's page.
    expect(screen.getByRole('heading', { name: 'Still open from this crew' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark “Send notes to Sam” done' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit “Send notes to Sam”' })).not.toBeInTheDocument();

    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Record a meeting' })).toBeInTheDocument();
    const detail = await direct('crews.get', { id: crew.id, today: '2026-02-02' });
    expect(detail.crew).toMatchObject({ stage: 'meeting', closedOn: null });
    expect(detail.stages.map((s) => s.to)).toEqual(['calling', 'meeting']);
  });

  it('drops the open action items with the crew when asked, and Ctrl+Z opens them again', async () => {
    const { direct, crew, ada } = await podOfFour();
    await direct('actionItems.add', { crewId: crew.id, text: 'Ask HR about flexible hours', ownerId: ada.id });
    const { user } = await openPod();
    await user.selectOptions(screen.getByLabelText('Move to'), 'Closed gracefully');
    await user.type(screen.getByLabelText('Closing note'), 'Thank you all');
    await user.click(screen.getByRole('radio', { name: /Drop it with the crew/ }));
    await user.click(screen.getByRole('button', { name: 'Change stage' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('It is dropped along with the crew.');
    await user.click(screen.getByRole('button', { name: 'Close the crew' }));
    await screen.findByRole('heading', { name: /^Closed gracefully (today|yesterday|on )/ });
    expect(screen.getByText('Nothing open.')).toBeInTheDocument();
    expect(toasts().getByText('Pod closed gracefully')).toBeInTheDocument();

    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByRole('button', { name: 'Mark “Ask HR about flexible hours” done' })).toBeInTheDocument();
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew.stage).toBe('calling');
  });

  it('says when the cycle’s end date has passed, and shows the date in About', async () => {
    const { direct, crew, me } = await podOfFour();
    await direct('crews.update', { id: crew.id, cycleEndOn: '2026-04-30' });
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await direct('crews.planNext', { id: crew.id, on: null, place: 'Online', hostId: me.id, focusId: null });
    const { user } = await openPod();
    expect(screen.getByText('Cycle 1 ends')).toBeInTheDocument();
    expect(screen.getByText(/^This cycle ended on Thursday, April 30: a good moment for the retrospective\.$/)).toBeInTheDocument();
    expect(screen.queryByText(/sessions are done/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    // The place sits with the day it belongs to, not at the start of the rotation's explanation.
    expect(screen.getByText('Date and place').parentElement).toHaveTextContent(/Online\.$/);
    expect(screen.getByText(/^Suggestions come from the rotation/)).toBeInTheDocument();
    expect(screen.queryByText(/At Online/)).not.toBeInTheDocument();
    expect(screen.getByText('This cycle ended on Thursday, April 30. Maybe this one is the retrospective?')).toBeInTheDocument();
  });

  it('edits a saved retrospective in place and deletes it with Undo; one whose new cycle has meetings says why it stays', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await direct('crews.retrospective', { crewId: crew.id, heldOn: '2026-02-01', worked: 'Tea', decision: 'new_cycle' });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Edit the retrospective of cycle 1' }));
    const form = screen.getByRole('form', { name: 'Edit the retrospective of cycle 1' });
    await waitFor(() => expect(within(form).getByLabelText('What worked')).toHaveFocus());
    await user.type(within(form).getByLabelText('What worked'), ' and honesty');
    await user.type(within(form).getByLabelText('What to change'), 'Start on time');
    await user.click(within(form).getByRole('button', { name: 'Save the changes' }));
    const article = await screen.findByRole('article', { name: /^Retrospective: Cycle 1/ });
    expect(article).toHaveTextContent('Tea and honesty');
    expect(article).toHaveTextContent('Start on time');

    await user.click(within(article).getByRole('button', { name: 'Delete the retrospective of cycle 1' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: /^Retrospective/ })).not.toBeInTheDocument());
    expect((await direct('crews.get', { id: crew.id, today: '2026-02-02' })).crew).toMatchObject({ stage: 'meeting', cycle: 1, cycleSessions: 4 });
    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('article', { name: /^Retrospective: Cycle 1/ })).toHaveTextContent('Tea and honesty');

    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-02-10' });
    await user.click(screen.getByRole('button', { name: 'Back to Crews' }));
    await user.click(await screen.findByRole('button', { name: /Pod/ }));
    const kept = await screen.findByRole('article', { name: /^Retrospective: Cycle 1/ });
    expect(within(kept).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();
    expect(kept).toHaveTextContent('Meetings have been recorded in cycle 2, which it started, so it stays. You can still edit its words.');
  });

  it('says a closed crew recorded no meetings, rather than inviting one', async () => {
    const { direct, crew } = await podOfFour();
    await direct('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-02-01', note: 'Not the right time' });
    await openPod();
    expect(await screen.findByText('No meetings were recorded in this crew.')).toBeInTheDocument();
    expect(screen.queryByText(/When you have met, record it here/)).not.toBeInTheDocument();
  });

  it('lets "Choose what the crew decided" go once a decision is chosen', async () => {
    const { direct, crew } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    await user.click(await screen.findByRole('button', { name: 'Run the retrospective' }));
    await screen.findByRole('heading', { name: 'Retrospective', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Save the retrospective' }));
    expect(await screen.findByText('Choose what the crew decided.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Pause' }));
    expect(screen.queryByText('Choose what the crew decided.')).not.toBeInTheDocument();
  });
});
