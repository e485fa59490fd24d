import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the Crews page', () => {
  it('invites you to call a crew, with kind size guidance, by labels alone', async () => {
    await coreBridge().direct('people.create', { name: 'Ada' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    expect(await screen.findByRole('heading', { name: 'No crews yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Call a crew' }));
    await screen.findByRole('heading', { name: 'Call a crew', level: 1 });
    await user.type(screen.getByLabelText('Name'), 'Thursday crew');
    await user.click(await screen.findByRole('checkbox', { name: 'Ada' }));
    expect(screen.getByText(/Two people so far: still calling/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Someone new'), 'Bea');
    await user.click(screen.getByRole('button', { name: 'Add to the crew' }));
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Bea' })).toBeChecked());
    expect(screen.queryByText(/still calling/)).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('Sessions in this cycle'));
    await user.type(screen.getByLabelText('Sessions in this cycle'), '0');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByText(/at least 1 session/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText('Sessions in this cycle'));
    await user.type(screen.getByLabelText('Sessions in this cycle'), '6');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));

    expect(await screen.findByRole('heading', { name: 'Thursday crew', level: 1 })).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Notifications' })).getByText("You've called Thursday crew")).toBeInTheDocument();
    const rotation = screen.getByRole('table');
    expect(within(rotation).getByRole('rowheader', { name: 'Me' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Cycle 1: 0 of 6 sessions held' })).toBeInTheDocument();
  });

  it('shows my private agenda items clearly in the prep, and a retrospective needs a meeting first', async () => {
    const bridge = coreBridge();
    const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
    const me = await direct('people.create', { name: 'Me', isMe: true });
    const ada = await direct('people.create', { name: 'Ada' });
    const bea = await direct('people.create', { name: 'Bea' });
    const crew = await direct('crews.create', { name: 'Pod', startedOn: '2026-01-01', rhythmDays: 14, cycleSessions: 4, memberIds: [me.id, ada.id, bea.id] });
    await direct('agendaItems.add', { crewId: crew.id, text: 'My quiet worry', private: true });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: /Pod/ }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    // No meeting yet: the retrospective is not offered (crews-retro-first-meeting tests the rest).
    expect(screen.queryByRole('button', { name: 'Run the retrospective' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Prepare the next meeting' }));
    expect(await screen.findByRole('heading', { name: 'Next meeting', level: 1 })).toBeInTheDocument();
    const fresh = screen.getByRole('list', { name: 'New' });
    expect(within(fresh).getByText('Private · only in my prep')).toBeInTheDocument();
    expect(screen.getByText('Session 1 of 4')).toBeInTheDocument();
    // I host first (I joined first), so Ada is the suggested focus and no case template shows.
    expect(screen.getByText('Me', { selector: '.crews-fact-value' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'You are the focus: your case' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Agenda item'), 'Holidays');
    await user.selectOptions(screen.getByLabelText('Raised by'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add to the agenda' }));
    expect(await within(screen.getByRole('list', { name: 'New' })).findByText('Holidays')).toBeInTheDocument();
    const { markdown } = await direct('crews.prepMarkdown', { id: crew.id, today: '2026-01-02' });
    expect(markdown).toContain('Holidays (raised by Ada)');
    expect(markdown).not.toContain('quiet worry');
  });
});
