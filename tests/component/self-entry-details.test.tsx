import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, storedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';

const saved = { timeout: 2_000 };

describe('parts, tags, rung and Self-energy in an entry', () => {
  it('saves the parts that showed up, tags, the rung and a Self-energy check with the entry', async () => {
    const critic = await coreBridge().direct('parts.create', { name: 'Critic', role: 'manager' });
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'A long day.');
    const parts = screen.getByRole('group', { name: 'Parts that showed up' });
    await user.click(await within(parts).findByRole('button', { name: 'Critic' }));
    await user.type(screen.getByRole('combobox', { name: 'Add a tag' }), 'work{Enter}');
    await user.selectOptions(screen.getByLabelText('Rung'), 'Crews');
    // Named and explained where it can be seen, folded until asked for.
    const check = screen.getByRole('region', { name: 'Self-energy check' });
    expect(check).toHaveTextContent(/Optional: how present are calm, curiosity, compassion/);
    expect(screen.queryByRole('radiogroup', { name: 'Clarity' })).not.toBeInTheDocument();
    await user.click(within(check).getByRole('button', { name: 'Rate the 8 C’s' }));
    expect(within(check).getByRole('button', { name: 'Hide the 8 C’s' })).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Clarity' })).getByRole('radio', { name: '4' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved$/), saved);
    const [row] = await storedEntries();
    const entry = await coreBridge().direct('journal.get', { id: row?.id ?? '' });
    expect(entry).toMatchObject({ body: 'A long day.', partIds: [critic.id], tags: ['work'], rung: 'crews', selfEnergy: { clarity: 4 } });
    const list = screen.getByRole('list', { name: 'Journal' });
    expect(within(list).getAllByRole('button')[0]).toHaveAccessibleName(/Critic · #work/);

    // A new entry starts folded again; the one with a check opens with it showing.
    await user.click(screen.getByRole('button', { name: 'New entry' }));
    expect(await screen.findByRole('button', { name: 'Rate the 8 C’s' })).toHaveAttribute('aria-expanded', 'false');
    await user.click(within(list).getAllByRole('button').find((b) => /Critic · #work/.test(b.textContent ?? ''))!);
    await waitFor(() => expect(within(screen.getByRole('radiogroup', { name: 'Clarity' })).getByRole('radio', { name: '4' })).toBeChecked());
  });

  it('filters the journal by part and by tag, and clears the filters', async () => {
    const critic = await coreBridge().direct('parts.create', { name: 'Critic' });
    await coreBridge().direct('journal.create', { title: 'With the critic', entryDate: '2026-11-20', partIds: [critic.id] });
    await coreBridge().direct('journal.create', { title: 'Tagged home', entryDate: '2026-11-21', tags: ['home'] });
    const { user } = renderApp();
    await openJournal(user);
    const list = await screen.findByRole('list', { name: 'Journal' });
    expect(within(list).getAllByRole('button')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Filter' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Part' }), 'Critic');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Journal' })).getAllByRole('button')).toHaveLength(1));
    expect(screen.getByText('Showing Critic')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Journal' })).getByRole('button')).toHaveAccessibleName(/With the critic/);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Part' }), 'Any part');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), '#home');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Journal' })).getByRole('button')).toHaveAccessibleName(/Tagged home/));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Journal' })).getAllByRole('button')).toHaveLength(2));
  });

  it('starts an entry from a template and from today’s prompt, recording the prompt', async () => {
    await coreBridge().direct('journal.create', { title: 'Earlier', entryDate: '2026-11-20' });
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'From a template' }));
    await user.click(within(screen.getByRole('list', { name: 'Templates' })).getByRole('button', { name: 'Before a crew meeting' }));
    expect(screen.getByLabelText('Title')).toHaveValue('Before a crew meeting');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Entry').value).toContain('## One boundary I would like to name');
    expect(screen.getByLabelText('Rung')).toHaveValue('crews');

    await user.click(screen.getByRole('button', { name: 'Close entry' }));
    await user.click(await screen.findByRole('button', { name: 'Write about this' }));
    expect(screen.getByText('Answering')).toBeInTheDocument();
    // One question at a time: the body asks nothing of its own.
    expect(screen.getByLabelText('Entry')).toHaveAttribute('placeholder', 'Take your time with the question above.');
    await user.type(screen.getByLabelText('Entry'), 'Someone close: my sister.');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved$/), saved);
    const rows = await storedEntries();
    expect(rows.at(-1)?.prompt_id).not.toBeNull();
  });

  it('marks a log of therapy work with a kind note about doing this work with a therapist', async () => {
    await coreBridge().direct('journal.create', { title: 'Earlier', entryDate: '2026-11-20' });
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: /Log therapy work/ }));
    expect(screen.getByRole('complementary', { name: 'About logs of therapy work' })).toHaveTextContent(/best done with a therapist/);
    await user.type(screen.getByLabelText('Entry'), 'We met the little one.');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved$/), saved);
    expect((await storedEntries()).at(-1)).toMatchObject({ kind: 'therapy_log' });
  });
});
