import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openRecord } from './support/records';

/** "Today" and "Yesterday" inside a sentence are written as words of it, not as a heading. */
describe('days said inside a sentence on the Congregations page', () => {
  it('says “Member from today”, and names a gathering held yesterday “yesterday” for its buttons', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', role: 'visitor', since: localDay() });
    const now = new Date();
    const yesterday = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
    await coreBridge().direct('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: yesterday });
    const user = await openRecord('Congregations', 'Riverside Commons');
    await user.selectOptions(screen.getByLabelText('New role'), 'Member');
    await user.click(screen.getByRole('button', { name: 'Change my role' }));
    const history = screen.getByRole('list', { name: 'My role over time' });
    expect(await within(history).findByText(/Member/)).toBeInTheDocument();
    expect(history).toHaveTextContent('Visitor from today');
    expect(history).toHaveTextContent('Member from today');
    expect(history).not.toHaveTextContent('Today');
    expect(screen.getByRole('button', { name: 'Edit Autumn gathering yesterday' })).toBeInTheDocument();
  });

  it('says “last gathering yesterday” on the list of congregations', async () => {
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const now = new Date();
    await coreBridge().direct('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)) });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    expect(await screen.findByRole('button', { name: /Riverside Commons/ })).toHaveTextContent('last gathering yesterday');
  });
});
