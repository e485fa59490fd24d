import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { readAddress } from '../../renderer/src/app/navigation-history';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { PageErrorBoundary } from '../../renderer/src/app/PageErrorBoundary';
import { coreBridge, seedEntries, storedEntries } from './core-bridge';
import { forgetAddress, renderAppAt, sidebar } from './render-app';

describe('the pages seen, in the window’s history', () => {
  it('starts on the page the address names, so a reload stays where it was', async () => {
    const person = await coreBridge().direct('people.create', { name: 'Ruth' });
    renderAppAt(`#/dyads/person/${person.id}`);
    expect(await screen.findByRole('heading', { name: 'Ruth', level: 1 })).toBeInTheDocument();
  });

  it('goes back and forward between pages with Alt+← and Alt+→', async () => {
    const { user } = renderAppAt('');
    expect(window.location.hash).toBe('#/ladder');
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await screen.findByRole('heading', { name: 'Crews', level: 1 });
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Settings', level: 1 });
    expect(window.location.hash).toBe('#/settings');

    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Crews', level: 1 })).toBeInTheDocument();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Your ladder', level: 1 })).toBeInTheDocument();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Crews', level: 1 })).toBeInTheDocument();
    // A page reached by Back takes focus like any other, so keys go on from there.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Crews', level: 1 })).toHaveFocus());
  });

  it('goes back with Alt+← from a text box too, keeping what was typed there', async () => {
    const { user } = renderAppAt('');
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await screen.findByRole('heading', { name: 'Crews', level: 1 });
    await user.click(sidebar().getByRole('button', { name: 'Search' }));
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    await user.type(box, 'calm');
    expect(box).toHaveFocus();
    await user.keyboard('{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Crews', level: 1 })).toBeInTheDocument();
    await user.keyboard('{Alt>}{ArrowRight}{/Alt}');
    expect(await screen.findByRole('searchbox', { name: 'Search everything' })).toHaveValue('calm');
  });

  it('goes back with the mouse’s back button, one step at a time', async () => {
    const { user } = renderAppAt('');
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await screen.findByRole('heading', { name: 'Crews', level: 1 });
    await user.click(sidebar().getByRole('button', { name: 'Search' }));
    await screen.findByRole('searchbox', { name: 'Search everything' });
    act(() => {
      window.dispatchEvent(new MouseEvent('mouseup', { button: 3, bubbles: true }));
    });
    expect(await screen.findByRole('heading', { name: 'Crews', level: 1 })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/crews');
  });

  it('names the entry open in the journal in place: a reload opens it, and Back does not step through entries', async () => {
    await seedEntries([{ title: 'Morning pages' }, { title: 'Evening walk' }]);
    const { user } = renderAppAt('');
    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    const journal = await screen.findByRole('list', { name: 'Journal' });
    await user.click(within(journal).getByRole('button', { name: /Morning pages/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Morning pages'));
    await user.click(within(journal).getByRole('button', { name: /Evening walk/ }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Evening walk'));
    const evening = (await storedEntries()).find((entry) => entry.title === 'Evening walk');
    await waitFor(() => expect(window.location.hash).toBe(`#/self/entry/${evening?.id}`));

    await user.keyboard('{Escape}{Alt>}{ArrowLeft}{/Alt}');
    expect(await screen.findByRole('heading', { name: 'Your ladder', level: 1 })).toBeInTheDocument();
    cleanup();
    forgetAddress();
    renderAppAt(`#/self/entry/${evening?.id}`);
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Evening walk'));
  });

  it('reads only addresses it wrote: anything else is the ladder home', () => {
    expect(readAddress('#/self/part/abc')).toEqual({ page: 'self', detail: { kind: 'part', id: 'abc' } });
    expect(readAddress('#/crews')).toEqual({ page: 'crews', detail: null });
    expect(readAddress('#/elsewhere/x')).toBeNull();
    expect(readAddress('#/self/part/abc/more')).toBeNull();
    expect(readAddress('#/self/%E0%A4%A')).toBeNull();
    expect(readAddress('')).toBeNull();
    expect(useNavigation.getState().page).toBe('ladder');
  });
});

function Failing(): never {
  throw new Error('a page that cannot show itself');
}

describe('a page that fails to show', () => {
  it('says so with a way back, instead of a blank window', () => {
    let left = 0;
    const quiet = console.error;
    console.error = () => undefined;
    try {
      render(
        <PageErrorBoundary shown="entry/1" onLeave={() => (left += 1)}>
          <Failing />
        </PageErrorBoundary>,
      );
    } finally {
      console.error = quiet;
    }
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing in your archive was changed');
    screen.getByRole('button', { name: 'Go back' }).click();
    expect(left).toBe(1);
  });
});
