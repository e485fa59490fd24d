import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

const unknownId = '01890000-0000-7000-8000-000000000000';

describe('the guided protector reflection (6 F’s)', () => {
  it('writes an entry and fills in a known part, which is now being got to know', async () => {
    const { call } = await openTestCore();
    const critic = await call('parts.create', { name: 'Critic', role: 'manager', job: 'Keeps watch' });
    const { entry, part } = await call('protectorReflection.save', {
      entryDate: '2026-11-26',
      partId: critic.id,
      bodyLocation: 'My shoulders',
      focus: 'It tightens when I open my laptop.',
      apparentAge: 'about fourteen',
      appearance: 'A stern voice with a clipboard.',
      selfEnergy: { curiosity: 4, calm: 3, compassion: 3 },
      job: '',
      positiveIntent: 'Keep me from being embarrassed',
      fears: 'That I would be found out as a fraud',
      trust: 4,
    });
    expect(entry).toMatchObject({
      title: 'Getting to know Critic',
      kind: 'protector_reflection',
      rung: 'self',
      partIds: [critic.id],
      selfEnergy: { curiosity: 4, calm: 3, compassion: 3 },
    });
    expect(entry.body).toContain('## Find');
    expect(entry.body).toContain('Where I notice it: My shoulders');
    expect(entry.body).toContain('curiosity 4/5');
    expect(entry.body).toContain('If it stopped, it fears: That I would be found out as a fraud');
    expect(part).toMatchObject({
      bodyLocation: 'My shoulders',
      apparentAge: 'about fourteen',
      job: 'Keeps watch',
      positiveIntent: 'Keep me from being embarrassed',
      trust: 4,
      status: 'getting_to_know',
    });
    const detail = await call('parts.get', { id: critic.id });
    expect(detail.statusHistory.map((s) => s.status)).toEqual(['noticed', 'getting_to_know']);
    expect((await call('parts.appearances', { partId: critic.id })).entries.map((e) => e.id)).toEqual([entry.id]);
  });

  it('creates the part when it is new', async () => {
    const { call } = await openTestCore();
    const { entry, part } = await call('protectorReflection.save', {
      entryDate: '2026-11-26',
      newPart: { name: 'Scroller', role: 'firefighter' },
      fears: 'That the feeling would be too much',
      feelings: ['impatient'],
      steppedBack: true,
    });
    expect(part).toMatchObject({ name: 'Scroller', role: 'firefighter', status: 'getting_to_know', fears: 'That the feeling would be too much' });
    expect(entry.partIds).toEqual([part.id]);
    expect(entry.selfEnergy).toBeNull();
    expect(entry.body).toContain('impatient');
    expect(entry.body).toContain('step back');
  });

  it('refuses an unknown part, a taken name, or neither, and writes nothing', async () => {
    const core = await openTestCore();
    await core.call('parts.create', { name: 'Critic' });
    expect(await core.send('protectorReflection.save', { entryDate: '2026-11-26', partId: unknownId })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'partId' },
    });
    expect(await core.send('protectorReflection.save', { entryDate: '2026-11-26', newPart: { name: 'critic' } })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'newPart.name' },
    });
    expect(await core.send('protectorReflection.save', { entryDate: '2026-11-26' })).toMatchObject({ ok: false, error: { field: 'partId' } });
    expect(
      await core.send('protectorReflection.save', { entryDate: '2026-11-26', newPart: { name: 'New' }, selfEnergy: { calm: 7 } }),
    ).toMatchObject({ ok: false, error: { field: 'selfEnergy.calm' } });
    expect((await core.call('journal.list', {})).entries).toEqual([]);
    expect(await core.call('parts.list', {})).toHaveLength(1);
  });
});
