import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('reflections on each rung', () => {
  for (const [rung, page] of [
    ['dyads', 'Dyads'],
    ['crews', 'Crews'],
  ] as const) {
    it(`lists entries tagged ${page} on the ${page} page, and only those`, async () => {
      await coreBridge().direct('journal.create', { title: `On my ${rung}`, entryDate: '2026-11-20', rung });
      await coreBridge().direct('journal.create', { title: 'About something else', entryDate: '2026-11-21', rung: 'self' });
      const { user } = renderApp();
      await user.click(sidebar().getByRole('button', { name: page }));
      const list = await screen.findByRole('list', { name: `Reflections on ${page}` });
      expect(within(list).getByRole('button', { name: new RegExp(`On my ${rung}`) })).toBeInTheDocument();
      expect(within(list).queryByRole('button', { name: /About something else/ })).not.toBeInTheDocument();
    });
  }
});
