import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { saveRetryMs } from '../../renderer/src/ui/autosave';
import { saveAllEditors } from '../../renderer/src/ui/open-editors';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

const saved = { timeout: 3_000 };

async function openPart(name = 'Inner critic') {
  const part = await coreBridge().direct('parts.create', { name, job: 'Keeps me from being embarrassed' });
  const view = renderApp();
  act(() => useNavigation.getState().go('self', { kind: 'part', id: part.id }));
  await screen.findByRole('heading', { name, level: 2 });
  return { ...view, part };
}

function tabs() {
  return within(screen.getByRole('navigation', { name: 'Self' }));
}

function profileStatus() {
  return within(screen.getByRole('form', { name: 'Profile' })).getByRole('status');
}

describe("a part's profile", () => {
  it('saves itself as you type, with a visible "Saved" and no button to forget', async () => {
    const { user, part } = await openPart();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    expect(profileStatus()).toHaveTextContent(/^Saves as you type$/);
    await user.type(screen.getByLabelText('Notes'), 'Loud before meetings');
    await user.selectOptions(screen.getByLabelText('Trust (0–10)'), '3');
    await waitFor(() => expect(profileStatus()).toHaveTextContent(/^Saved$/), saved);
    expect((await coreBridge().direct('parts.get', { id: part.id })).part).toMatchObject({ notes: 'Loud before meetings', trust: 3 });
    expect(screen.getByRole('heading', { name: 'Inner critic', level: 2 }).nextElementSibling).toHaveTextContent('trust 3/10');
  });

  it('saves by itself once an import has stopped writing, without another keystroke', async () => {
    const { user, part } = await openPart();
    coreBridge().failWith('parts.update', { code: 'conflict', message: 'An import is writing to your archive, so this was not saved yet.' });
    await user.type(screen.getByLabelText('Notes'), 'Written during an import');
    await waitFor(() => expect(profileStatus()).toHaveTextContent(/An import is writing/), saved);
    coreBridge().failWith('parts.update', null);
    await waitFor(() => expect(profileStatus()).toHaveTextContent(/^Saved$/), { timeout: saveRetryMs * 3 });
    expect((await coreBridge().direct('parts.get', { id: part.id })).part.notes).toBe('Written during an import');
  }, 15_000);

  it('keeps what was typed when you leave at once for another tab, and shows it on coming back', async () => {
    const { user, part } = await openPart();
    await user.type(screen.getByLabelText('Notes'), 'Typed, then straight to the journal');
    // Well inside the autosave's pause: only leaving can save it.
    await user.click(tabs().getByRole('button', { name: 'Journal' }));
    await waitFor(async () => expect((await coreBridge().direct('parts.get', { id: part.id })).part.notes).toBe('Typed, then straight to the journal'));
    act(() => useNavigation.getState().go('self', { kind: 'part', id: part.id }));
    expect(await screen.findByLabelText('Notes')).toHaveValue('Typed, then straight to the journal');
  });

  it('holds back a name that is taken, saves the rest, and says so plainly on leaving', async () => {
    await coreBridge().direct('parts.create', { name: 'Rebel' });
    const { user, part } = await openPart();
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'rebel');
    await user.type(screen.getByLabelText('Notes'), 'Still kept');
    await waitFor(() => expect(name).toHaveAccessibleDescription(/You already have a part called "Rebel"/), saved);
    expect(profileStatus()).toHaveTextContent('Everything but the name is saved. See the note by Name.');
    expect((await coreBridge().direct('parts.get', { id: part.id })).part).toMatchObject({ name: 'Inner critic', notes: 'Still kept' });

    await user.click(tabs().getByRole('button', { name: 'Parts' }));
    expect(await screen.findByText(/The name “rebel” isn’t saved: You already have a part called "Rebel"\. .*Everything else in the profile is saved\./)).toBeInTheDocument();
    // Coming back, what was typed is still there to change.
    act(() => useNavigation.getState().go('self', { kind: 'part', id: part.id }));
    expect(await screen.findByLabelText('Name')).toHaveValue('rebel');
    await user.type(screen.getByLabelText('Name'), ' at heart');
    await waitFor(() => expect(profileStatus()).toHaveTextContent(/^Saved$/), saved);
    expect((await coreBridge().direct('parts.get', { id: part.id })).part.name).toBe('rebel at heart');
    expect(screen.getByRole('heading', { name: 'rebel at heart', level: 2 })).toBeInTheDocument();
  });

  it('never leaves a part without a name: an emptied name waits, and the part keeps its own', async () => {
    const { user, part } = await openPart();
    await user.clear(screen.getByLabelText('Name'));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('A part needs a name; until it has a new one, it stays “Inner critic”.'), saved);
    expect((await coreBridge().direct('parts.get', { id: part.id })).part.name).toBe('Inner critic');
  });

  it('is saved before the archive locks, like the journal', async () => {
    const { user, part } = await openPart();
    await user.type(screen.getByLabelText('Its positive intent'), 'Wants me to belong');
    expect(await saveAllEditors()).toBe(true);
    expect((await coreBridge().direct('parts.get', { id: part.id })).part.positiveIntent).toBe('Wants me to belong');
  });
});
