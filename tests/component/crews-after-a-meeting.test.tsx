import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sidebar } from './render-app';
import { openPod, podOfFour } from './support/crews';

/**
 * What the crew's pages show right after a meeting is recorded or corrected: the next meeting
 * to record, and the meetings list, follow what was saved, without a reload.
 */

const selected = (label: string) => screen.getByLabelText<HTMLSelectElement>(label).selectedOptions[0]?.textContent;
const dayIn = () => screen.getByLabelText<HTMLInputElement>('Date').value;

describe('a crew after a meeting', () => {
  it('offers the next meeting, not the one just recorded, when “Record a meeting” is opened again', async () => {
    await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    const first = { day: dayIn(), host: selected('Host'), focus: selected('Focus (case-giver)') };
    await user.type(screen.getByLabelText('Notes'), 'A good first one');
    await user.click(screen.getByRole('button', { name: 'Save the meeting' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });

    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    // The rotation moved on: a new host (and focus), and the rhythm's next day unless it is still ahead.
    expect(selected('Host')).not.toBe(first.host);
    expect(selected('Focus (case-giver)')).not.toBe(first.focus);
    expect(screen.getByLabelText('Notes')).toHaveValue('');
    expect(dayIn() >= first.day).toBe(true);
  });

  it('lists a corrected host at once, even when Back is clicked before the change was saved', async () => {
    const { direct, crew, ada, bea } = await podOfFour();
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08', hostId: ada.id });
    const { user } = await openPod();
    expect(screen.getByText(/hosted by Ada/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Meeting 1/ }));
    await user.selectOptions(await screen.findByLabelText('Host'), bea.id);
    // At once, before the pause after which it saves itself.
    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    await waitFor(() => expect(screen.getByText(/hosted by Bea/)).toBeInTheDocument(), { timeout: 3_000 });
    expect(screen.queryByText(/hosted by Ada/)).not.toBeInTheDocument();
  });

  it('keeps an agenda item typed but not added when the prep is left, until it is added', async () => {
    await podOfFour();
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await user.type(await screen.findByLabelText('Agenda item'), 'Typed, then away');
    await user.click(screen.getByRole('checkbox', { name: /Private/ }));
    await user.click(sidebar().getByRole('button', { name: 'Ladder' }));
    await screen.findByRole('heading', { name: 'Your ladder', level: 1 });

    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: /Pod/ }));
    await user.click(await screen.findByRole('button', { name: 'Prepare the next meeting' }));
    expect(await screen.findByLabelText('Agenda item')).toHaveValue('Typed, then away');
    expect(screen.getByRole('checkbox', { name: /Private/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Add to the agenda' }));
    await waitFor(() => expect(screen.getByLabelText('Agenda item')).toHaveValue(''));
    expect(screen.getByRole('checkbox', { name: /Private/ })).not.toBeChecked();
  });
});
