import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { restartWindow } from './support/restart';

/** "Add a lesson" keeps its words as the congregation's other forms do: by congregation, in the archive. */

const direct: ReturnType<typeof coreBridge>['direct'] = (name, input) => coreBridge().direct(name, input);
const storedKeys = async () => (await direct('drafts.list', {})).map((d) => d.key);
async function storedDraft(key: string) {
  const draft = (await direct('drafts.list', {})).find((d) => d.key === key);
  return draft ? (JSON.parse(draft.value) as Record<string, unknown>) : undefined;
}
const openCongregation = (id: string) => act(() => useNavigation.getState().go('congregations', { kind: 'congregation', id }));
const lessonForm = () => screen.findByRole('form', { name: 'Add a lesson' });

describe('Add a lesson keeps its words', () => {
  it('through Back, another page and a restart, by congregation; adding the lesson lets them go', async () => {
    const riverside = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const hill = await direct('congregations.create', { name: 'Hill Chapel', since: '2026-01-01' });
    const { user } = renderApp();
    openCongregation(riverside.id);
    await user.type(within(await lessonForm()).getByLabelText('Lesson'), 'Six sessions, then a retro');
    expect(within(await lessonForm()).getByText(/Your words are kept here until you add the lesson or discard the draft/)).toBeInTheDocument();

    // Back, and in again.
    await user.click(screen.getByRole('button', { name: 'Back to Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 });
    expect(within(await lessonForm()).getByLabelText('Lesson')).toHaveValue('Six sessions, then a retro');

    // Another congregation has a lesson form of its own, empty.
    openCongregation(hill.id);
    await screen.findByRole('heading', { name: 'Hill Chapel', level: 1 });
    expect(within(await lessonForm()).getByLabelText('Lesson')).toHaveValue('');

    // Another page, then the archive holds the words.
    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    await screen.findByRole('heading', { name: 'Self', level: 1 });
    await waitFor(async () => expect(await storedDraft(`congregations:${riverside.id}:new-lesson`)).toEqual({ text: 'Six sessions, then a retro' }));

    restartWindow();
    const { user: again } = renderApp();
    openCongregation(riverside.id);
    await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 });
    const form = await lessonForm();
    await waitFor(() => expect(within(form).getByLabelText('Lesson')).toHaveValue('Six sessions, then a retro'));
    await again.click(within(form).getByRole('button', { name: 'Add lesson' }));
    expect(await within(screen.getByRole('list', { name: 'Lessons to share' })).findByText('Six sessions, then a retro')).toBeInTheDocument();
    expect(within(await lessonForm()).getByLabelText('Lesson')).toHaveValue('');
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });

  it('Discard draft asks first, then lets the words go', async () => {
    const riverside = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    openCongregation(riverside.id);
    await user.type(within(await lessonForm()).getByLabelText('Lesson'), 'Host rotation helped');
    await waitFor(async () => expect(await storedKeys()).toEqual([`congregations:${riverside.id}:new-lesson`]));

    await user.click(within(await lessonForm()).getByRole('button', { name: 'Discard draft' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Discard this draft?' })).getByRole('button', { name: 'Keep the draft' }));
    expect(within(await lessonForm()).getByLabelText('Lesson')).toHaveValue('Host rotation helped');

    await user.click(within(await lessonForm()).getByRole('button', { name: 'Discard draft' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Discard this draft?' })).getByRole('button', { name: 'Discard' }));
    expect(within(await lessonForm()).getByLabelText('Lesson')).toHaveValue('');
    expect(within(await lessonForm()).queryByRole('button', { name: 'Discard draft' })).not.toBeInTheDocument();
    await waitFor(async () => expect(await storedKeys()).toEqual([]));
  });
});

describe('Lessons as Markdown follow the lessons while open', () => {
  it('takes in a lesson added, and lets go of one deleted, so Copy copies the list as it is', async () => {
    const riverside = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await direct('lessons.share', { congregationId: riverside.id, text: 'Six sessions is a good first cycle.', sharedOn: '2026-11-20' });
    const { user } = renderApp();
    openCongregation(riverside.id);
    await user.click(await screen.findByRole('button', { name: 'Export lessons as Markdown' }));
    const markdown = await screen.findByLabelText<HTMLTextAreaElement>('Lessons as Markdown');
    expect(markdown.value).toContain('Six sessions is a good first cycle.');

    await user.type(within(await lessonForm()).getByLabelText('Lesson'), 'Rotate the host from the first meeting.');
    await user.click(within(await lessonForm()).getByRole('button', { name: 'Add lesson' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Lessons as Markdown').value).toContain('Rotate the host from the first meeting.'));

    await user.click(screen.getByRole('button', { name: 'Delete the lesson “Six sessions is a good first cycle.”' }));
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('Lessons as Markdown').value).not.toContain('Six sessions'));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Lessons as Markdown').value).toContain('Rotate the host from the first meeting.');
  });
});
