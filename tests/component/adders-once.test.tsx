import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openPod, podOfFour } from './support/crews';

/**
 * A form that adds one thing clears its field only when the answer comes: a double click on its
 * button used to add the thing twice, and both were kept. Answers are held back here, as a slow
 * disk would, so the second click lands while the first is still on its way.
 */

async function doubleClickWhileWaiting(user: ReturnType<typeof renderApp>['user'], button: HTMLElement) {
  const release = coreBridge().hold();
  await user.dblClick(button);
  expect(button).toBeDisabled();
  release();
}

describe('a double click on a form’s button does its work once', () => {
  it('an agenda item in the next meeting’s prep', async () => {
    const { direct, crew } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await user.type(await screen.findByLabelText('Agenda item'), 'Who hosts in January?');
    await doubleClickWhileWaiting(user, screen.getByRole('button', { name: 'Add to the agenda' }));
    expect(await within(await screen.findByRole('list', { name: 'New' })).findByText('Who hosts in January?')).toBeInTheDocument();
    expect(coreBridge().callsOf('agendaItems.add')).toHaveLength(1);
    expect((await direct('crews.prep', { id: crew.id, today: '2026-01-02' })).fresh.map((item) => item.text)).toEqual(['Who hosts in January?']);
  });

  it('an action item on a past meeting', async () => {
    const { direct, crew, me } = await podOfFour();
    const meeting = await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08', hostId: me.id, coveredAgendaItemIds: [], actionItems: [] });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: /^Meeting 1 · / }));
    await screen.findByRole('heading', { name: /^Meeting 1 · /, level: 1 });
    await user.type(screen.getByLabelText('New action item'), 'Send the harvest notes');
    await doubleClickWhileWaiting(user, screen.getByRole('button', { name: 'Add the action item' }));
    await waitFor(() => expect(screen.getByLabelText('New action item')).toHaveValue(''));
    expect(coreBridge().callsOf('actionItems.add')).toHaveLength(1);
    expect((await direct('meetings.get', { id: meeting.id })).actionItems.map((item) => item.text)).toEqual(['Send the harvest notes']);
  });

  it('a host I learn from, on a network’s page', async () => {
    const network = await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /Hosts circle/ }));
    await user.type(await screen.findByLabelText("Host's name"), 'Rich');
    await doubleClickWhileWaiting(user, screen.getByRole('button', { name: 'Add host' }));
    await waitFor(() => expect(screen.getByLabelText("Host's name")).toHaveValue(''));
    expect(coreBridge().callsOf('networks.addHost')).toHaveLength(1);
    expect((await coreBridge().direct('networks.get', { id: network.id })).hosts.map((host) => host.name)).toEqual(['Rich']);
    // Nor was Rich added to the people twice.
    expect((await coreBridge().direct('people.list', {})).people.filter((person) => person.name === 'Rich')).toHaveLength(1);
  });

  it('a lesson on a congregation’s page', async () => {
    const congregation = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    await user.type(await screen.findByLabelText('Lesson'), 'Small crews beat big ones.');
    await doubleClickWhileWaiting(user, screen.getByRole('button', { name: 'Add lesson' }));
    expect(await within(screen.getByRole('list', { name: 'Lessons to share' })).findByText(/Small crews beat big ones/)).toBeInTheDocument();
    expect(coreBridge().callsOf('lessons.share')).toHaveLength(1);
    expect((await coreBridge().direct('congregations.get', { id: congregation.id, today: '2026-01-02' })).lessons).toHaveLength(1);
  });

  it('a change of my role in a congregation', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    const form = await screen.findByRole('form', { name: 'Change my role' });
    await user.selectOptions(within(form).getByLabelText('New role'), 'Host');
    await doubleClickWhileWaiting(user, within(form).getByRole('button', { name: 'Change my role' }));
    expect(await screen.findByText('Your role is now Host')).toBeInTheDocument();
    expect(coreBridge().callsOf('congregations.setRole')).toHaveLength(1);
    expect(screen.queryByText('You are already a host here.')).not.toBeInTheDocument();
  });
});
