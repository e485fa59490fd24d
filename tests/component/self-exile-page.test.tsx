import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/**
 * The 6 F's guide protector work only (shared/domain/protector-reflection.ts): an exile is met
 * with a therapist. Its page offers a log of that work instead, and the flow does not list it.
 */
describe('an exile’s page', () => {
  it('offers a log of therapy work with it, not the 6 F’s', async () => {
    const little = await coreBridge().direct('parts.create', { name: 'Little one', role: 'exile' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('self', { kind: 'part', id: little.id }));
    await screen.findByRole('heading', { name: 'Little one', level: 2 });

    expect(screen.queryByRole('button', { name: 'Reflect with the 6 F’s' })).not.toBeInTheDocument();
    expect(screen.getByText(/best done with a therapist/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log therapy work' }));

    // A therapy log in the journal, with the exile already among the parts that showed up.
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('After a therapy session'));
    expect(within(screen.getByRole('group', { name: 'Parts that showed up' })).getByRole('button', { name: 'Little one' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/A log of therapy work/)).toBeInTheDocument();
  });

  it('is not among the parts the 6 F’s offer; protectors are', async () => {
    await coreBridge().direct('parts.create', { name: 'Little one', role: 'exile' });
    await coreBridge().direct('parts.create', { name: 'Planner', role: 'manager' });
    renderApp();
    act(() => useNavigation.getState().go('self', { kind: 'protector' }));
    await screen.findByRole('heading', { name: '1. Find' });
    const choices = within(screen.getByRole('group', { name: 'Which part' }));
    expect(await choices.findByRole('radio', { name: 'Planner' })).toBeInTheDocument();
    expect(choices.queryByRole('radio', { name: 'Little one' })).not.toBeInTheDocument();
  });
});
