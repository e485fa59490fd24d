import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('Add a person', () => {
  it('opens with focus in Name, so the name can be typed at once', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    await user.click(await screen.findByRole('button', { name: 'Add a person' }));
    const name = await screen.findByLabelText('Name');
    expect(name).toHaveFocus();
    await user.keyboard('Ada{Enter}');
    expect(await screen.findByRole('heading', { name: 'Ada', level: 1 })).toBeInTheDocument();
  });
});

describe("a person's page", () => {
  it('shows their timeline: check-ins, commitments both ways and entries that mention them', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada', howWeMet: 'Through Bea' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'creative_partner', startedOn: '2026-09-01' });
    const checkin = await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01', how: 'call', iHeard: 'She is writing again', dial: 5 });
    await bridge.direct('commitments.create', { dyadId: dyad.id, checkinId: checkin.id, direction: 'theirs', text: 'Share chapter one', madeOn: '2026-10-01' });
    await bridge.direct('journal.create', { title: 'After talking with Ada', body: 'Grateful.', entryDate: '2026-10-03' });

    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: ada.id }));
    expect(await screen.findByRole('heading', { name: 'Ada', level: 1 })).toBeInTheDocument();
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Journal · After talking with Ada'),
      expect.stringContaining('Check-in · Call · dial 5 (partnership)'),
      expect.stringContaining('Ada committed: Share chapter one'),
      expect.stringContaining('Started a dyad · Creative partner'),
    ]);

    await user.click(within(timeline).getByRole('button', { name: /Check-in · Call/ }));
    expect(await screen.findByLabelText('What I heard, what is alive for Ada')).toHaveValue('She is writing again');
  });

  it("shows a dyad's close with the words it closed with, and leads to that dyad", async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'creative_partner', startedOn: '2026-09-01' });
    await bridge.direct('dyads.setStatus', { id: dyad.id, status: 'closed', closingNote: 'The book is done; thank you.', today: '2026-10-10' });

    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: ada.id }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Closed a dyad · Creative partnerThe book is done; thank you.'),
      expect.stringContaining('Started a dyad · Creative partner'),
    ]);
    await user.click(within(timeline).getByRole('button', { name: /Closed a dyad/ }));
    expect(await screen.findByRole('button', { name: 'Reopen dyad' })).toBeInTheDocument();
  });

  it('is reached from the People list, and deleting keeps their history for Undo', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'friend' });
    await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01' });

    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    const people = await screen.findByRole('list', { name: 'People' });
    await user.click(within(people).getByRole('button', { name: /Ada/ }));
    await screen.findByRole('heading', { name: 'Ada', level: 1 });

    // Asked first, with what goes; keeping them changes nothing and focus comes back.
    await user.click(screen.getByRole('button', { name: 'Delete person…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Ada?' });
    expect(dialog).toHaveTextContent('Ada leaves every page, with your dyad and its check-ins');
    await user.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    expect(screen.getByRole('button', { name: 'Delete person…' })).toHaveFocus();
    expect(await bridge.direct('dyads.list', { today: '2026-11-26' })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Delete person…' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete Ada?' })).getByRole('button', { name: 'Delete person' }));
    await screen.findByRole('heading', { name: 'Dyads', level: 1 });
    expect(await bridge.direct('dyads.list', { today: '2026-11-26' })).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('heading', { name: 'Ada', level: 1 })).toBeInTheDocument();
    expect(await within(await screen.findByRole('list', { name: 'Timeline' })).findByText(/Check-in/)).toBeInTheDocument();
  });

  it('shows the crews, congregations and networks they are part of, each a way to its page', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    await bridge.direct('crews.create', { name: 'Thursday clinic', startedOn: '2026-10-01', memberIds: [ada.id] });
    const porto = await bridge.direct('congregations.create', { name: 'Porto Circle', since: '2026-01-01' });
    await bridge.direct('congregations.addPeople', { congregationId: porto.id, personIds: [ada.id] });
    const network = await bridge.direct('networks.create', { name: 'Atlantic network' });
    await bridge.direct('networks.addHost', { networkId: network.id, personId: ada.id });
    const gone = await bridge.direct('congregations.create', { name: 'Old circle', since: '2026-01-01' });
    await bridge.direct('congregations.addPeople', { congregationId: gone.id, personIds: [ada.id] });
    await bridge.direct('congregations.delete', { id: gone.id });

    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: ada.id }));
    const groups = await screen.findByRole('region', { name: 'Crews and congregations' });
    expect(within(groups).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Crew · Thursday clinic',
      'Congregation · Porto Circle',
      'Hosts the network · Atlantic network',
    ]);

    await user.click(within(groups).getByRole('button', { name: 'Porto Circle' }));
    expect(await screen.findByRole('heading', { name: 'Porto Circle', level: 1 })).toBeInTheDocument();
  });

  it('has no such section for someone who is only in a dyad', async () => {
    const bridge = coreBridge();
    const bea = await bridge.direct('people.create', { name: 'Bea' });
    renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: bea.id }));
    await screen.findByRole('heading', { name: 'Timeline' });
    expect(screen.queryByRole('region', { name: 'Crews and congregations' })).not.toBeInTheDocument();
  });
});
