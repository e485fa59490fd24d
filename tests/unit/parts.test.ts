import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

const unknownId = '01890000-0000-7000-8000-000000000000';

async function partCount(core: Awaited<ReturnType<typeof openTestCore>>) {
  return (await core.call('parts.list', {})).length;
}

describe('parts', () => {
  it('creates a part with its whole profile and reads it back', async () => {
    const { call } = await openTestCore();
    const critic = await call('parts.create', {
      name: 'The Critic',
      role: 'manager',
      colour: 'plum',
      bodyLocation: 'A tight jaw',
      apparentAge: 'about twelve',
      job: 'Points out mistakes before anyone else can',
      positiveIntent: 'Keep me from being laughed at',
      fears: 'That I would be rejected',
      trailheads: 'Sending work to other people',
      trust: 3,
      notes: 'Loud on Mondays.',
    });
    expect(critic).toMatchObject({ name: 'The Critic', role: 'manager', colour: 'plum', trust: 3, status: 'noticed', mapX: null });
    const detail = await call('parts.get', { id: critic.id });
    expect(detail.part).toEqual(critic);
    expect(detail.statusHistory.map((s) => s.status)).toEqual(['noticed']);
    expect(detail.relations).toEqual([]);
  });

  it('gives new parts different colours and "not sure yet" as the role when none is chosen', async () => {
    const { call } = await openTestCore();
    const a = await call('parts.create', { name: 'One' });
    const b = await call('parts.create', { name: 'Two' });
    expect(a.role).toBe('unknown');
    expect(a.colour).not.toBe(b.colour);
  });

  it('lists parts A to Z', async () => {
    const { call } = await openTestCore();
    for (const name of ['zealot', 'Avoider', 'critic']) await call('parts.create', { name });
    expect((await call('parts.list', {})).map((p) => p.name)).toEqual(['Avoider', 'critic', 'zealot']);
  });

  it('keeps the history of status changes along the path', async () => {
    const { call } = await openTestCore();
    const part = await call('parts.create', { name: 'Worrier' });
    await call('parts.update', { id: part.id, status: 'getting_to_know' });
    await call('parts.update', { id: part.id, notes: 'no status change here' });
    await call('parts.update', { id: part.id, status: 'befriended' });
    const detail = await call('parts.get', { id: part.id });
    expect(detail.part.status).toBe('befriended');
    expect(detail.part.notes).toBe('no status change here');
    expect(detail.statusHistory.map((s) => s.status)).toEqual(['noticed', 'getting_to_know', 'befriended']);
  });

  it('refuses an empty or over-long name, naming the field, and writes nothing', async () => {
    const core = await openTestCore();
    const empty = await core.send('parts.create', { name: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    const long = await core.send('parts.create', { name: 'x'.repeat(201) });
    expect(long).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect(await partCount(core)).toBe(0);

    const part = await core.call('parts.create', { name: 'Kept' });
    const rename = await core.send('parts.update', { id: part.id, name: '' });
    expect(rename).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect((await core.call('parts.get', { id: part.id })).part.name).toBe('Kept');
  });

  it('refuses a second part with the same name, whatever its case', async () => {
    const core = await openTestCore();
    const first = await core.call('parts.create', { name: 'Critic' });
    const twin = await core.send('parts.create', { name: 'critic' });
    expect(twin).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    const other = await core.call('parts.create', { name: 'Other' });
    const rename = await core.send('parts.update', { id: other.id, name: 'CRITIC' });
    expect(rename).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    // Renaming a part to its own name in another case is fine.
    expect((await core.call('parts.update', { id: first.id, name: 'critic' })).name).toBe('critic');
  });

  it('refuses trust outside 0–10 and an unknown status or role', async () => {
    const core = await openTestCore();
    expect(await core.send('parts.create', { name: 'A', trust: 11 })).toMatchObject({ ok: false, error: { field: 'trust' } });
    expect(await core.send('parts.create', { name: 'A', trust: -1 })).toMatchObject({ ok: false, error: { field: 'trust' } });
    expect(await core.send('parts.create', { name: 'A', trust: 2.5 })).toMatchObject({ ok: false, error: { field: 'trust' } });
    // @ts-expect-error: not a status
    expect(await core.send('parts.create', { name: 'A', status: 'fixed' })).toMatchObject({ ok: false, error: { field: 'status' } });
    // @ts-expect-error: Self is not a part
    expect(await core.send('parts.create', { name: 'A', role: 'self' })).toMatchObject({ ok: false, error: { field: 'role' } });
    expect(await partCount(core)).toBe(0);
  });

  it('refuses an unknown part id', async () => {
    const { send } = await openTestCore();
    expect(await send('parts.get', { id: unknownId })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(await send('parts.update', { id: unknownId, notes: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(await send('parts.appearances', { partId: unknownId })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'partId' } });
  });

  it('deletes a part softly, with its relations, and restores both', async () => {
    const core = await openTestCore();
    const a = await core.call('parts.create', { name: 'A' });
    const b = await core.call('parts.create', { name: 'B' });
    await core.call('parts.relate', { partId: a.id, otherPartId: b.id, kind: 'polarised' });
    await core.call('parts.delete', { id: a.id });
    expect((await core.call('parts.list', {})).map((p) => p.name)).toEqual(['B']);
    expect((await core.call('parts.get', { id: b.id })).relations).toEqual([]);
    expect(await core.send('parts.get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    await core.call('parts.restore', { id: a.id });
    expect((await core.call('parts.get', { id: b.id })).relations).toHaveLength(1);
  });
});

describe('relations between parts', () => {
  it('relates parts: protects has a direction, polarised and allied go both ways', async () => {
    const { call } = await openTestCore();
    const critic = await call('parts.create', { name: 'Critic', role: 'manager' });
    const binger = await call('parts.create', { name: 'Binger', role: 'firefighter' });
    const little = await call('parts.create', { name: 'Little one', role: 'exile' });

    const protects = await call('parts.relate', { partId: critic.id, otherPartId: little.id, kind: 'protects' });
    expect(protects).toMatchObject({ partId: critic.id, otherPartId: little.id, kind: 'protects' });
    const polarised = await call('parts.relate', { partId: binger.id, otherPartId: critic.id, kind: 'polarised' });
    // Asking again from the other side finds the same relation.
    const again = await call('parts.relate', { partId: critic.id, otherPartId: binger.id, kind: 'polarised' });
    expect(again.id).toBe(polarised.id);

    const detail = await call('parts.get', { id: critic.id });
    expect(detail.relations.map((r) => r.kind).sort()).toEqual(['polarised', 'protects']);
    expect((await call('parts.map', {})).relations).toHaveLength(2);

    await call('parts.unrelate', { id: polarised.id });
    expect((await call('parts.get', { id: binger.id })).relations).toEqual([]);
  });

  it('refuses a part related to itself, naming the field, and writes nothing', async () => {
    const core = await openTestCore();
    const part = await core.call('parts.create', { name: 'Loner' });
    const result = await core.send('parts.relate', { partId: part.id, otherPartId: part.id, kind: 'allied' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'otherPartId' } });
    expect((await core.call('parts.map', {})).relations).toEqual([]);
  });

  it('refuses a relation to an unknown or deleted part', async () => {
    const core = await openTestCore();
    const part = await core.call('parts.create', { name: 'Here' });
    const gone = await core.call('parts.create', { name: 'Gone' });
    await core.call('parts.delete', { id: gone.id });
    expect(await core.send('parts.relate', { partId: part.id, otherPartId: unknownId, kind: 'allied' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'otherPartId' },
    });
    expect(await core.send('parts.relate', { partId: gone.id, otherPartId: part.id, kind: 'allied' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'partId' },
    });
    expect((await core.call('parts.map', {})).relations).toEqual([]);
  });
});
