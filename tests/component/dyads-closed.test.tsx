import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/** Ada's dyad, with one check-in written before it closed gracefully. */
async function closedDyad() {
  const bridge = coreBridge();
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'steward', rhythmDays: 30 });
  await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-03-02', iShared: 'The spring move' });
  await bridge.direct('dyads.setStatus', { id: dyad.id, status: 'closed', closingNote: 'A good year together.', today: '2026-06-01' });
  return dyad;
}

describe('a closed dyad', () => {
  it('invites no new check-in: it offers Reopen instead, and its past check-ins stay readable', async () => {
    const dyad = await closedDyad();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    await screen.findByRole('heading', { name: /Ada · Steward/, level: 1 });

    expect(screen.queryByRole('button', { name: 'New check-in' })).not.toBeInTheDocument();
    const reopen = screen.getByRole('button', { name: 'Reopen dyad' });
    expect(reopen).toHaveAccessibleDescription('This dyad is closed. Reopen it to check in again.');
    // One way back on the page, not a second one under another name.
    expect(screen.queryByRole('button', { name: 'Pick up again' })).not.toBeInTheDocument();
    expect(screen.getByText('None while it is closed')).toBeInTheDocument();

    // What was written stays there to read.
    const checkins = screen.getByRole('list', { name: 'Check-ins' });
    await user.click(within(checkins).getByRole('button', { name: /The spring move/ }));
    expect(await screen.findByLabelText('What I shared')).toHaveValue('The spring move');
    await user.click(screen.getByRole('button', { name: 'Back to Ada' }));

    // Reopened, it is active again and a check-in is one step away: focus is already on it.
    await user.click(await screen.findByRole('button', { name: 'Reopen dyad' }));
    const newCheckin = await screen.findByRole('button', { name: 'New check-in' });
    expect(newCheckin).toHaveFocus();
    expect(screen.queryByText('This dyad is closed. Reopen it to check in again.')).not.toBeInTheDocument();
    expect((await coreBridge().direct('dyads.get', { id: dyad.id })).status).toBe('active');
  });

  it("says it is closed on the person's page too, hoping for no next check-in", async () => {
    const dyad = await closedDyad();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: dyad.personId }));
    const card = await screen.findByRole('article', { name: 'Ada' });
    expect(within(card).getByText('Closed gracefully')).toBeInTheDocument();
    expect(within(card).getByText('None while it is closed')).toBeInTheDocument();
    expect(within(card).queryByText('Whenever feels right')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /New check-in/ })).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Ada' }));
    expect(await screen.findByRole('button', { name: 'Reopen dyad' })).toBeInTheDocument();
  });

  it('reached at "new check-in" anyway (Back, an old link), says it is closed and starts nothing', async () => {
    const dyad = await closedDyad();
    renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyad.id }));
    expect(await screen.findByText('This dyad is closed. Reopen it from its page to check in again.')).toBeInTheDocument();
    expect(screen.queryByLabelText('What I shared')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to Ada' })).toBeInTheDocument();
    expect(coreBridge().callsOf('checkins.create')).toHaveLength(0);
  });
});
