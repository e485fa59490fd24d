import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

async function openDyad() {
  const bridge = coreBridge();
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'steward', rhythmDays: 30, agreements: ['Monthly, on a walk'] });
  const view = renderApp();
  act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
  await screen.findByRole('heading', { name: /Ada · Steward/, level: 1 });
  return { ...view, dyad };
}

describe("a dyad's page", () => {
  it('edits the rhythm and agreements', async () => {
    const { user } = await openDyad();
    expect(screen.getByText('Monthly, on a walk')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit dyad' }));
    const rhythm = await screen.findByLabelText('Rhythm: every … days');
    expect(rhythm).toHaveValue('30');
    await user.clear(rhythm);
    await user.type(rhythm, '7');
    await user.type(screen.getByLabelText('Agreements, one per line'), '{enter}We can both say no');
    await user.click(screen.getByRole('button', { name: 'Save dyad' }));
    expect(await screen.findByText('Every week')).toBeInTheDocument();
    expect(screen.getByText('We can both say no')).toBeInTheDocument();
  });

  it('pauses, picks up again, and closes gracefully only with a closing note', async () => {
    const { user, dyad } = await openDyad();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Resting for now')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pick up again' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close gracefully…' }));
    const note = screen.getByLabelText('Closing note');
    expect(note).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Close gracefully' }));
    expect(await screen.findByText(/A few words on how this dyad closes/)).toBeInTheDocument();
    expect((await coreBridge().direct('dyads.get', { id: dyad.id })).status).toBe('active');
    await user.type(note, 'A good year; we both moved on kindly.');
    await user.click(screen.getByRole('button', { name: 'Close gracefully' }));
    expect(await screen.findByText(/Closed gracefully.*A good year; we both moved on kindly\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to Dyads' }));
    const closed = await screen.findByRole('region', { name: 'Closed gracefully' });
    expect(within(closed).getByRole('button', { name: /Ada/ })).toBeInTheDocument();
  });
});
