import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

async function seedMap() {
  const bridge = coreBridge();
  const critic = await bridge.direct('parts.create', { name: 'Critic', role: 'manager' });
  const rebel = await bridge.direct('parts.create', { name: 'Rebel', role: 'firefighter' });
  const little = await bridge.direct('parts.create', { name: 'Little one', role: 'exile' });
  await bridge.direct('parts.relate', { partId: critic.id, otherPartId: rebel.id, kind: 'polarised' });
  await bridge.direct('parts.relate', { partId: critic.id, otherPartId: little.id, kind: 'protects' });
  return { critic, rebel, little };
}

async function openMap() {
  const view = renderApp();
  useNavigation.getState().go('self', { kind: 'map' });
  await screen.findByRole('heading', { name: 'Parts map' });
  return view;
}

function liveMap() {
  return screen.getByRole('group', { name: 'Parts map' });
}

/** Where a part is drawn, read from its transform. */
function spot(name: string) {
  const node = within(liveMap()).getByRole('button', { name });
  const match = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
  return { x: Number(match?.[1]), y: Number(match?.[2]) };
}

describe('the parts map', () => {
  it('draws every part by role and describes the lines between them', async () => {
    await seedMap();
    await openMap();
    const map = await waitFor(() => liveMap());
    expect(within(map).getByRole('button', { name: 'Critic, manager' })).toBeInTheDocument();
    expect(within(map).getByRole('button', { name: 'Rebel, firefighter' })).toBeInTheDocument();
    expect(within(map).getByRole('button', { name: 'Little one, exile' })).toBeInTheDocument();
    expect(map).toHaveAccessibleDescription(/Critic protects Little one\./);
    expect(map).toHaveAccessibleDescription(/is polarised with/);
    expect(map.querySelectorAll('.map-line-polarised')).toHaveLength(1);
    expect(map.querySelectorAll('.map-line-protects')).toHaveLength(1);
  });

  it('moves a part with the arrow keys and keeps where it was put', async () => {
    const { critic } = await seedMap();
    const { user } = await openMap();
    await waitFor(() => liveMap());
    const before = spot('Critic, manager');
    within(liveMap()).getByRole('button', { name: 'Critic, manager' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    expect(spot('Critic, manager')).toEqual({ x: before.x + 20, y: before.y + 10 });
    await waitFor(() => expect(coreBridge().callsOf('parts.place')).toHaveLength(1), { timeout: 2_000 });
    const { parts } = await coreBridge().direct('parts.map', {});
    expect(parts.find((p) => p.id === critic.id)).toMatchObject({ mapX: before.x + 20, mapY: before.y + 10 });
  });

  it('drags a part with the pointer and saves the arrangement on release', async () => {
    const { rebel } = await seedMap();
    await openMap();
    const map = await waitFor(() => liveMap());
    // jsdom lays nothing out: give the drawing its natural size on screen.
    vi.spyOn(map, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, width: 960, height: 600, right: 960, bottom: 600, x: 0, y: 0, toJSON: () => ({}) });
    const node = within(map).getByRole('button', { name: 'Rebel, firefighter' });
    const start = spot('Rebel, firefighter');
    fireEvent.pointerDown(node, { button: 0, pointerId: 1, clientX: start.x, clientY: start.y });
    fireEvent.pointerMove(node, { pointerId: 1, clientX: 300, clientY: 420 });
    fireEvent.pointerUp(node, { pointerId: 1, clientX: 300, clientY: 420 });
    expect(spot('Rebel, firefighter')).toEqual({ x: 300, y: 420 });
    await waitFor(() => expect(coreBridge().callsOf('parts.place')).toHaveLength(1));
    const { parts } = await coreBridge().direct('parts.map', {});
    expect(parts.find((p) => p.id === rebel.id)).toMatchObject({ mapX: 300, mapY: 420 });
    // Every part is pinned, so the arrangement holds when new parts arrive.
    expect(parts.every((p) => p.mapX !== null)).toBe(true);
  });

  it('keeps a dated snapshot and shows it beside the map, with what changed since', async () => {
    const { little } = await seedMap();
    const { user } = await openMap();
    await waitFor(() => liveMap());
    await user.type(screen.getByRole('textbox', { name: 'Snapshot note' }), 'Before the retreat');
    await user.click(screen.getByRole('button', { name: 'Keep a snapshot' }));
    await waitFor(() => expect(coreBridge().callsOf('mapSnapshots.create')).toHaveLength(1));

    // The map changes: a part leaves, a new one arrives.
    await coreBridge().direct('parts.delete', { id: little.id });
    await coreBridge().direct('parts.create', { name: 'Helper', role: 'manager' });
    const tabs = screen.getByRole('navigation', { name: 'Self' });
    await user.click(within(tabs).getByRole('button', { name: /^Parts$/ }));
    await user.click(within(tabs).getByRole('button', { name: 'Parts map' }));
    await waitFor(() => expect(within(liveMap()).getByRole('button', { name: 'Helper, manager' })).toBeInTheDocument());

    const compare = screen.getByRole('combobox', { name: 'Compare with' });
    const option = within(compare).getByRole('option', { name: /Before the retreat/ });
    await user.selectOptions(compare, option);
    const past = await screen.findByRole('group', { name: /^Map on / });
    expect(within(past).getByRole('img', { name: 'Little one, exile' })).toBeInTheDocument();
    expect(within(past).queryByRole('img', { name: 'Helper, manager' })).not.toBeInTheDocument();
    expect(screen.getByText(/New since then: Helper\. No longer on the map: Little one\. 1 line no longer there\./)).toBeInTheDocument();
  });

  it('invites you to name parts when the map is empty', async () => {
    await openMap();
    expect(await screen.findByText('Your map is empty for now.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep a snapshot' })).toBeDisabled();
  });

  it('opens a part from the map with Enter', async () => {
    await seedMap();
    const { user } = await openMap();
    await waitFor(() => liveMap());
    within(liveMap()).getByRole('button', { name: 'Rebel, firefighter' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Rebel', level: 2 })).toBeInTheDocument();
  });
});
