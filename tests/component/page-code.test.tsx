import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, sidebar } from './render-app';

/**
 * Each rung's page is its own chunk of code. Should one fail to load, the page says so plainly
 * instead of staying blank, and the next visit tries again.
 */
const attempts = vi.hoisted(() => ({ network: 0, search: 0 }));

vi.mock('../../renderer/src/network/NetworkPage', () => {
  attempts.network += 1;
  throw new Error('chunk missing');
});

vi.mock('../../renderer/src/search/SearchPage', () => {
  attempts.search += 1;
  // The first try (the prefetch at start) fails; the visit's own try succeeds.
  if (attempts.search === 1) throw new Error('chunk missing');
  return { SearchPage: () => <h1>Search, loaded on the second try</h1> };
});

describe("a page's code", () => {
  it('that cannot be loaded is said so, with what to do', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This page could not be loaded. Please quit Ladder and open it again; your archive is safe.');
  });

  it('that failed once is tried again on the next visit', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('heading', { name: 'Search, loaded on the second try' })).toBeInTheDocument();
    expect(attempts.search).toBe(2);
  });
});
