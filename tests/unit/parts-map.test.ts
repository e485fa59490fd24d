import { describe, expect, it } from 'vitest';
import { mapPositions } from '../../shared/domain/self';
import { openTestCore } from '../support/core';

const unknownId = '01890000-0000-7000-8000-000000000000';

describe('the parts map', () => {
  it('saves where parts were dragged, in one go', async () => {
    const { call } = await openTestCore();
    const a = await call('parts.create', { name: 'A' });
    const b = await call('parts.create', { name: 'B' });
    expect(await call('parts.place', { positions: [{ id: a.id, x: 100.04, y: 200 }, { id: b.id, x: 300, y: 50 }] })).toEqual({ placed: 2 });
    const map = await call('parts.map', {});
    expect(map.parts.find((p) => p.id === a.id)).toMatchObject({ mapX: 100, mapY: 200 });
    expect(map.parts.find((p) => p.id === b.id)).toMatchObject({ mapX: 300, mapY: 50 });
  });

  it('refuses to place an unknown part and moves nothing', async () => {
    const core = await openTestCore();
    const a = await core.call('parts.create', { name: 'A' });
    const result = await core.send('parts.place', { positions: [{ id: a.id, x: 10, y: 10 }, { id: unknownId, x: 1, y: 1 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'positions.1.id' } });
    expect((await core.call('parts.map', {})).parts[0]).toMatchObject({ mapX: null, mapY: null });
  });

  it('gives parts that were never dragged a spot of their own', () => {
    const parts = ['a', 'b', 'c'].map((id) => ({ id, mapX: null, mapY: null }));
    const spots = [...mapPositions(parts).values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(3);
  });

  it('keeps dated snapshots that do not change when the map does', async () => {
    const { call } = await openTestCore();
    const a = await call('parts.create', { name: 'Critic', role: 'manager' });
    const b = await call('parts.create', { name: 'Rebel', role: 'firefighter' });
    await call('parts.relate', { partId: a.id, otherPartId: b.id, kind: 'polarised' });
    await call('parts.place', { positions: [{ id: a.id, x: 120, y: 140 }] });
    const snapshot = await call('mapSnapshots.create', { takenOn: '2026-11-26', note: 'Before the retreat' });
    expect(snapshot.map.parts.map((p) => p.name).sort()).toEqual(['Critic', 'Rebel']);
    expect(snapshot.map.parts.find((p) => p.id === a.id)).toMatchObject({ x: 120, y: 140, role: 'manager' });
    expect(snapshot.map.relations).toEqual([{ kind: 'polarised', partId: a.id < b.id ? a.id : b.id, otherPartId: a.id < b.id ? b.id : a.id }]);

    await call('parts.update', { id: a.id, name: 'Inner coach' });
    await call('parts.delete', { id: b.id });
    const again = await call('mapSnapshots.get', { id: snapshot.id });
    expect(again.map.parts.map((p) => p.name).sort()).toEqual(['Critic', 'Rebel']);
    expect(await call('mapSnapshots.list', {})).toEqual([{ id: snapshot.id, takenOn: '2026-11-26', note: 'Before the retreat', partCount: 2 }]);
    await call('mapSnapshots.delete', { id: snapshot.id });
    expect(await call('mapSnapshots.list', {})).toEqual([]);
  });
});
