import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { saveRetryMs } from '../../renderer/src/ui/autosave';
import { coreBridge, seedEntries, storedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';

// Autosave waits ~400 ms after the last keystroke; give waitFor room for that and the answer.
const saved = { timeout: 2_000 };

function journalList() {
  return screen.getByRole('list', { name: 'Journal' });
}

async function waitForStatus(text: string | RegExp) {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text), saved);
}

describe('the journal on the Self page', () => {
  it('welcomes an empty journal with an invitation to write', async () => {
    const { user } = renderApp();
    await openJournal(user);
    expect(await screen.findByRole('heading', { name: 'Your journal is ready when you are' })).toBeInTheDocument();
    expect(screen.getByText(/first entry/i)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New entry' })).toBeEnabled();
    expect(screen.queryByRole('list', { name: 'Journal' })).not.toBeInTheDocument();
  });

  it('creates an entry as you type, shows Saved, and lists it at the top', async () => {
    await seedEntries([{ title: 'An older entry', body: 'From last week.', entryDate: '2026-11-19' }]);
    const { user } = renderApp();
    await openJournal(user);
    await screen.findByRole('list', { name: 'Journal' });

    await user.click(screen.getByRole('button', { name: 'New entry' }));
    const today = new Date();
    const expectedDate = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(screen.getByLabelText('Date')).toHaveValue(expectedDate);
    expect(screen.getByLabelText('Entry')).toHaveFocus();

    await user.type(screen.getByLabelText('Title'), 'Morning pages');
    await user.type(screen.getByLabelText('Entry'), 'A quiet start.');
    await waitForStatus(/^Saved$/);

    const rows = within(journalList()).getAllByRole('button');
    expect(rows[0]).toHaveAccessibleName(/Morning pages/);
    expect(rows[0]).toHaveAccessibleName(/A quiet start\./);
    expect(rows[1]).toHaveAccessibleName(/An older entry/);

    const creates = coreBridge().callsOf('journal.create');
    expect(creates).toHaveLength(1);
    const stored = (await storedEntries()).find((e) => e.title === 'Morning pages');
    expect(stored).toMatchObject({ body: 'A quiet start.', entry_date: expectedDate });
  });

  it('does not create an entry for a draft nobody wrote in', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), '   ');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(coreBridge().callsOf('journal.create')).toHaveLength(0);
  });

  it('updates the entry and its row as you keep editing', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Title'), 'Draft');
    await waitForStatus(/^Saved$/);

    await user.type(screen.getByLabelText('Title'), ' about the critic');
    await user.type(screen.getByLabelText('Entry'), 'It wanted me to rest.');
    await waitForStatus(/^Saved$/);

    expect(within(journalList()).getByRole('button', { name: /Draft about the critic/ })).toHaveAccessibleName(/It wanted me to rest\./);
    expect(coreBridge().callsOf('journal.create')).toHaveLength(1);
    expect(coreBridge().callsOf('journal.update').length).toBeGreaterThan(0);
    const [stored] = await storedEntries();
    expect(stored).toMatchObject({ title: 'Draft about the critic', body: 'It wanted me to rest.' });
  });

  it('never has two saves in flight for one entry, and the latest text wins', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    // The page's first loads run side by side; from here on only saves are counted.
    await waitFor(() => expect(coreBridge().inFlight).toBe(0));
    coreBridge().resetMaxInFlight();
    const release = coreBridge().hold();
    await user.type(screen.getByLabelText('Entry'), 'First');
    await waitFor(() => expect(coreBridge().callsOf('journal.create')).toHaveLength(1), saved);

    await user.type(screen.getByLabelText('Entry'), ' and then more');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(coreBridge().inFlight).toBe(1);
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');

    act(() => release());
    await waitForStatus(/^Saved$/);
    expect(coreBridge().maxInFlight).toBe(1);
    expect(coreBridge().callsOf('journal.create')).toHaveLength(1);
    const [stored] = await storedEntries();
    expect(stored?.body).toBe('First and then more');
  });

  it('opens an entry from the list', async () => {
    await seedEntries([
      { title: 'The gardener', body: 'Tending, not fixing.', entryDate: '2026-11-18' },
      { title: '', body: 'No title on this one.', entryDate: '2026-11-17' },
    ]);
    const { user } = renderApp();
    await openJournal(user);
    const list = await screen.findByRole('list', { name: 'Journal' });
    expect(within(list).getByText('Untitled')).toBeInTheDocument();

    await user.click(within(list).getByRole('button', { name: /The gardener/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('The gardener'));
    expect(screen.getByLabelText('Entry')).toHaveValue('Tending, not fixing.');
    expect(screen.getByLabelText('Date')).toHaveValue('2026-11-18');
    expect(within(list).getByRole('button', { name: /The gardener/ })).toHaveAttribute('aria-current', 'true');
  });

  it('deletes an entry at once and brings it back with Undo', async () => {
    await seedEntries([{ title: 'Short-lived', body: 'Almost gone.', entryDate: '2026-11-18' }]);
    const { user } = renderApp();
    await openJournal(user);
    await user.click(within(await screen.findByRole('list', { name: 'Journal' })).getByRole('button', { name: /Short-lived/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Short-lived'));

    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    expect(await screen.findByText('Entry deleted')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Short-lived/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New entry' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(journalList()).findByRole('button', { name: /Short-lived/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Short-lived'));
    // Back in the reopened entry at its title, not on its Delete entry button.
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveFocus());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByLabelText('Title')).toHaveFocus();
    expect(screen.getByLabelText('Entry')).toHaveValue('Almost gone.');
    expect(screen.queryByText('Entry deleted')).not.toBeInTheDocument();
    expect((await storedEntries())[0]?.deleted_at).toBeNull();
  });

  it('undoes a delete with Ctrl+Z while the toast is up, and Escape closes the toast', async () => {
    await seedEntries([{ title: 'Keep me', body: 'Please.' }, { title: 'Let me go', body: 'Gone.' }]);
    const { user } = renderApp();
    await openJournal(user);
    await user.click(within(await screen.findByRole('list', { name: 'Journal' })).getByRole('button', { name: /Keep me/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Keep me'));
    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    await screen.findByText('Entry deleted');

    await user.keyboard('{Control>}z{/Control}');
    expect(await within(journalList()).findByRole('button', { name: /Keep me/ })).toBeInTheDocument();

    await user.click(within(journalList()).getByRole('button', { name: /Let me go/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Let me go'));
    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    await screen.findByText('Entry deleted');
    await user.keyboard('{Escape}');
    expect(screen.queryByText('Entry deleted')).not.toBeInTheDocument();
    expect(within(journalList()).queryByRole('button', { name: /Let me go/ })).not.toBeInTheDocument();
  });

  it('shows a validation error from the core next to the Title field', async () => {
    coreBridge().failWith('journal.create', { code: 'validation', message: 'Keep this under 200 characters.', field: 'title' });
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Title'), 'A title the core refuses');

    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Keep this under 200 characters.'), saved);
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Not saved yet. See the note by Title.');
    expect(screen.getByLabelText('Title')).toHaveValue('A title the core refuses');
  });

  it('keeps the text when the disk is full, and saves it on the next keystroke', async () => {
    const diskFull = 'The disk is full, so this was not saved. Your text is still here; free some space and it will be saved.';
    coreBridge().failWith('journal.create', { code: 'disk_full', message: diskFull });
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'Words worth keeping');

    await waitForStatus(diskFull);
    expect(screen.getByLabelText('Entry')).toHaveValue('Words worth keeping');
    expect((await storedEntries()).length).toBe(0);

    coreBridge().failWith('journal.create', null);
    await user.type(screen.getByLabelText('Entry'), '.');
    await waitForStatus(/^Saved$/);
    expect((await storedEntries())[0]?.body).toBe('Words worth keeping.');
  });

  it('saves by itself once an import has stopped writing, without another keystroke', async () => {
    const importing = 'An import is writing to your archive, so this was not saved yet. Please try again when the import has finished.';
    coreBridge().failWith('journal.create', { code: 'conflict', message: importing });
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'Written during an import');

    await waitForStatus(importing);
    expect((await storedEntries()).length).toBe(0);
    coreBridge().failWith('journal.create', null);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Saved$/), { timeout: saveRetryMs * 3 });
    expect((await storedEntries())[0]?.body).toBe('Written during an import');
  }, 15_000);

  it('starts a new entry with Ctrl+N from anywhere', async () => {
    const { user } = renderApp();
    await user.keyboard('{Control>}n{/Control}');
    expect(await screen.findByLabelText('Entry')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Self' })).toHaveAttribute('aria-current', 'page');
  });

  it('asks for the newest entries as Self is chosen, before the page is drawn', async () => {
    await seedEntries([{ title: 'Waiting on the rows' }]);
    const bridge = coreBridge();
    const headingWhenAsked: (string | null)[] = [];
    const invoke = bridge.invoke.bind(bridge);
    bridge.invoke = (name, input) => {
      if (name === 'journal.list') headingWhenAsked.push(document.querySelector('h1')?.textContent ?? null);
      return invoke(name, input);
    };
    const { user } = renderApp();
    await openJournal(user);
    expect(await within(journalList()).findByText('Waiting on the rows')).toBeInTheDocument();
    // Asked while the ladder was still on screen, so the rows' answer travels while Self renders.
    expect(headingWhenAsked).toHaveLength(1);
    expect(headingWhenAsked[0]).not.toBe('Self');
  });

  it('loads earlier pages as you scroll down the list', async () => {
    await seedEntries(
      Array.from({ length: 120 }, (_, i) => ({
        title: `Entry ${String(i).padStart(3, '0')}`,
        entryDate: `2026-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      })),
    );
    const { user } = renderApp();
    await openJournal(user);
    const list = await screen.findByRole('list', { name: 'Journal' });
    expect(coreBridge().callsOf('journal.list')).toHaveLength(1);
    // Only the rows in view exist.
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(30);

    const scroller = list.parentElement!;
    for (let step = 1; step <= 3; step += 1) {
      scroller.scrollTop = step * 45 * 92;
      fireEvent.scroll(scroller);
      await waitFor(() => expect(coreBridge().callsOf('journal.list').length).toBeGreaterThanOrEqual(Math.min(step + 1, 3)));
    }
    const second = coreBridge().callsOf('journal.list')[1] as { limit: number; after?: string };
    expect(second.limit).toBe(50);
    expect(typeof second.after).toBe('string');
    expect(coreBridge().callsOf('journal.list')).toHaveLength(3);
  });

  it('moves an entry in the list when its date changes', async () => {
    await seedEntries([
      { title: 'Older', body: 'a', entryDate: '2026-11-10' },
      { title: 'Newer', body: 'b', entryDate: '2026-11-20' },
    ]);
    const { user } = renderApp();
    await openJournal(user);
    const list = await screen.findByRole('list', { name: 'Journal' });
    expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringContaining('Newer'),
      expect.stringContaining('Older'),
    ]);

    await user.click(within(list).getByRole('button', { name: /Newer/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Newer'));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-11-01' } });
    await waitForStatus(/^Saved$/);
    expect(within(journalList()).getAllByRole('button').map((b) => b.textContent)).toEqual([
      expect.stringContaining('Older'),
      expect.stringContaining('Newer'),
    ]);
  });

  it('keeps the window open on close until a pending save lands, then closes it', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'Last words before closing');

    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
    expect((await storedEntries())[0]?.body).toBe('Last words before closing');

    // Nothing pending now: closing goes ahead untouched.
    const again = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
    close.mockRestore();
  });
});
