import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openRecord } from './support/records';

/**
 * "Someone new" with the name of someone already in the archive chooses that person and says so,
 * rather than making a second Ana that splits her history in two.
 */

async function peopleNamed() {
  const bridge = coreBridge();
  await bridge.direct('people.create', { name: 'Ana Souza' });
  await bridge.direct('people.create', { name: 'Bea' });
  return async () => (await bridge.direct('people.list', { limit: 100 })).people.map((p) => p.name).sort();
}

describe('a name typed as someone new who is already there', () => {
  it('Call a crew: chooses Ana rather than adding a second one, whatever the case or spacing', async () => {
    const everyone = await peopleNamed();
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    const members = await screen.findByRole('group', { name: 'Members' });
    await waitFor(() => expect(within(members).getByRole('checkbox', { name: 'Ana Souza' })).not.toBeChecked());
    await user.type(screen.getByLabelText('Someone new'), '  ana  souza {Enter}');

    expect(await screen.findByRole('status')).toHaveTextContent('Ana Souza is already in your archive, so they are chosen rather than added twice.');
    expect(within(members).getByRole('checkbox', { name: 'Ana Souza' })).toBeChecked();
    expect(screen.getByLabelText('Someone new')).toHaveValue('');
    expect(await everyone()).toEqual(['Ana Souza', 'Bea']);
  });

  it('a congregation’s people: the name typed is the one already known', async () => {
    const everyone = await peopleNamed();
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    const panel = screen.getByRole('region', { name: 'People I know here' });
    await user.click(within(panel).getByRole('button', { name: 'Add people I know here' }));
    await user.type(within(panel).getByLabelText("New person's name (people I know here)"), 'BEA{Enter}');
    expect(within(panel).getByRole('status')).toHaveTextContent('Bea is already in your archive, so they are chosen rather than added twice.');
    expect(within(panel).getByRole('checkbox', { name: 'Bea' })).toBeChecked();
    expect(await everyone()).toEqual(['Ana Souza', 'Bea']);
  });
});
