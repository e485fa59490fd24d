import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toasts } from '../../renderer/src/ui/Toasts';
import { useToasts } from '../../renderer/src/ui/toast-store';
import { seedEntries } from './core-bridge';
import { openJournal, renderApp } from './render-app';

function region() {
  return screen.getByRole('region', { name: 'Notifications' });
}

function messages() {
  return [...region().querySelectorAll('.toast-message')].map((m) => m.textContent);
}

/** Lets `ms` of time go by. */
const pass = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

const show = (message: string, options?: Parameters<ReturnType<typeof useToasts.getState>['show']>[1]) =>
  act(() => {
    useToasts.getState().show(message, options);
  });

describe('toasts: a few, newest first, and gone after a while unless someone is with them', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the newest on top, one plain note at a time, and three at most', () => {
    render(<Toasts />);
    const undo = { action: { kind: 'undo', label: 'Undo', run: () => undefined } } as const;
    show('First deleted', undo);
    show('Saved');
    show('Practice saved');
    expect(messages()).toEqual(['Practice saved', 'First deleted']);
    show('Second deleted', undo);
    show('Third deleted', undo);
    show('Fourth deleted', undo);
    expect(messages()).toEqual(['Fourth deleted', 'Third deleted', 'Second deleted']);
  });

  it('lets a note go after 6 seconds and an Undo after 10', () => {
    render(<Toasts />);
    show('Deleted', { action: { kind: 'undo', label: 'Undo', run: () => undefined } });
    show('Saved');
    pass(6_100);
    expect(messages()).toEqual(['Deleted']);
    pass(4_000);
    expect(messages()).toEqual([]);
  });

  it('waits while pointed at or focused, even when the pointer leaves a focused toast', () => {
    render(<Toasts />);
    // A pointer resting where a toast appeared (Chromium sends it "enter" then, but no move) does
    // not hold it: that kept toasts up for as long as the mouse stayed still.
    show('Backup made');
    const resting = region().querySelector('.toast') as HTMLElement;
    fireEvent.pointerEnter(resting);
    fireEvent.mouseEnter(resting);
    pass(6_100);
    expect(messages()).toEqual([]);

    // One moving over it does.
    show('Deleted', { action: { kind: 'undo', label: 'Undo', run: () => undefined } });
    const toast = region().querySelector('.toast') as HTMLElement;
    fireEvent.pointerMove(toast);
    pass(30_000);
    expect(messages()).toEqual(['Deleted']);

    // Focus in it, then the pointer leaves: still held, so Undo stays reachable by keyboard.
    act(() => {
      within(toast).getByRole('button', { name: 'Undo' }).focus();
    });
    fireEvent.pointerLeave(toast);
    pass(30_000);
    expect(messages()).toEqual(['Deleted']);
    // Moving between its own buttons keeps it too.
    act(() => {
      within(toast).getByRole('button', { name: 'Dismiss' }).focus();
    });
    pass(30_000);
    expect(messages()).toEqual(['Deleted']);

    // Gone once nobody is with it: its full time again, then away.
    act(() => {
      within(toast).getByRole('button', { name: 'Dismiss' }).blur();
    });
    pass(9_000);
    expect(messages()).toEqual(['Deleted']);
    pass(1_100);
    expect(messages()).toEqual([]);
  });

  it('waits while the window is in the background, and starts again when it is back', () => {
    render(<Toasts />);
    show('Entry deleted', { action: { kind: 'undo', label: 'Undo', run: () => undefined } });
    act(() => {
      window.dispatchEvent(new Event('blur'));
    });
    pass(60_000);
    expect(messages()).toEqual(['Entry deleted']);
    // A toast shown while away waits too.
    show('Captured in your journal');
    pass(60_000);
    expect(messages()).toEqual(['Captured in your journal', 'Entry deleted']);

    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    pass(6_100);
    expect(messages()).toEqual(['Entry deleted']);
    pass(4_000);
    expect(messages()).toEqual([]);
    hasFocus.mockRestore();
  });
});

