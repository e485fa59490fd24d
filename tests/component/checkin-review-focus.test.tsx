import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/** In a new check-in's review, a double Enter settles one commitment, never two. */
describe('the check-in review’s focus', () => {
  it('lands on the next card’s words after a step, not on its Kept button', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'peer_coach' });
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Send the article' });
    await bridge.direct('commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week' });
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Learn Portuguese' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyad.id }));

    const review = await screen.findByRole('region', { name: 'Last time’s commitments' });
    // The first card starts on Kept: one Enter settles it.
    expect(within(review).getByRole('button', { name: 'Kept' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await within(review).findByText('2 of 3')).toBeInTheDocument();
    const words = within(review).getByText('Run three times a week').closest('.review-words');
    expect(words).toHaveFocus();
    expect(words).toHaveTextContent('Ada committed to');

    // A second Enter settles nothing.
    await user.keyboard('{Enter}');
    expect(within(review).getByText('2 of 3')).toBeInTheDocument();
    expect((await bridge.direct('commitments.list', { dyadId: dyad.id })).map((c) => c.text)).toEqual(['Run three times a week', 'Learn Portuguese']);

    // Tab reaches Kept; "Leave open for now" steps on to the words of the last card too.
    await user.tab();
    expect(within(review).getByRole('button', { name: 'Kept' })).toHaveFocus();
    await user.click(within(review).getByRole('button', { name: 'Leave open for now' }));
    expect(await within(review).findByText('3 of 3')).toBeInTheDocument();
    expect(within(review).getByText('Learn Portuguese').closest('.review-words')).toHaveFocus();
  });
});
