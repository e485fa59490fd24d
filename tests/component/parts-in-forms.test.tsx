import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/**
 * A check-in and a crew meeting ask which of my parts showed up. The parts they offer are the
 * Self rung's own, as they are now: a part deleted there, brought back with Undo or renamed
 * shows so in a form already open, and after going back and opening it again.
 */

async function seedCheckinWithPart() {
  const bridge = coreBridge();
  const worrier = await bridge.direct('parts.create', { name: 'Worrier', role: 'manager' });
  await bridge.direct('parts.create', { name: 'Rebel', role: 'firefighter' });
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays: 14 });
  const checkin = await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', iShared: 'A long week', partIds: [worrier.id] });
  return { worrier, dyad, checkin };
}

const partsField = () => screen.getByRole('group', { name: 'Which of my parts showed up' });

describe('parts offered in a check-in', () => {
  it('come back in an open check-in when a deletion is undone, still ticked', async () => {
    const { worrier, checkin } = await seedCheckinWithPart();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('self', { kind: 'part', id: worrier.id }));
    await screen.findByRole('heading', { name: 'Worrier', level: 2 });
    await user.click(screen.getByRole('button', { name: 'Delete part' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Worrier?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete part' }));
    await screen.findByRole('heading', { name: 'Your parts' });

    act(() => useNavigation.getState().go('dyads', { kind: 'checkin', id: checkin.id }));
    await screen.findByLabelText('What I shared');
    await waitFor(() => expect(within(partsField()).getByRole('checkbox', { name: 'Rebel' })).toBeInTheDocument());
    expect(within(partsField()).queryByRole('checkbox', { name: 'Worrier' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(partsField()).findByRole('checkbox', { name: 'Worrier' })).toBeChecked();
    expect(within(partsField()).getByRole('checkbox', { name: 'Rebel' })).not.toBeChecked();
  });

  it('show a part renamed on the Self rung by its new name, when the check-in is opened again', async () => {
    const { worrier, checkin } = await seedCheckinWithPart();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'checkin', id: checkin.id }));
    await screen.findByLabelText('What I shared');
    expect(await within(partsField()).findByRole('checkbox', { name: 'Worrier' })).toBeChecked();

    act(() => useNavigation.getState().go('self', { kind: 'part', id: worrier.id }));
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Careful one');
    await screen.findByRole('heading', { name: 'Careful one', level: 2 }, { timeout: 3000 });

    act(() => useNavigation.getState().go('dyads', { kind: 'checkin', id: checkin.id }));
    await screen.findByLabelText('What I shared');
    expect(await within(partsField()).findByRole('checkbox', { name: 'Careful one' })).toBeChecked();
    expect(within(partsField()).queryByRole('checkbox', { name: 'Worrier' })).not.toBeInTheDocument();
  });
});
