import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { openJournal, renderApp } from './render-app';

/** Starting from a template, and the Prompts and templates page as a keyboard or screen reader meets it. */

async function startFrom(user: ReturnType<typeof renderApp>['user'], template: string) {
  await user.click(await screen.findByRole('button', { name: 'From a template' }));
  await user.click(within(screen.getByRole('list', { name: 'Templates' })).getByRole('button', { name: template }));
  await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue(template));
}

async function openLibrary() {
  const view = renderApp();
  act(() => useNavigation.getState().go('self', { kind: 'library' }));
  await screen.findByRole('heading', { name: 'Templates' });
  return view;
}

describe('an entry from a template', () => {
  it('starts the writing on the empty line under the first heading', async () => {
    await coreBridge().direct('journal.create', { title: 'Earlier', entryDate: '2026-11-20' });
    const { user } = renderApp();
    await openJournal(user);
    await startFrom(user, 'Daily reflection');
    const body = screen.getByLabelText('Entry');
    expect(body).toHaveFocus();
    await user.keyboard('The deadline.');
    expect(body).toHaveValue(
      '## What is here today\nThe deadline.\n\n## Which parts showed up\n\n\n## Something I am grateful for\n\n\n## One thing I would like for tomorrow\n\n',
    );
  });

  it('makes that line when the next heading follows at once, and leaves guiding words above the caret', async () => {
    await coreBridge().direct('templates.create', { name: 'Evening check', body: '## What is loud\n## What helps' });
    await coreBridge().direct('templates.create', { name: 'Guided', body: '## Find\nWhere do I notice it?\n\n## Focus\n' });
    await coreBridge().direct('journal.create', { title: 'Earlier', entryDate: '2026-11-20' });
    const { user } = renderApp();
    await openJournal(user);

    await startFrom(user, 'Evening check');
    await user.keyboard('The deadline.');
    expect(screen.getByLabelText('Entry')).toHaveValue('## What is loud\nThe deadline.\n## What helps');

    await user.click(screen.getByRole('button', { name: 'Close entry' }));
    await startFrom(user, 'Guided');
    await user.keyboard('My shoulders.');
    expect(screen.getByLabelText('Entry')).toHaveValue('## Find\nWhere do I notice it?\nMy shoulders.\n## Focus\n');
  });
});

describe('Prompts and templates', () => {
  it('names the template and the prompt on every button of the list', async () => {
    const { user } = await openLibrary();
    const templates = within(screen.getByRole('list', { name: 'Templates' }));
    expect(templates.getByRole('button', { name: 'Use Daily reflection' })).toBeInTheDocument();
    expect(templates.getByRole('button', { name: 'Use After a therapy session' })).toBeInTheDocument();
    expect(templates.queryByRole('button', { name: 'Use' })).not.toBeInTheDocument();

    const prompts = within(await screen.findByRole('list', { name: 'Self prompts' }));
    await waitFor(() => expect(prompts.getAllByRole('listitem').length).toBeGreaterThan(1));
    for (const item of prompts.getAllByRole('listitem')) {
      const text = item.querySelector('.prompt-text')?.textContent?.replace(/^(Today|Yours|Archived)+/, '').trim() ?? '';
      const row = within(item);
      expect(row.getByRole('button', { name: `Write about “${text}”` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Entries about “${text}”` })).toBeInTheDocument();
      expect(row.getByRole('button', { name: `Archive “${text}”` })).toBeInTheDocument();
    }
    expect(prompts.queryByRole('button', { name: 'Write about this' })).not.toBeInTheDocument();
    expect(prompts.queryByRole('button', { name: 'Entries' })).not.toBeInTheDocument();
    expect(prompts.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();

    // Your own prompt can be edited, by its name too; an archived one is brought back by name.
    await user.type(screen.getByLabelText('Your own prompt for Self'), 'What did the hurrier want today?');
    await user.click(screen.getByRole('button', { name: 'Add prompt' }));
    expect(await prompts.findByRole('button', { name: 'Edit “What did the hurrier want today?”' })).toBeInTheDocument();
    await user.click(prompts.getByRole('button', { name: 'Archive “What did the hurrier want today?”' }));
    await user.click(screen.getByRole('checkbox', { name: 'Show archived prompts' }));
    expect(await prompts.findByRole('button', { name: 'Bring back “What did the hurrier want today?”' })).toBeInTheDocument();
  });

  it('says an empty template name by the name, marked and focused', async () => {
    const { user } = await openLibrary();
    await user.click(screen.getByRole('button', { name: 'Add a template' }));
    const form = within(screen.getByRole('form', { name: 'New template' }));
    await user.click(form.getByRole('button', { name: 'Save template' }));

    const name = form.getByLabelText('Template name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('This cannot be empty.'));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    const body = form.getByLabelText('What the entry starts with');
    expect(body).not.toHaveAttribute('aria-invalid');
    expect(body).not.toHaveAccessibleDescription();

    await user.type(name, 'Morning');
    await user.click(form.getByRole('button', { name: 'Save template' }));
    expect(await within(screen.getByRole('list', { name: 'Templates' })).findByRole('button', { name: 'Use Morning' })).toBeInTheDocument();
  });
});
