import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge, storedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';

/** A far-off day in the entry's Date: a gentle question a year ahead, a clear no past 2100. */

function yearsFromToday(years: number) {
  const now = new Date();
  return localDay(new Date(now.getFullYear() + years, now.getMonth(), now.getDate()));
}

async function waitForStatus(text: RegExp) {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text), { timeout: 3000 });
}

describe('an entry’s date', () => {
  it('asks gently about a day more than a year ahead, and saves it all the same', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'Planning ahead');
    const date = screen.getByLabelText('Date');
    expect(date).not.toHaveAccessibleDescription();

    // Within a year: nothing to ask.
    fireEvent.change(date, { target: { value: yearsFromToday(1) } });
    expect(date).not.toHaveAccessibleDescription();

    const far = yearsFromToday(3);
    fireEvent.change(date, { target: { value: far } });
    expect(date).toHaveAccessibleDescription('That’s far in the future: is the year right?');
    await waitForStatus(/^Saved$/);
    expect((await storedEntries())[0]?.entry_date).toBe(far);
  });

  it('refuses a year past 2100 by the field, keeping the words, until it is put right', async () => {
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'An entry from the far future');
    await waitForStatus(/^Saved$/);
    const date = screen.getByLabelText('Date');
    fireEvent.change(date, { target: { value: '2999-12-31' } });
    await waitForStatus(/Everything but the date is saved\. See the note by Date/);
    expect(date).toHaveAccessibleDescription('An entry’s date must fall between 1900 and 2100: is the year right?');
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect((await storedEntries())[0]?.entry_date).toBe(localDay());
    expect(screen.getByLabelText('Entry')).toHaveValue('An entry from the far future');

    fireEvent.change(date, { target: { value: '2026-12-31' } });
    await waitForStatus(/^Saved$/);
    expect((await coreBridge().direct('journal.list', {})).entries[0]?.entryDate).toBe('2026-12-31');
  });
});
