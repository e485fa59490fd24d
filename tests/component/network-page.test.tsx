import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the Network page', () => {
  it('adds a network with a congregation, a host I learn from and an adapted practice', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('journal.create', { entryDate: '2026-11-20', rung: 'network', title: 'What hosts taught me' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    expect(await screen.findByRole('heading', { name: 'No networks yet' })).toBeInTheDocument();
    const reflections = await screen.findByRole('list', { name: 'Reflections on Network' });
    expect(within(reflections).getByRole('button', { name: /What hosts taught me/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New network' }));
    await user.type(screen.getByLabelText('Name'), 'Microsolidarity hosts');
    await user.click(screen.getByRole('button', { name: 'Save network' }));
    expect(await screen.findByRole('heading', { name: 'Microsolidarity hosts', level: 1 })).toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText('Congregation to add'), 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Add congregation' }));
    expect(await within(screen.getByRole('list', { name: 'Congregations in it' })).findByRole('button', { name: 'Riverside Commons' })).toBeInTheDocument();

    await user.type(screen.getByLabelText("Host's name"), 'Rich');
    await user.type(screen.getByLabelText('What I learn from them'), 'Stepping back so others step in');
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    expect(await within(screen.getByRole('list', { name: 'Hosts I learn from' })).findByText('Rich')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Practice'), 'Sharing circle');
    await user.type(screen.getByLabelText('Learned from'), 'Enspiral');
    await user.click(screen.getByRole('button', { name: 'Save practice' }));
    expect(await within(screen.getByRole('list', { name: 'Adapted practices' })).findByText('Sharing circle')).toBeInTheDocument();
  });
});
