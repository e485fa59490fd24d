import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { renderApp } from './render-app';
import { openPod, podOfFour } from './support/crews';

/** An id of the right shape that no crew has (as one reached by Back after an import replaced the archive). */
const unknownCrew = '0192f4a0-0000-7000-8000-000000000000';

describe('a crew’s pages when what they show is gone (Back can lead there)', () => {
  it('says a deleted meeting is gone, with the way back to Crews', async () => {
    const { direct, crew } = await podOfFour();
    const meeting = await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    await direct('meetings.delete', { id: meeting.id });
    act(() => useNavigation.getState().go('crews', { kind: 'meeting', id: meeting.id }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/not in your archive|deleted/);
    await user.click(screen.getByRole('button', { name: 'Back to Crews' }));
    expect(await screen.findByRole('heading', { name: 'Crews', level: 1 })).toBeInTheDocument();
  });

  it.each(['crew', 'prep', 'new-meeting', 'retrospective', 'edit-crew'])('says so on “%s” of a crew that is not there, instead of a blank page', async (kind) => {
    renderApp();
    act(() => useNavigation.getState().go('crews', { kind, id: unknownCrew }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That crew is not in your archive (or was deleted).');
    expect(screen.getByRole('button', { name: 'Back to Crews' })).toBeInTheDocument();
    expect(screen.queryByText('This page could not be shown')).not.toBeInTheDocument();
  });
});
