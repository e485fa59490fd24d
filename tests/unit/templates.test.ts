import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

describe('templates', () => {
  it('ship a daily reflection, a protector reflection, before a crew meeting and after a dyad check-in', async () => {
    const { call } = await openTestCore();
    const templates = await call('templates.list', {});
    const byName = new Map(templates.map((t) => [t.name, t]));
    expect(byName.get('Daily reflection')).toMatchObject({ rung: 'self', source: 'ladder' });
    expect(byName.get('Protector reflection')).toMatchObject({ rung: 'self', kind: 'protector_reflection' });
    expect(byName.get('Before a crew meeting')).toMatchObject({ rung: 'crews' });
    expect(byName.get('After a dyad check-in')).toMatchObject({ rung: 'dyads' });
    expect(byName.get('After a therapy session')).toMatchObject({ kind: 'therapy_log' });
    for (const template of templates) expect(template.body).toMatch(/^## /);
  });

  it('adds, edits, deletes and restores your own', async () => {
    const core = await openTestCore();
    const mine = await core.call('templates.create', { name: 'Gathering harvest', body: '## Who I met\n\n', rung: 'congregations' });
    expect(mine).toMatchObject({ source: 'user', kind: 'journal', rung: 'congregations' });
    const edited = await core.call('templates.update', { id: mine.id, body: '## Who I met\n\n## Possible crewmates\n\n', rung: null });
    expect(edited).toMatchObject({ name: 'Gathering harvest', rung: null });
    await core.call('templates.delete', { id: mine.id });
    expect((await core.call('templates.list', {})).map((t) => t.id)).not.toContain(mine.id);
    await core.call('templates.restore', { id: mine.id });
    expect((await core.call('templates.list', {})).map((t) => t.id)).toContain(mine.id);
  });

  it('refuses an empty name', async () => {
    const core = await openTestCore();
    const before = (await core.call('templates.list', {})).length;
    expect(await core.send('templates.create', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect(await core.call('templates.list', {})).toHaveLength(before);
  });
});
