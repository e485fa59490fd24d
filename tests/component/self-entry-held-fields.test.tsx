import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useEntryEditor } from '../../renderer/src/self/entry-editor-store';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge, seedEntries, storedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';
import { restartWindow } from './support/restart';

/**
 * A field the entry can't use yet (no date, a title too long) waits by its note, and every other
 * word still saves: nothing typed after it is lost when the page is left or Ladder restarts.
 */

async function waitForStatus(text: RegExp) {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text), { timeout: 3000 });
}

async function bodyInArchive() {
  return (await storedEntries())[0]?.body;
}

describe('an entry with a field held back', () => {
  it('keeps saving the words typed after the date is cleared, and brings them back after a restart', async () => {
    await seedEntries([{ title: 'Morning', body: 'First words.', entryDate: '2026-03-02' }]);
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: /Morning/ }));
    await waitFor(() => expect(screen.getByLabelText('Entry')).toHaveValue('First words.'));

    const date = screen.getByLabelText('Date');
    fireEvent.change(date, { target: { value: '' } });
    await user.type(screen.getByLabelText('Entry'), ' Then more came.');
    await waitForStatus(/^Everything but the date is saved\. See the note by Date\.$/);
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription('Use a date like 2026-11-26.');
    await waitFor(async () => expect(await bodyInArchive()).toBe('First words. Then more came.'));
    expect((await storedEntries())[0]?.entry_date).toBe('2026-03-02');

    // The same with a day out of range: still only the date waits.
    fireEvent.change(date, { target: { value: '0001-01-01' } });
    await user.type(screen.getByLabelText('Entry'), ' And more.');
    await waitFor(async () => expect(await bodyInArchive()).toBe('First words. Then more came. And more.'));
    await waitForStatus(/^Everything but the date is saved/);
    expect(date).toHaveAccessibleDescription('An entry’s date must fall between 1900 and 2100: is the year right?');

    // Leaving for another rung and restarting finds every word.
    await user.click(screen.getByRole('button', { name: 'Parts' }));
    restartWindow();
    useEntryEditor.getState().reset();
    const again = renderApp();
    await openJournal(again.user);
    await again.user.click(await screen.findByRole('button', { name: /Morning/ }));
    await waitFor(() => expect(screen.getByLabelText('Entry')).toHaveValue('First words. Then more came. And more.'));
    expect(screen.getByLabelText('Date')).toHaveValue('2026-03-02');
  });

  it('holds back a title that is too long, keeps it with its note, and takes you to it before leaving', async () => {
    await seedEntries([{ title: 'Evening', body: 'Short day.', entryDate: '2026-03-01' }]);
    await seedEntries([{ title: 'Another day', body: '', entryDate: '2026-02-01' }]);
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: /Evening/ }));
    const title = screen.getByLabelText('Title');
    await waitFor(() => expect(title).toHaveValue('Evening'));

    const long = `Evening ${'and on '.repeat(30)}`;
    fireEvent.change(title, { target: { value: long } });
    await user.type(screen.getByLabelText('Entry'), ' Slept well.');
    await waitForStatus(/^Everything but the title is saved\. See the note by Title\.$/);
    await waitFor(async () => expect((await storedEntries())[0]?.body).toBe('Short day. Slept well.'));
    expect((await storedEntries())[0]?.title).toBe('Evening');
    expect(title).toHaveValue(long);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Keep this under 200 characters.');

    // The note is at the top, out of sight while writing below: one button takes you there.
    expect(screen.getByLabelText('Entry')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Show the note' }));
    expect(title).toHaveFocus();

    // Opening another entry keeps this one open, says why, and brings the title into view.
    await user.click(screen.getByLabelText('Entry'));
    await user.click(within(screen.getByRole('list', { name: 'Journal' })).getByRole('button', { name: /Another day/ }));
    expect(
      await screen.findByText('Everything but the title is saved, so this entry stays open until it can be. See the note by Title.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByLabelText('Title')).toHaveValue(long);

    // Put right, it saves, and the note goes.
    await user.clear(title);
    await user.type(title, 'Evening, shorter');
    await waitForStatus(/^Saved$/);
    expect(title).not.toHaveAttribute('aria-invalid');
    expect((await storedEntries())[0]?.title).toBe('Evening, shorter');
    expect(screen.queryByRole('button', { name: 'Show the note' })).not.toBeInTheDocument();
  });

  it('creates a new entry from its words while its date waits, on today until the date can be used', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '' } });
    await user.type(screen.getByLabelText('Entry'), 'Written before the date.');
    await waitForStatus(/^Everything but the date is saved/);
    const [entry] = await storedEntries();
    expect(entry).toMatchObject({ body: 'Written before the date.', entry_date: localDay() });

    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2026-01-05' } });
    await waitForStatus(/^Saved$/);
    expect((await coreBridge().direct('journal.list', {})).entries).toMatchObject([{ entryDate: '2026-01-05' }]);
    expect(coreBridge().callsOf('journal.create')).toHaveLength(1);
  });
});
