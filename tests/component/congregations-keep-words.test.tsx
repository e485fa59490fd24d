import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { noteOf, openRecord } from './support/records';

const today = '2026-11-26';

describe('a congregation never loses a word, and says why it can’t save, by the field', () => {
  it('shows a lesson over 2,000 characters refused at the Lesson field, keeping the words', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    const form = screen.getByRole('form', { name: 'Add a lesson' });
    const lesson = within(form).getByLabelText('Lesson');
    await user.click(lesson);
    await user.paste('a'.repeat(2_001));
    await user.click(within(form).getByRole('button', { name: 'Add lesson' }));
    expect(await within(form).findByText('Keep this under 2,000 characters.')).toBeInTheDocument();
    expect(noteOf(lesson)).toHaveTextContent('Keep this under 2,000 characters.');
    expect(lesson).toHaveValue('a'.repeat(2_001));
    // Said once, in the form, not far away at the top of the page.
    expect(screen.getAllByText('Keep this under 2,000 characters.')).toHaveLength(1);
  });

  it('shows “What it is about” over 2,000 characters under that field, in the edit form', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Edit congregation' }));
    const form = screen.getByRole('form', { name: 'Edit congregation' });
    const about = within(form).getByLabelText('What it is about');
    await user.click(about);
    await user.paste('b'.repeat(2_001));
    expect(await within(form).findByText('Keep this under 2,000 characters.', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(noteOf(about)).toHaveTextContent('Keep this under 2,000 characters.');
    expect(screen.getAllByText('Keep this under 2,000 characters.')).toHaveLength(1);
    expect(within(form).getByRole('status', { name: 'Congregation' })).toHaveTextContent('Not saved yet. See the note by the field.');
    // Done keeps the form open while something can't be saved.
    await user.click(within(form).getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('form', { name: 'Edit congregation' })).toBeInTheDocument();
  });

  it('says a size of 2.5 needs a whole number, not that it is required', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: 'New congregation' }));
    const form = screen.getByRole('form', { name: 'New congregation' });
    await user.type(within(form).getByLabelText('Name'), 'Riverside Commons');
    await user.type(within(form).getByLabelText('Approximate size (people)'), '2.5');
    await user.click(within(form).getByRole('button', { name: 'Save congregation' }));
    expect(await within(form).findByText('Use a whole number, like 40.')).toBeInTheDocument();
    expect(noteOf(within(form).getByLabelText('Approximate size (people)'))).toHaveTextContent('Use a whole number, like 40.');
    expect(screen.queryByText('This is required.')).not.toBeInTheDocument();
    // The core says the same to anything that asks it.
    await expect(coreBridge().direct('congregations.create', { name: 'X', size: 2.5, since: today })).rejects.toThrow('congregations.create failed: Use a whole number, like 40.');
  });

  it('keeps a new congregation’s words after leaving the page, until Cancel', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: 'New congregation' }));
    await user.type(screen.getByLabelText('Name'), 'Porto Circle');
    await user.type(screen.getByLabelText('What it is about'), 'Neighbours who cook together');
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await screen.findByRole('heading', { name: 'Network', level: 1 });
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    const form = await screen.findByRole('form', { name: 'New congregation' });
    expect(within(form).getByLabelText('Name')).toHaveValue('Porto Circle');
    expect(within(form).getByLabelText('What it is about')).toHaveValue('Neighbours who cook together');

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'New congregation' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New congregation' }));
    expect(screen.getByLabelText('Name')).toHaveValue('');
  });

  it('keeps a new gathering’s harvest notes after leaving, and saves them', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Add a gathering' }));
    await user.type(within(screen.getByRole('form', { name: 'New gathering' })).getByLabelText('Harvest notes'), 'Two crews want to form');
    await user.click(screen.getByRole('button', { name: 'Back to Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    const form = await screen.findByRole('form', { name: 'New gathering' });
    expect(within(form).getByLabelText('Harvest notes')).toHaveValue('Two crews want to form');
    await user.click(within(form).getByRole('button', { name: 'Save gathering' }));
    expect(await within(screen.getByRole('list', { name: 'Gatherings' })).findByText('Two crews want to form')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'New gathering' })).not.toBeInTheDocument();
  });

  it('saves a gathering’s harvest notes as you type, even when you leave at once', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-15' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: /^Edit Autumn gathering on/ }));
    const form = screen.getByRole('form', { name: 'Edit gathering' });
    await user.type(within(form).getByLabelText('Harvest notes'), 'Ana and Ben might crew');
    await user.click(screen.getByRole('button', { name: 'Back to Congregations' }));
    await waitFor(async () => {
      const detail = await coreBridge().direct('congregations.get', { id: c.id, today });
      expect(detail.gatherings[0]?.harvest).toBe('Ana and Ben might crew');
    });
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    const again = await screen.findByRole('form', { name: 'Edit gathering' });
    expect(within(again).getByLabelText('Harvest notes')).toHaveValue('Ana and Ben might crew');
    expect(within(again).getByRole('status', { name: 'Autumn gathering' })).toHaveTextContent('Saved');
  });

  it('saves an edited congregation as you type, even when you leave at once', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Edit congregation' }));
    await user.type(within(screen.getByRole('form', { name: 'Edit congregation' })).getByLabelText('What it is about'), 'Neighbours');
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await waitFor(async () => {
      const detail = await coreBridge().direct('congregations.get', { id: c.id, today });
      expect(detail.congregation.about).toBe('Neighbours');
    });
  });
});

describe('small words on a congregation', () => {
  it('asks “could you invite one of them?” only when someone seems crewless', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    const panel = screen.getByRole('region', { name: 'Who seems crewless' });
    expect(panel).not.toHaveTextContent('could you invite one of them?');

    const ana = await coreBridge().direct('people.create', { name: 'Ana' });
    await coreBridge().direct('congregations.addPeople', { congregationId: c.id, personIds: [ana.id] });
    await user.click(screen.getByRole('button', { name: 'Back to Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    expect(await within(screen.getByRole('region', { name: 'Who seems crewless' })).findByText('Ana')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Who seems crewless' })).toHaveTextContent('could you invite one of them?');
  });

  it('names the new role as the page shows it', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.selectOptions(screen.getByLabelText('New role'), 'Host');
    await user.click(screen.getByRole('button', { name: 'Change my role' }));
    const toasts = within(screen.getByRole('region', { name: 'Notifications' }));
    expect(await toasts.findByText('Your role is now Host')).toBeInTheDocument();
  });
});
