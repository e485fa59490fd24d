import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderAppAt } from './render-app';
import { openPod, podOfFour } from './support/crews';

const stageOptions = () => within(screen.getByLabelText('Move to')).getAllByRole('option').map((o) => o.textContent);

describe('the retrospective before the cycle’s first meeting', () => {
  it('is not offered on the crew page, neither as a button nor as a stage, until a meeting is recorded', async () => {
    const { direct, crew } = await podOfFour();
    await direct('crews.setStage', { id: crew.id, stage: 'forming', on: '2026-01-02', note: '' });
    await direct('crews.setStage', { id: crew.id, stage: 'meeting', on: '2026-01-02', note: '' });
    const { user } = await openPod();
    expect(screen.getByRole('button', { name: 'Record a meeting' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Run the retrospective' })).not.toBeInTheDocument();
    expect(stageOptions()).not.toContain('Retrospective');

    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await user.click(screen.getByRole('button', { name: 'Back to Crews' }));
    await user.click(await screen.findByRole('button', { name: /Pod/ }));
    expect(await screen.findByRole('button', { name: 'Run the retrospective' })).toBeInTheDocument();
    expect(stageOptions()).toContain('Retrospective');
  });

  it('reached by its address, says first that it looks back on meetings and leads to recording one', async () => {
    const { crew } = await podOfFour();
    const { user } = renderAppAt(`#/crews/retrospective/${crew.id}`);
    await screen.findByRole('heading', { name: 'Retrospective', level: 1 });
    expect(await screen.findByText(/none is recorded in cycle 1 yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the retrospective' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    expect(await screen.findByRole('heading', { name: 'Record a meeting', level: 1 })).toBeInTheDocument();
  });

  it('does not greet the next visit with a refusal from before', async () => {
    const { direct, crew } = await podOfFour();
    // Words kept from a visit before any meeting: shown, with the form, so none is lost.
    await direct('drafts.keep', { key: `crews:${crew.id}:retrospective`, value: JSON.stringify({ worked: 'Showing up', decision: 'pause' }) });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Continue the retrospective you started' }));
    expect(await screen.findByLabelText('What worked')).toHaveValue('Showing up');
    await user.click(screen.getByRole('button', { name: 'Save the retrospective' }));
    expect(await screen.findByText(/record a meeting in this cycle first/)).toBeInTheDocument();

    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await user.click(await screen.findByRole('button', { name: 'Continue the retrospective you started' }));
    expect(await screen.findByLabelText('What worked')).toHaveValue('Showing up');
    expect(screen.queryByText(/record a meeting in this cycle first/)).not.toBeInTheDocument();
    expect(screen.queryByText(/none is recorded/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save the retrospective' }));
    await waitFor(async () => expect((await coreBridge().direct('crews.get', { id: crew.id, today: '2026-01-09' })).retrospectives).toHaveLength(1));
  });
});
