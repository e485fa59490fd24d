import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

/** "This is me (so crews and congregations can include you)": congregations offer me too, as "Name (you)", once. */

const checkboxNames = (group: HTMLElement) => within(group).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);

describe('the person marked as me, in a congregation', () => {
  it('is offered first, as "Ada Lovelace (you)", among People I know here and My temporary crew, but not as my own possible crewmate', async () => {
    const bridge = coreBridge();
    const me = await bridge.direct('people.create', { name: 'Ada Lovelace', isMe: true });
    await bridge.direct('people.create', { name: 'Ben' });
    await bridge.direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));

    await user.click(await screen.findByRole('button', { name: 'Add people I know here' }));
    const knownHere = screen.getByRole('group', { name: 'People I know here' });
    expect(checkboxNames(knownHere)).toEqual(['Ada Lovelace (you)', 'Ben']);
    await user.click(within(knownHere).getByRole('checkbox', { name: 'Ada Lovelace (you)' }));
    await user.click(screen.getByRole('button', { name: 'Save people' }));
    const known = await screen.findByRole('list', { name: 'People I know here' });
    expect(await within(known).findByText('Ada Lovelace (you)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a gathering' }));
    const form = screen.getByRole('form', { name: 'New gathering' });
    const crew = within(form).getByRole('group', { name: 'My temporary crew' });
    expect(checkboxNames(crew)).toEqual(['Ada Lovelace (you)', 'Ben']);
    expect(checkboxNames(within(form).getByRole('group', { name: 'Possible crewmates' }))).toEqual(['Ben']);
    await user.type(within(form).getByLabelText('Gathering name'), 'Autumn gathering');
    await user.click(within(crew).getByRole('checkbox', { name: 'Ada Lovelace (you)' }));
    await user.click(within(crew).getByRole('checkbox', { name: 'Ben' }));
    await user.click(within(form).getByRole('button', { name: 'Save gathering' }));

    const gatherings = await screen.findByRole('list', { name: 'Gatherings' });
    expect(await within(gatherings).findByText('Ada Lovelace (you), Ben')).toBeInTheDocument();
    const saved = (await bridge.direct('congregations.list', {}))[0]!;
    const detail = await bridge.direct('congregations.get', { id: saved.id, today: '2026-11-26' });
    expect(detail.gatherings[0]!.temporaryCrew.map((p) => p.personId)).toContain(me.id);
    // Once: I am listed among the people here a single time.
    expect(within(await screen.findByRole('list', { name: 'People I know here' })).getAllByText(/Ada Lovelace/)).toHaveLength(1);
  });

  it('says so beside “Who seems crewless” when I am in no active crew, without listing me to invite', async () => {
    const bridge = coreBridge();
    const me = await bridge.direct('people.create', { name: 'Ada Lovelace', isMe: true });
    const ben = await bridge.direct('people.create', { name: 'Ben' });
    const c = await bridge.direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await bridge.direct('congregations.addPeople', { congregationId: c.id, personIds: [me.id, ben.id] });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    const crewless = await screen.findByRole('list', { name: 'Who seems crewless' });
    expect(within(crewless).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Ben']);
    expect(screen.getByText('You are in no active crew here yourself just now. A crew could form around you too.')).toBeInTheDocument();
  });
});
