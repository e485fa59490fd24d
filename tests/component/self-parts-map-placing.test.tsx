import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { defaultMapPosition } from '../../shared/domain/self';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/** New parts arrive on the map where no other part is, and long names don't run over each other. */

function liveMap() {
  return screen.getByRole('group', { name: 'Parts map' });
}

function spot(name: string) {
  const node = within(liveMap()).getByRole('button', { name });
  const match = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
  return { x: Number(match?.[1]), y: Number(match?.[2]) };
}

describe('placing parts on the map', () => {
  it('puts a new part where no other part is, even on a spot another was pinned to', async () => {
    const bridge = coreBridge();
    const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
    const critic = await direct('parts.create', { name: 'Critic', role: 'manager' });
    const rebel = await direct('parts.create', { name: 'Rebel', role: 'firefighter' });
    // Pinned where the next two parts' default spots are (as after arranging two parts, then naming two more).
    const third = defaultMapPosition(2, 4);
    const fourth = defaultMapPosition(3, 4);
    await direct('parts.place', { positions: [{ id: critic.id, ...third }, { id: rebel.id, ...fourth }] });
    await direct('parts.create', { name: 'Helper', role: 'manager' });
    await direct('parts.create', { name: 'Hider', role: 'exile' });

    renderApp();
    useNavigation.getState().go('self', { kind: 'map' });
    await waitFor(() => within(liveMap()).getByRole('button', { name: 'Hider, exile' }));

    const names = ['Critic, manager', 'Rebel, firefighter', 'Helper, manager', 'Hider, exile'];
    const spots = names.map(spot);
    // The arranged parts stay where they were put.
    expect(spots[0]).toEqual(third);
    expect(spots[1]).toEqual(fourth);
    // No two parts share a place, or come close enough for one shape to cover another.
    for (let i = 0; i < spots.length; i += 1) {
      for (let j = i + 1; j < spots.length; j += 1) {
        const [a, b] = [spots[i]!, spots[j]!];
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${names[i]} and ${names[j]}`).toBeGreaterThanOrEqual(80);
      }
    }
    // Inside the drawing.
    for (const { x, y } of spots) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(960);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(600);
    }
  });

  it('moves apart parts that an earlier layout pinned on top of each other', async () => {
    const bridge = coreBridge();
    const direct: typeof bridge.direct = (name, input) => bridge.direct(name, input);
    const a = await direct('parts.create', { name: 'Planner', role: 'manager' });
    const b = await direct('parts.create', { name: 'Pleaser', role: 'manager' });
    await direct('parts.place', { positions: [{ id: a.id, x: 480, y: 300 }, { id: b.id, x: 480, y: 300 }] });
    renderApp();
    useNavigation.getState().go('self', { kind: 'map' });
    await waitFor(() => within(liveMap()).getByRole('button', { name: 'Pleaser, manager' }));
    expect(spot('Planner, manager')).toEqual({ x: 480, y: 300 });
    const moved = spot('Pleaser, manager');
    expect(Math.hypot(moved.x - 480, moved.y - 300)).toBeGreaterThanOrEqual(80);
  });

  it('shortens a long name under its shape, keeping the whole name as its label and tooltip', async () => {
    const long = 'The one who remembers every awkward thing I ever said';
    await coreBridge().direct('parts.create', { name: long, role: 'manager' });
    renderApp();
    useNavigation.getState().go('self', { kind: 'map' });
    const node = await waitFor(() => within(liveMap()).getByRole('button', { name: `${long}, manager` }));
    const drawn = node.querySelector('text')?.textContent ?? '';
    expect(drawn.endsWith('…')).toBe(true);
    expect(drawn.length).toBeLessThanOrEqual(18);
    expect(node.querySelector('title')?.textContent).toBe(long);
  });
});
