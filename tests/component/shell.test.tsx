import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, installCoreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the app shell', () => {
  it('opens on the Ladder home with every rung and its purpose', async () => {
    renderApp();
    expect(sidebar().getByRole('button', { name: 'Ladder' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { name: 'Your ladder', level: 1 })).toBeInTheDocument();
    for (const rung of ['Self', 'Dyads', 'Crews', 'Congregations', 'Network']) {
      expect(screen.getByRole('button', { name: `Go to ${rung}` })).toBeInTheDocument();
    }
    expect(screen.getByText('3–6 people')).toBeInTheDocument();
    expect(screen.getByText('15–150 people')).toBeInTheDocument();
  });

  it('lets the first Tab skip the rung buttons, straight to the page', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    const heading = await screen.findByRole('heading', { name: 'Dyads', level: 1 });
    (document.activeElement as HTMLElement | null)?.blur();
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to the page' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(heading).toHaveFocus();
  });

  it('marks the current page in the sidebar as you move around', async () => {
    const { user } = renderApp();
    const names = ['Ladder', 'Self', 'Dyads', 'Crews', 'Congregations', 'Network', 'Search', 'Settings'];
    expect(sidebar().getAllByRole('button').map((b) => b.textContent)).toEqual(names);

    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    expect(sidebar().getByRole('button', { name: 'Dyads' })).toHaveAttribute('aria-current', 'page');
    expect(sidebar().getByRole('button', { name: 'Ladder' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('heading', { name: 'Dyads', level: 1 })).toHaveFocus();
    expect(await screen.findByRole('button', { name: 'Add a person' })).toBeInTheDocument();

    await user.click(sidebar().getByRole('button', { name: 'Ladder' }));
    await user.click(screen.getByRole('button', { name: 'Go to Crews' }));
    expect(sidebar().getByRole('button', { name: 'Crews' })).toHaveAttribute('aria-current', 'page');

    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    expect(sidebar().getByRole('button', { name: 'Self' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows where the archive lives in Settings', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const { archive } = coreBridge().core;
    expect(await screen.findByText(archive.path)).toBeInTheDocument();
    expect(screen.getByText('Version test')).toBeInTheDocument();
    expect(screen.getByText(`Version ${archive.schemaVersion}`)).toBeInTheDocument();
  });

  it('shows a lasting banner and switches writing off for a read-only archive', async () => {
    await installCoreBridge({ readOnly: true });
    const { user } = renderApp();
    const banner = await screen.findByRole('region', { name: 'Read-only archive' });
    expect(banner).toHaveTextContent(/saved by a newer version of Ladder/);
    expect(banner.querySelector('button')).toBeNull();

    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'New entry' })).toBeDisabled());
    await user.keyboard('{Control>}n{/Control}');
    expect(screen.queryByLabelText('Entry')).not.toBeInTheDocument();
  });
});