describe('toasts with an action', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets an "Open" give way to the next toast, as a note does, while each Undo stays offered', () => {
    render(<Toasts />);
    const open = { action: { kind: 'open', label: 'Open', run: () => undefined } } as const;
    const undo = { action: { kind: 'undo', label: 'Undo', run: () => undefined } } as const;
    show('Captured in your journal', open);
    show('Your capture is kept, not saved yet.', open);
    expect(messages()).toEqual(['Your capture is kept, not saved yet.']);
    show('Kept: “Book the cabin”', undo);
    show('Renegotiated: the new terms are open now', undo);
    expect(messages()).toEqual(['Renegotiated: the new terms are open now', 'Kept: “Book the cabin”']);
    show('Captured in your journal', open);
    expect(messages()).toEqual(['Captured in your journal', 'Renegotiated: the new terms are open now', 'Kept: “Book the cabin”']);
  });

  it('runs the newest Undo on Ctrl/Cmd+Z, never a newer "Open", and the one before on the next press', async () => {
    render(<Toasts />);
    const ran: string[] = [];
    show('Kept: “Book the cabin”', { action: { kind: 'undo', label: 'Undo', run: () => void ran.push('cabin') } });
    show('Renegotiated: the new terms are open now', { action: { kind: 'undo', label: 'Undo', run: () => void ran.push('terms') } });
    show('Captured in your journal', { action: { kind: 'open', label: 'Open', run: () => void ran.push('open') } });
    // The action runs once the toast has closed (a microtask later).
    await act(() => Promise.resolve(useToasts.getState().runLatestAction()));
    await act(() => Promise.resolve(useToasts.getState().runLatestAction()));
    expect(ran).toEqual(['terms', 'cabin']);
    expect(messages()).toEqual(['Captured in your journal']);
    // Nothing left to undo: Ctrl/Cmd+Z is the text field's own again.
    let handled = true;
    act(() => void (handled = useToasts.getState().runLatestAction()));
    expect(handled).toBe(false);
    expect(ran).toEqual(['terms', 'cabin']);
  });

  it('announces politely and is reached by keyboard, the Undo before Dismiss', async () => {
    vi.useRealTimers();
    const user = userEvent.setup();
    render(
      <main id="main">
        <button type="button">Last control on the page</button>
        <Toasts />
      </main>,
    );
    show('Kept: “Book the cabin”', { action: { kind: 'undo', label: 'Undo', run: () => undefined } });
    expect(region()).toHaveAttribute('aria-live', 'polite');
    screen.getByRole('button', { name: 'Last control on the page' }).focus();
    await user.tab();
    expect(within(region()).getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.tab();
    expect(within(region()).getByRole('button', { name: 'Dismiss' })).toHaveFocus();
  });
});

describe('toasts give focus back', () => {
  it('Dismiss puts focus back on the control that led to the toast', async () => {
    function Page() {
      const [, setCount] = useState(0);
      return (
        <main id="main">
          <button type="button" onClick={() => (setCount((n) => n + 1), useToasts.getState().show('Backup made'))}>
            Back up now
          </button>
          <Toasts />
        </main>
      );
    }
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    await user.tab();
    expect(within(region()).getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(messages()).toEqual([]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Back up now' })).toHaveFocus());
  });

  it('after Undo on "Entry deleted", focus is on the restored entry’s editor, not the page body', async () => {
    await seedEntries([{ title: 'Worth keeping', entryDate: '2026-11-20', body: 'A line I want back.' }]);
    const { user } = renderApp();
    await openJournal(user);
    await user.click(await screen.findByRole('button', { name: /Worth keeping/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete entry' }));
    const undo = await within(region()).findByRole('button', { name: 'Undo' });
    expect(undo).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
    undo.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByDisplayValue('Worth keeping')).toBeInTheDocument();
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(screen.getByRole('main').contains(document.activeElement)).toBe(true);
  });
});
