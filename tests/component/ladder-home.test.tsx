import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useEntryEditor } from '../../renderer/src/self/entry-editor-store';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the ladder home', () => {
  it('invites on an empty archive, with every rung, its prompt and a Reflect button', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { name: /Welcome/ })).toBeInTheDocument();
    const ladder = screen.getByRole('list', { name: 'The ladder' });
    for (const rung of ['Self', 'Dyads', 'Crews', 'Congregations', 'Network']) {
      expect(within(ladder).getByRole('button', { name: `Go to ${rung}` })).toBeInTheDocument();
      expect(await within(ladder).findByRole('button', { name: `Reflect on ${rung} in your journal` })).toBeInTheDocument();
    }
    expect(within(ladder).getByText('No congregations yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Worth a look' })).not.toBeInTheDocument();
  });

  it('says all is calm, under a heading that says so, when nothing asks for attention', async () => {
    // Written today: a week without reflecting would be worth a look.
    await coreBridge().direct('journal.create', { title: 'A quiet day', body: 'Tea and a walk.', entryDate: localDay() });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'All calm', level: 2 })).toBeInTheDocument();
    expect(screen.getByText('Nothing on any rung is asking for your attention.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Worth a look' })).not.toBeInTheDocument();
  });

  it('shows the numbers and a kind signal that links to where to act', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', size: 60, since: '2026-01-01' });
    await coreBridge().direct('journal.create', { entryDate: '2020-01-01', body: 'Long ago' });
    const { user } = renderApp();
    const signals = await screen.findByRole('list', { name: 'Worth a look' });
    expect(within(signals).getByText(/part of Riverside Commons but not in a crew yet/)).toBeInTheDocument();
    expect(within(signals).getByText(/No reflection this week yet/)).toBeInTheDocument();
    expect(screen.getByText(/1 congregation · 0 crews in them/)).toBeInTheDocument();

    await user.click(within(signals).getByRole('button', { name: 'See who seems crewless' }));
    expect(await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 })).toBeInTheDocument();
    expect(sidebar().getByRole('button', { name: 'Congregations' })).toHaveAttribute('aria-current', 'page');
    expect(c.id).toBeTruthy();
  });

  it('says "No active crews", not "No crews yet", once the only crew has closed', async () => {
    const me = await coreBridge().direct('people.create', { name: 'Me', isMe: true });
    const crew = await coreBridge().direct('crews.create', { name: 'Thursday crew', callerId: me.id, startedOn: '2026-09-01', memberIds: [me.id] });
    await coreBridge().direct('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-10-01', note: 'Thank you all' });
    renderApp();
    const crews = await screen.findByRole('listitem', { name: /^Crews/ });
    expect(await within(crews).findByText(/No active crews\./)).toBeInTheDocument();
    expect(within(crews).queryByText(/No crews yet/)).not.toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: /^Dyads/ })).getByText(/No dyads yet\./)).toBeInTheDocument();
  });

  it('"Reflect" opens a new journal entry tagged with the rung and its prompt of the day', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Reflect on Network in your journal' }));
    expect(await screen.findByRole('heading', { name: 'Self', level: 1 })).toBeInTheDocument();
    await waitFor(() => expect(useEntryEditor.getState().isOpen).toBe(true));
    const prompt = await coreBridge().direct('prompts.today', { rung: 'network', date: localDay() });
    expect(useEntryEditor.getState()).toMatchObject({ rung: 'network', promptId: prompt?.id ?? null });
  });
});

describe('the belonging map', () => {
  it('draws every ring with keyboard-reachable, named nodes, and groups a crowded ring', async () => {
    for (let i = 0; i < 60; i += 1) {
      const person = await coreBridge().direct('people.create', { name: `Friend ${String(i).padStart(2, '0')}` });
      await coreBridge().direct('dyads.create', { personId: person.id, kind: 'friend' });
    }
    await coreBridge().direct('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01' });
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', size: 80, role: 'member', since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'See your belonging map' }));
    const map = await screen.findByRole('group', { name: 'Belonging map' });
    expect(within(map).getByRole('button', { name: 'Dyad with Friend 00 (friend)' })).toBeInTheDocument();
    expect(within(map).getByRole('button', { name: /^\d+ more dyads: open Dyads$/ })).toBeInTheDocument();
    expect(within(map).getAllByRole('button', { name: /^Dyad with/ }).length).toBeLessThan(60);
    expect(within(map).getByRole('button', { name: 'Crew Thursday crew, calling, 0 people' })).toBeInTheDocument();

    const node = within(map).getByRole('button', { name: 'Congregation Riverside Commons, member, about 80 people' });
    node.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Riverside Commons', level: 1 })).toBeInTheDocument();
    expect(c.id).toBeTruthy();
  });
});
