import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, storedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';

// Issue #10, disk full, the editor's side: a real SQLITE_FULL from the real core (SQLite's
// max_page_count stands in for the full disk; tests/reliability/disk-full.ts fills a real one).
// Autosave waits ~400 ms after the last keystroke; give waitFor room for that and the answer.
const saved = { timeout: 3_000 };

async function waitForStatus(text: string | RegExp) {
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text), saved);
}

describe('the editor on a full disk', () => {
  it('keeps what was typed, says the disk is full, and saves it all once there is room', async () => {
    const sqlite = coreBridge().core.archive.sqlite;
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: 'New entry' }));
    await user.type(screen.getByLabelText('Entry'), 'Saved before the disk filled.');
    await waitForStatus(/^Saved$/);

    // The disk fills: the file may not grow by a single page from here on.
    sqlite.pragma(`max_page_count = ${String(sqlite.pragma('page_count', { simple: true }))}`);
    const pasted = ` ${'A long paste that needs more room than is left. 🌱 שלום '.repeat(1_500)}`;
    await user.paste(pasted);
    await waitForStatus(/disk is full/i);
    expect(screen.getByLabelText('Entry')).toHaveValue(`Saved before the disk filled.${pasted}`);
    // Nothing half-written: the archive holds the last saved version, whole.
    expect((await storedEntries()).map((entry) => entry.body)).toEqual(['Saved before the disk filled.']);

    // Room is freed; the next keystroke saves everything the editor kept.
    sqlite.pragma('max_page_count = 1073741823');
    await user.type(screen.getByLabelText('Entry'), '!');
    await waitForStatus(/^Saved$/);
    expect((await storedEntries()).map((entry) => entry.body)).toEqual([`Saved before the disk filled.${pasted}!`]);
  });
});
