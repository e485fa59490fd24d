import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { sidebar } from './render-app';
import { noteOf, openRecord } from './support/records';

describe('a network never loses a word', () => {
  it('saves its notes as you type, so leaving at once keeps them', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Hosts circle', notes: 'Meets in spring' });
    const user = await openRecord('Network', 'Hosts circle');
    expect(screen.queryByRole('button', { name: 'Save notes' })).not.toBeInTheDocument();
    const notes = screen.getByLabelText('Notes on Hosts circle');
    await user.type(notes, ' and autumn');
    expect(screen.getByRole('status', { name: 'Notes' })).toHaveTextContent('Saving…');
    await user.click(screen.getByRole('button', { name: 'Back to Network' }));
    await waitFor(async () => {
      const detail = await coreBridge().direct('networks.get', { id: n.id });
      expect(detail.network.notes).toBe('Meets in spring and autumn');
    });
    await user.click(await screen.findByRole('button', { name: /Hosts circle/ }));
    expect(await screen.findByLabelText('Notes on Hosts circle')).toHaveValue('Meets in spring and autumn');
    await waitFor(() => expect(screen.getByRole('status', { name: 'Notes' })).toHaveTextContent('Saved'));
  });

  it('says by the field when notes are too long, and keeps them', async () => {
    await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const user = await openRecord('Network', 'Hosts circle');
    const notes = screen.getByLabelText('Notes on Hosts circle');
    await user.click(notes);
    await user.paste('n'.repeat(200_001));
    await waitFor(() => expect(noteOf(notes)).toHaveTextContent('Keep this under 200,000 characters.'), { timeout: 3000 });
    expect(notes).toHaveValue('n'.repeat(200_001));
  });

  it('shows a refused practice or host by its field, inside its form', async () => {
    await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const user = await openRecord('Network', 'Hosts circle');
    const practice = screen.getByRole('form', { name: 'Add an adapted practice' });
    await user.click(within(practice).getByLabelText('Practice'));
    await user.paste('p'.repeat(201));
    await user.click(within(practice).getByRole('button', { name: 'Save practice' }));
    expect(noteOf(await within(practice).findByLabelText('Practice'))).toHaveTextContent('Keep this under 200 characters.');

    const host = screen.getByRole('form', { name: 'Add a host' });
    await user.type(within(host).getByLabelText("Host's name"), 'Rich');
    await user.click(within(host).getByLabelText('What I learn from them'));
    await user.paste('w'.repeat(2_001));
    await user.click(within(host).getByRole('button', { name: 'Add host' }));
    await within(host).findByText('Keep this under 2,000 characters.');
    expect(noteOf(within(host).getByLabelText('What I learn from them'))).toHaveTextContent('Keep this under 2,000 characters.');
    expect(screen.getAllByText('Keep this under 2,000 characters.')).toHaveLength(1);
  });

  it('keeps what was typed into a new network, a host and a practice when the page is left, until saved or cancelled', async () => {
    await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const user = await openRecord('Network', 'Hosts circle');
    await user.type(within(screen.getByRole('form', { name: 'Add a host' })).getByLabelText("Host's name"), 'Rich');
    const practice = screen.getByRole('form', { name: 'Add an adapted practice' });
    await user.type(within(practice).getByLabelText('Practice'), 'Rotating hosts');
    await user.type(within(practice).getByLabelText('How I adapted it'), 'Two hosts at a time');
    await user.click(screen.getByRole('button', { name: 'Back to Network' }));
    await user.click(await screen.findByRole('button', { name: 'New network' }));
    await user.type(within(screen.getByRole('form', { name: 'New network' })).getByLabelText('Name'), 'Coastal hosts');

    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    // The form is open again, with its words.
    expect(within(await screen.findByRole('form', { name: 'New network' })).getByLabelText('Name')).toHaveValue('Coastal hosts');
    await user.click(screen.getByRole('button', { name: /Hosts circle/ }));
    await screen.findByRole('heading', { name: 'Hosts circle', level: 1 });
    expect(within(screen.getByRole('form', { name: 'Add a host' })).getByLabelText("Host's name")).toHaveValue('Rich');
    const again = screen.getByRole('form', { name: 'Add an adapted practice' });
    expect(within(again).getByLabelText('How I adapted it')).toHaveValue('Two hosts at a time');

    // Saved, the practice form starts afresh; Cancel lets the new network's words go.
    await user.click(within(again).getByRole('button', { name: 'Save practice' }));
    await screen.findByText('Rotating hosts');
    expect(within(screen.getByRole('form', { name: 'Add an adapted practice' })).getByLabelText('Practice')).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Back to Network' }));
    await user.click(within(await screen.findByRole('form', { name: 'New network' })).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'New network' }));
    expect(within(screen.getByRole('form', { name: 'New network' })).getByLabelText('Name')).toHaveValue('');
  });
});
