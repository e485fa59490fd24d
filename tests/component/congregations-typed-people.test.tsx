import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { openRecord } from './support/records';

/**
 * A name typed under "New person's name" and not yet added with its button is not dropped when
 * the form is saved right after: a first-time user types a name and goes straight to Save.
 */

const direct: ReturnType<typeof coreBridge>['direct'] = (name, input) => coreBridge().direct(name, input);
const today = '2026-11-26';

describe('a name typed in a people picker comes along when the form is saved', () => {
  it('Save people adds the person typed but not yet added', async () => {
    const c = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await direct('people.create', { name: 'Ana' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    const panel = screen.getByRole('region', { name: 'People I know here' });
    await user.click(within(panel).getByRole('button', { name: 'Add people I know here' }));
    await user.click(within(panel).getByRole('checkbox', { name: 'Ana' }));
    await user.type(within(panel).getByLabelText("New person's name (people I know here)"), 'Dara');
    await user.click(within(panel).getByRole('button', { name: 'Save people' }));

    const chips = await screen.findByRole('list', { name: 'People I know here' });
    expect(await within(chips).findByText('Dara')).toBeInTheDocument();
    expect(within(chips).getByText('Ana')).toBeInTheDocument();
    expect(await within(screen.getByRole('region', { name: 'Notifications' })).findByText('2 people added to Riverside Commons')).toBeInTheDocument();
    const detail = await direct('congregations.get', { id: c.id, today });
    expect(detail.people.map((p) => p.name).sort()).toEqual(['Ana', 'Dara']);
  });

  it('Save gathering brings along the names typed in both pickers', async () => {
    await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Add a gathering' }));
    const form = screen.getByRole('form', { name: 'New gathering' });
    await user.type(within(form).getByLabelText('Gathering name'), 'Autumn gathering');
    await user.type(within(form).getByLabelText("New person's name (my temporary crew)"), 'Bea');
    await user.type(within(form).getByLabelText("New person's name (possible crewmates)"), 'Cleo');
    await user.click(within(form).getByRole('button', { name: 'Save gathering' }));

    const gatherings = await screen.findByRole('list', { name: 'Gatherings' });
    await waitFor(() => expect(within(gatherings).getByText('My temporary crew').nextElementSibling).toHaveTextContent('Bea'));
    expect(within(gatherings).getByText('Possible crewmates').nextElementSibling).toHaveTextContent('Cleo');
    expect(screen.queryByRole('form', { name: 'New gathering' })).not.toBeInTheDocument();
  });

  it('Done on a gathering being corrected brings along the name typed', async () => {
    const c = await direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await direct('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-15' });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: /^Edit Autumn gathering on/ }));
    const form = screen.getByRole('form', { name: 'Edit gathering' });
    await user.type(within(form).getByLabelText("New person's name (possible crewmates)"), 'Cleo');
    await user.click(within(form).getByRole('button', { name: 'Done' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit gathering' })).not.toBeInTheDocument());
    const gatherings = screen.getByRole('list', { name: 'Gatherings' });
    expect(await within(gatherings).findByText('Possible crewmates')).toBeInTheDocument();
    expect(within(gatherings).getByText('Possible crewmates').nextElementSibling).toHaveTextContent('Cleo');
    const detail = await direct('congregations.get', { id: c.id, today });
    expect(detail.gatherings[0]?.possibleCrewmates.map((p) => p.name)).toEqual(['Cleo']);
  });
});
