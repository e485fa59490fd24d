import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

function rows(section: HTMLElement) {
  return within(within(section).getByRole('list', { name: 'People' })).getAllByRole('button');
}

describe('finding someone by name among many on the Dyads page', () => {
  it('draws the first 50 who match, says how many match, and shows more on request, by keyboard too', async () => {
    const bridge = coreBridge();
    for (let i = 1; i <= 120; i += 1) await bridge.direct('people.create', { name: `Friend ${String(i).padStart(3, '0')}` });
    await bridge.direct('people.create', { name: 'Zoë Quist' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    const section = await screen.findByRole('region', { name: 'People' });
    const box = within(section).getByLabelText('Find someone by name');

    await user.type(box, 'friend');
    await within(section).findByText('Showing 50 of 120: type more of the name to narrow it.');
    expect(within(section).getByRole('status')).toHaveTextContent('Showing 50 of 120');
    expect(rows(section)).toHaveLength(50);
    expect(rows(section)[49]).toHaveAccessibleName('Friend 050');

    // Show more, from the keyboard: the first one it brings in takes focus, so Tab goes on from there.
    const more = within(section).getByRole('button', { name: 'Show 50 more' });
    more.focus();
    await user.keyboard('{Enter}');
    expect(rows(section)).toHaveLength(100);
    expect(within(section).getByRole('button', { name: 'Friend 051' })).toHaveFocus();
    expect(within(section).getByRole('status')).toHaveTextContent('Showing 100 of 120');
    await user.click(within(section).getByRole('button', { name: 'Show 20 more' }));
    expect(rows(section)).toHaveLength(120);
    expect(within(section).getByRole('status')).toHaveTextContent(/^$/);
    expect(within(section).queryByRole('button', { name: /^Show \d+ more$/ })).not.toBeInTheDocument();

    // Typing more narrows it, and starts again from the first 50.
    await user.type(box, ' 11');
    expect(rows(section).map((row) => row.textContent)).toEqual(['Friend 011', ...Array.from({ length: 10 }, (_, i) => `Friend ${110 + i}`)]);
    expect(within(section).getByRole('status')).toHaveTextContent(/^$/);
    await user.clear(box);
    await user.type(box, 'f');
    expect(rows(section)).toHaveLength(50);

    // A match found is still one Enter away.
    await user.clear(box);
    await user.type(box, 'zoe');
    await user.tab();
    expect(within(section).getByRole('button', { name: 'Zoë Quist' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Zoë Quist', level: 1 })).toBeInTheDocument();
  });
});
