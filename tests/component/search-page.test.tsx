import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, seedEntries } from './core-bridge';
import { renderApp } from './render-app';

const answered = { timeout: 2_000 };

describe('the Search page', () => {
  it('opens with Ctrl+K from anywhere, with the box focused and an invitation', async () => {
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    expect(box).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Find your way back to anything' })).toBeInTheDocument();
  });

  it('shows hits grouped by kind with the matched words marked, as text', async () => {
    await seedEntries([
      { title: 'The gardener', body: 'Tending <b>slowly</b>, the gardener waits.', entryDate: '2026-11-20' },
      { title: 'Other', body: 'Nothing to see.', entryDate: '2026-11-19' },
    ]);
    const { user, container } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('searchbox', { name: 'Search everything' }), 'gard');
    const group = await screen.findByRole('region', { name: /Journal entries/ }, answered);
    const hits = within(group).getAllByRole('button');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toHaveAccessibleName(/The gardener/);
    expect(within(hits[0]!).getAllByText(/gardener/i, { selector: 'mark' }).length).toBeGreaterThan(0);
    // Writing that looks like HTML stays text.
    expect(hits[0]).toHaveTextContent('<b>slowly</b>');
    expect(container.querySelector('.search-hit b')).toBeNull();
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    await seedEntries([
      { title: 'River one', body: 'By the river.', entryDate: '2026-11-20' },
      { title: 'River two', body: 'Again the river.', entryDate: '2026-11-19' },
    ]);
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('searchbox', { name: 'Search everything' }), 'river');
    const group = await screen.findByRole('region', { name: /Journal entries/ }, answered);
    const [first, second] = within(group).getAllByRole('button');
    await user.keyboard('{ArrowDown}');
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('searchbox', { name: 'Search everything' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await screen.findByRole('heading', { name: 'Self', level: 1 });
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue(second?.textContent?.includes('River one') ? 'River one' : 'River two'));
  });

  it('keeps ↓ and Enter pressed before the results arrive, and uses them on this search’s results', async () => {
    await seedEntries([
      { title: 'Walrus days', body: 'The walrus at the zoo.', entryDate: '2026-11-20' },
      { title: 'Waltz night', body: 'We danced a waltz.', entryDate: '2026-11-19' },
    ]);
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    // "wal" finds both; then "walrus" and ↓ at once, before its own results are there.
    await user.type(box, 'wal');
    await screen.findByRole('button', { name: /Waltz night/ }, answered);
    await user.type(box, 'tz{ArrowDown}');
    await waitFor(() => expect(screen.getByRole('button', { name: /Waltz night/ })).toHaveFocus(), answered);
    expect(screen.queryByRole('button', { name: /Walrus days/ })).not.toBeInTheDocument();

    await user.click(box);
    await user.clear(box);
    await user.type(box, 'walrus{Enter}');
    await screen.findByRole('heading', { name: 'Self', level: 1 }, answered);
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Walrus days'));
  });

  it('names the rung of a check-in, but not of a person, who belongs to every rung', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada Lovelace' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'friend' });
    await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01', iShared: 'Lovelace biography' });
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('searchbox', { name: 'Search everything' }), 'lovelace');
    const people = await screen.findByRole('region', { name: /People/ }, answered);
    expect(within(people).getByRole('button')).toHaveAccessibleName('Ada Lovelace');
    const checkins = screen.getByRole('region', { name: /Check-ins/ });
    expect(within(checkins).getByRole('button')).toHaveAccessibleName(/Dyads/);
  });

  it('reads a crew check-in round as whose it was, in which crew, on which day; and finds emoji', async () => {
    const bridge = coreBridge();
    const me = await bridge.direct('people.create', { name: 'Ada Lovelace', isMe: true });
    const bea = await bridge.direct('people.create', { name: 'Bea' });
    const cy = await bridge.direct('people.create', { name: 'Cy' });
    const crew = await bridge.direct('crews.create', {
      name: 'Thursday case clinic',
      callerId: me.id,
      startedOn: '2026-09-01',
      memberIds: [me.id, bea.id, cy.id],
    });
    await bridge.direct('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-10-01',
      attendeeIds: [me.id, bea.id, cy.id],
      checkinNotes: [{ personId: me.id, note: 'Sleepy but glad 🌊' }],
    });
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    await user.type(box, 'sleepy');
    const rounds = await screen.findByRole('region', { name: /Check-in rounds/ }, answered);
    // "title, day, rung: snippet", the title saying whose round and which crew.
    expect(within(rounds).getByRole('button')).toHaveAccessibleName(/^Ada Lovelace \(you\) · Thursday case clinic, Thursday.+, Crews: Sleepy but glad 🌊$/);
    await user.clear(box);
    await user.type(box, '🌊');
    await waitFor(() => expect(within(screen.getByRole('region', { name: /Check-in rounds/ })).getByText('🌊', { selector: 'mark' })).toBeInTheDocument(), answered);
  });

  it('says plainly when nothing is found, and clears with Escape', async () => {
    await seedEntries([{ title: 'Something', body: 'Words.' }]);
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    await user.type(box, 'zebra');
    expect(await screen.findByRole('heading', { name: 'Nothing found for “zebra”' }, answered)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(await screen.findByRole('heading', { name: 'Find your way back to anything' }, answered)).toBeInTheDocument();
  });

  it('filters by date, and shows the rung filter', async () => {
    await seedEntries([
      { title: 'Spring lantern', entryDate: '2026-03-01' },
      { title: 'Autumn lantern', entryDate: '2026-10-01' },
    ]);
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    await user.type(await screen.findByRole('searchbox', { name: 'Search everything' }), 'lantern');
    const group = await screen.findByRole('region', { name: /Journal entries/ }, answered);
    expect(within(group).getAllByRole('button')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-06-01' } });
    await waitFor(() => expect(within(screen.getByRole('region', { name: /Journal entries/ })).getAllByRole('button')).toHaveLength(1), answered);
    expect(screen.getByRole('button', { name: /Autumn lantern/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Rung')).toHaveValue('');
    expect(coreBridge().callsOf('search.query').length).toBeGreaterThan(0);

    // Days the wrong way round are named as such, not "Nothing found".
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-01' } });
    expect(await screen.findByText('The “From” day comes after the “To” day: swap them to search between the two.', {}, answered)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Nothing found/ })).not.toBeInTheDocument();
  });

  it('names a phrase that found nothing in one pair of quotes, and says what is searched', async () => {
    await seedEntries([{ title: 'Something', body: 'Words.' }]);
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByText(/crews, congregations and networks are all here/)).toBeInTheDocument();
    await user.type(await screen.findByRole('searchbox', { name: 'Search everything' }), '"hosts rotating"');
    expect(await screen.findByRole('heading', { name: 'Nothing found for “hosts rotating”' }, answered)).toBeInTheDocument();
  });

  it('lists everything tagged when only a tag is chosen, and offers the tag when its name is typed', async () => {
    const bridge = coreBridge();
    await bridge.direct('journal.create', { title: 'Budget day', body: 'The critic was loud.', entryDate: '2026-03-02', tags: ['Ärger 😤'] });
    await bridge.direct('journal.create', { title: 'Another meeting', body: 'Long again.', entryDate: '2026-06-10', tags: ['Ärger 😤'] });
    await bridge.direct('journal.create', { title: 'Calm', body: 'Nothing to report.', entryDate: '2026-07-01', tags: ['work'] });
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });

    // "#ärger" is not in any text: the page offers the tag instead of a dead end.
    await user.type(box, '#ärger');
    await user.click(await screen.findByRole('button', { name: 'Show everything tagged “Ärger 😤”' }, answered));
    expect(box).toHaveValue('');
    expect(screen.getByLabelText('Tag')).toHaveDisplayValue('Ärger 😤');
    const group = await screen.findByRole('region', { name: /Journal entries/ }, answered);
    expect(within(group).getAllByRole('button').map((hit) => hit.textContent)).toEqual([
      expect.stringContaining('Another meeting'),
      expect.stringContaining('Budget day'),
    ]);

    // A tag that nothing else narrows to nothing says so, not "type a word".
    await user.selectOptions(screen.getByLabelText('Rung'), 'Crews');
    expect(await screen.findByRole('heading', { name: 'Nothing under these filters' }, answered)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('heading', { name: 'Find your way back to anything' }, answered)).toBeInTheDocument();
  });

  it('says a tag typed as “#word” is a tag, not “nothing found”, and Enter lists what carries it', async () => {
    await coreBridge().direct('journal.create', { title: 'Morning pages', body: 'Woke up uneasy.', entryDate: '2026-11-20', tags: ['anxiety'] });
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    await user.type(box, '#anxiety');
    expect(await screen.findByRole('heading', { name: '“anxiety” is one of your tags' }, answered)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Nothing found/ })).not.toBeInTheDocument();

    await user.keyboard('{Enter}');
    const group = await screen.findByRole('region', { name: /Journal entries/ }, answered);
    expect(within(group).getByRole('button', { name: /Morning pages/ })).toBeInTheDocument();
    expect(box).toHaveValue('');
    expect(screen.getByLabelText('Tag')).toHaveDisplayValue('anxiety');
  });
});
