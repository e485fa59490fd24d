import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the list of keyboard shortcuts', () => {
  it('opens with ? from anywhere outside a text box, and Escape puts it away with focus back', async () => {
    const { user } = renderApp();
    const settings = sidebar().getByRole('button', { name: 'Settings' });
    settings.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Search everything')).toBeInTheDocument();
    expect(within(dialog).getByText('Quick capture: what is active right now, from any page')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
    expect(settings).toHaveFocus();

    await user.keyboard('{F1}');
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps focus in the list when a page arrives behind it (? pressed while the page was loading)', async () => {
    const { user } = renderApp();
    sidebar().getByRole('button', { name: 'Settings' }).focus();
    await user.keyboard('?');
    const close = within(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    act(() => useNavigation.getState().go('dyads'));
    await screen.findByRole('heading', { name: 'Dyads', level: 1 });
    expect(close).toHaveFocus();
  });

  it('leaves a ? typed into a text box alone, and is listed in Settings', async () => {
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    await user.type(box, 'why?');
    expect(box).toHaveValue('why?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
    expect(within(section).getByText('Write a new journal entry')).toBeInTheDocument();
  });

  it('saves the form being typed in with Ctrl+Enter, while Enter alone starts a new line', async () => {
    const bridge = coreBridge();
    const sam = await bridge.direct('people.create', { name: 'Sam' });
    const dyad = await bridge.direct('dyads.create', { personId: sam.id, kind: 'peer_coach' });
    await bridge.direct('commitments.create', { dyadId: dyad.id, madeOn: '2026-11-01', direction: 'theirs', text: 'Run three times a week' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const theirs = await screen.findByRole('list', { name: 'Sam’s open commitments' });
    await user.click(within(theirs).getByRole('button', { name: 'Renegotiate: Run three times a week…' }));
    const terms = within(theirs).getByLabelText('New terms');
    await user.clear(terms);
    await user.type(terms, 'Walk{Enter}twice a week');
    expect(terms).toHaveValue('Walk\ntwice a week');
    expect(coreBridge().callsOf('commitments.resolve')).toHaveLength(0);

    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Renegotiated: the new terms are open now')).toBeInTheDocument();
    const open = await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'open' });
    expect(open.map((c) => c.text)).toEqual(['Walk\ntwice a week']);
  });
});
