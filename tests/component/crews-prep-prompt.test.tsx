import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openPod, podOfFour } from './support/crews';

/** Ladder's own crew prompts, as migration 0003 numbers them (the fifth asks about hosting). */
const crewPromptId = (n: number) => `00000000-0000-7000-8001-${(0x300 + n).toString(16).padStart(12, '0')}`;

/** Leaves only the crew prompt numbered `keep` in use, so it is every day's pick. */
async function onlyCrewPrompt(direct: Awaited<ReturnType<typeof podOfFour>>['direct'], keep: number) {
  for (let n = 1; n <= 9; n += 1) if (n !== keep) await direct('prompts.archive', { id: crewPromptId(n), archived: true });
}

async function openPrep() {
  const { user } = await openPod();
  await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
  await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
  return user;
}

const actions = () => within(screen.getByRole('region', { name: 'Open action items' }));

describe('the crew prompt of the day on the prep', () => {
  it('asks whether hosting has moved around the circle only once the crew has met', async () => {
    const { direct, crew } = await podOfFour();
    await onlyCrewPrompt(direct, 5);
    const user = await openPrep();
    expect(screen.queryByRole('heading', { name: 'Crew prompt of the day' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Has hosting moved around the circle/)).not.toBeInTheDocument();

    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    expect(await actions().findByRole('heading', { name: 'Crew prompt of the day' })).toBeInTheDocument();
    expect(actions().getByText(/Has hosting moved around the circle/)).toBeInTheDocument();
  });

  it('still offers a prompt that fits before the first meeting', async () => {
    const { direct } = await podOfFour();
    await onlyCrewPrompt(direct, 2);
    await openPrep();
    expect(await actions().findByText(/Which agreements does our crew hold/)).toBeInTheDocument();
  });
});
