import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openPod } from './support/crews';

/** My name in a crew: asked once when calling the first crew, changeable later, and in what I share. */

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function members() {
  return within(screen.getByRole('heading', { name: 'Members' }).nextElementSibling as HTMLElement);
}

describe('crews: my name', () => {
  it('adds nobody when the crew itself is refused: "Your name" and "Someone new" wait with the form', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    await screen.findByRole('heading', { name: 'Call a crew', level: 1 });
    await user.type(screen.getByLabelText('Your name'), 'Robin');
    await user.type(screen.getByLabelText('Someone new'), 'Bea');
    // No name for the crew.
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByText('This cannot be empty.')).toBeInTheDocument();
    expect((await coreBridge().direct('people.list', {})).people).toEqual([]);
    expect(screen.getByLabelText('Your name')).toHaveValue('Robin');

    await user.type(screen.getByLabelText('Name'), 'Thursday case clinic');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByRole('heading', { name: 'Thursday case clinic', level: 1 })).toBeInTheDocument();
    expect((await coreBridge().direct('people.list', {})).people.map((p) => [p.name, p.isMe])).toEqual([
      ['Bea', false],
      ['Robin', true],
    ]);
  });

  it('Call a crew asks "Your name" until someone is me; the crew pages use it; Edit details on my page renames me everywhere', async () => {
    await coreBridge().direct('people.create', { name: 'Sam' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    await screen.findByRole('heading', { name: 'Call a crew', level: 1 });
    await user.type(screen.getByLabelText('Name'), 'Thursday case clinic');
    const myName = screen.getByLabelText('Your name');
    expect(myName).toHaveAccessibleDescription(/Optional; left empty, you are “Me”/);
    await user.type(myName, 'Ana Ruiz');
    await user.click(await screen.findByRole('checkbox', { name: 'Sam' }));
    await user.type(screen.getByLabelText('Someone new'), 'Bea');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));

    expect(await screen.findByRole('heading', { name: 'Thursday case clinic', level: 1 })).toBeInTheDocument();
    expect(members().getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ana Ruiz (you)', 'Sam', 'Bea']);
    expect(screen.getByText(/by Ana Ruiz \(you\)$/)).toBeInTheDocument();
    expect(screen.queryByText(/\bMe\b/)).not.toBeInTheDocument();

    // My own name is a link to my page, where "Edit details" changes it.
    await user.click(members().getByRole('button', { name: 'Ana Ruiz (you)' }));
    expect(await screen.findByRole('heading', { name: 'Ana Ruiz', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('This is you.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    const name = await screen.findByLabelText('Name');
    await waitFor(() => expect(name).toHaveValue('Ana Ruiz'));
    await user.clear(name);
    await user.type(name, 'Ana R.');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByRole('heading', { name: 'Ana R.', level: 1 })).toBeInTheDocument();

    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: /Thursday case clinic/ }));
    await screen.findByRole('heading', { name: 'Thursday case clinic', level: 1 });
    await waitFor(() => expect(members().getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Ana R. (you)', 'Sam', 'Bea']));

    // Once I am someone, the form no longer asks.
    await user.click(screen.getByRole('button', { name: 'Back to Crews' }));
    await user.click((await screen.findAllByRole('button', { name: 'Call a crew' }))[0]!);
    expect(await screen.findByRole('checkbox', { name: 'Ana R. (you)' })).toBeChecked();
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
  });

  it('left empty, I am "Me": the crew page and the prep offer "Add your name"', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    await user.type(await screen.findByLabelText('Name'), 'Pod');
    await user.type(screen.getByLabelText('Someone new'), 'Ada{Enter}');
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Ada' })).toBeChecked());
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    expect(members().getByRole('button', { name: 'Me' })).toBeInTheDocument();
    expect(members().getByRole('button', { name: 'Add your name' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    const share = screen.getByRole('region', { name: 'Share with the crew' });
    expect(within(share).getByText(/the shared prep calls you “me”/)).toBeInTheDocument();
    await user.click(within(share).getByRole('button', { name: 'Add your name' }));
    const name = await screen.findByLabelText('Name');
    await waitFor(() => expect(name).toHaveValue('Me'));
    await user.clear(name);
    await user.type(name, 'Ana');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByRole('heading', { name: 'Ana', level: 1 })).toBeInTheDocument();
  });

  it('Save as Markdown… starts at the export folder and makes a folder that is not there yet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ladder-prep-'));
    temps.push(dir);
    const bridge = coreBridge();
    const me = await bridge.direct('people.create', { name: 'Ana', isMe: true });
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    await bridge.direct('crews.create', { name: 'Pod', startedOn: '2026-01-01', rhythmDays: 14, memberIds: [me.id, ada.id] });
    const { user } = await openPod();
    await user.click(screen.getByRole('button', { name: 'Prepare the next meeting' }));
    await screen.findByRole('heading', { name: 'Next meeting', level: 1 });
    expect(screen.queryByText(/calls you “me”/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save as Markdown…' }));
    const folder = screen.getByLabelText('Folder');
    // The same suggestion as Settings › Export.
    expect((folder as HTMLInputElement).value).toMatch(/Ladder exports$/);

    const target = path.join(dir, 'crew notes', 'pod');
    await user.clear(folder);
    await user.type(folder, target);
    await user.click(screen.getByRole('button', { name: 'Save the file' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toMatch(new RegExp(`^Made the folder ${target} and saved the file there: ${target}/Pod - next meeting [0-9-]+\\.md$`));
    const [file] = readdirSync(target);
    expect(readFileSync(path.join(target, file!), 'utf8')).toContain('# Pod: next meeting');
  });
});
