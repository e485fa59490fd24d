import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/** A dyad with Ada and one check-in, both then deleted (as Back can find them afterwards). */
async function goneDyad() {
  const bridge = coreBridge();
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays: 14 });
  const checkin = await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: localDay(), iShared: 'The move is hard' });
  await bridge.direct('checkins.delete', { id: checkin.id });
  await bridge.direct('dyads.delete', { id: dyad.id });
  return { dyad, checkin };
}

describe('a dyad’s pages when what they show is gone (Back can lead there)', () => {
  it.each([
    ['checkin', 'checkin', 'That check-in is not in your archive (or was deleted).'],
    ['new-checkin', 'dyad', 'That dyad is not in your archive (or was deleted).'],
    ['edit-dyad', 'dyad', 'That dyad is not in your archive (or was deleted).'],
  ] as const)('on “%s” says so where the form would be, not in a passing toast', async (kind, of, words) => {
    const { dyad, checkin } = await goneDyad();
    renderApp();
    act(() => useNavigation.getState().go('dyads', { kind, id: of === 'checkin' ? checkin.id : dyad.id }));
    expect(await screen.findByRole('alert')).toHaveTextContent(words);
    expect(screen.queryByLabelText('What I shared')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^(←\s*)?Back/ })).toBeInTheDocument();
  });
});
