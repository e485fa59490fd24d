import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

describe('planning the next meeting', () => {
  it('says so, gently, when the same person would host and give the case, and still saves the plan', async () => {
    const { direct, crew, bea } = await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await user.click(await screen.findByRole('button', { name: 'Set the date, place, host or focus' }));
    const plan = within(screen.getByRole('form', { name: 'Plan the next meeting' }));
    expect(plan.queryByText(/would host and give the case too/)).not.toBeInTheDocument();
    await user.selectOptions(plan.getByLabelText('Host'), bea.id);
    await user.selectOptions(plan.getByLabelText('Focus (case-giver)'), bea.id);
    expect(plan.getByRole('status')).toHaveTextContent('Bea would host and give the case too. The host usually holds the space for the case-giver');
    await user.click(plan.getByRole('button', { name: 'Save the plan' }));
    await screen.findByRole('button', { name: 'Set the date, place, host or focus' });
    expect(await direct('crews.prep', { id: crew.id, today: '2026-02-01' })).toMatchObject({ hostId: bea.id, focusId: bea.id });
  });
});
