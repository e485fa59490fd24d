import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, sidebar } from './render-app';

describe('the list of keyboard shortcuts', () => {
  it('opens with ? from anywhere outside a text box, and Escape puts it away with focus back', async () => {
    const { user } = renderApp();
    const settings = sidebar().getByRole('button', { name: 'Settings' });
    settings.focus();
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Search everything')).toBeInTheDocument();
    expect(within(dialog).getByText('Quick capture: what is active right now, from any page')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
    expect(settings).toHaveFocus();

    await user.keyboard('{F1}');
    await user.click(await screen.findByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('leaves a ? typed into a text box alone, and is listed in Settings', async () => {
    const { user } = renderApp();
    await user.keyboard('{Control>}k{/Control}');
    const box = await screen.findByRole('searchbox', { name: 'Search everything' });
    await user.type(box, 'why?');
    expect(box).toHaveValue('why?');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'Keyboard shortcuts' });
    expect(within(section).getByText('Write a new journal entry')).toBeInTheDocument();
  });
});
