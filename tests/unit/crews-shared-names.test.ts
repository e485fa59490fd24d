import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

/** What the crew reads in a shared prep: my name (never a bare "Me"), and a file always written somewhere. */

const today = '2026-09-02';

describe('my name in the shared prep', () => {
  it('an unnamed "Me" reads as the sharer speaking; once I give my name, the file and the crew use it', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea } = await crewOfFour(core);
    await core.call('agendaItems.add', { crewId: crew.id, text: 'Holidays', raisedById: me.id });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: ada.id, focusId: bea.id, actionItems: [{ text: 'Book a room', ownerId: me.id }] });
    // The next meeting: I host and I am the focus, with my case included.
    await core.call('crews.planNext', { id: crew.id, on: '2026-09-10', hostId: me.id, focusId: me.id });
    await core.call('crews.saveCase', { crewId: crew.id, situation: 'A move abroad' });

    let { markdown } = await core.call('crews.prepMarkdown', { id: crew.id, today });
    expect(markdown).toContain('- **Host:** me (who shared this)');
    expect(markdown).toContain('- **Focus (case-giver):** me (who shared this)');
    expect(markdown).toContain('## My case\n\n### The situation\n\nA move abroad');
    expect(markdown).toContain('- Holidays (raised by me) — carried over once');
    expect(markdown).toContain('- [ ] Book a room — me');
    expect(markdown).not.toMatch(/\bMe\b/);

    // My person page › Edit details: the crew and the shared file follow.
    await core.call('people.update', { id: me.id, name: 'Ana Ruiz' });
    expect((await core.call('crews.get', { id: crew.id, today })).crew.members[0]).toEqual({ personId: me.id, name: 'Ana Ruiz', isMe: true });
    ({ markdown } = await core.call('crews.prepMarkdown', { id: crew.id, today }));
    expect(markdown).toContain('- **Host:** Ana Ruiz');
    expect(markdown).toContain('- **Focus (case-giver):** Ana Ruiz');
    expect(markdown).toContain('## The case: Ana Ruiz');
    expect(markdown).toContain('(raised by Ana Ruiz)');
    expect(markdown).toContain('- [ ] Book a room — Ana Ruiz');
  });
});

describe('saving the prep as Markdown', () => {
  it('makes a missing folder (parents too), says so, and still never overwrites', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    const folder = path.join(core.dataDir, 'not', 'there', 'yet');
    const first = await core.call('crews.savePrepMarkdown', { id: crew.id, today, folder });
    expect(first).toEqual({ path: path.join(folder, 'Thursday crew - next meeting 2026-09-15.md'), madeFolder: folder });
    expect(readFileSync(first.path, 'utf8')).toContain('# Thursday crew: next meeting');

    // The folder is there now: a second save sits beside the first.
    const second = await core.call('crews.savePrepMarkdown', { id: crew.id, today, folder });
    expect(second).toEqual({ path: path.join(folder, 'Thursday crew - next meeting 2026-09-15 (2).md'), madeFolder: null });
    writeFileSync(path.join(folder, 'keep.md'), 'mine');
    expect(readdirSync(folder).sort()).toEqual(['Thursday crew - next meeting 2026-09-15 (2).md', 'Thursday crew - next meeting 2026-09-15.md', 'keep.md']);
    expect(readFileSync(path.join(folder, 'keep.md'), 'utf8')).toBe('mine');
  });

  it('refuses a file as the folder, a relative path and an unknown crew, making nothing', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    const file = path.join(core.dataDir, 'a-file.txt');
    writeFileSync(file, 'x');
    expect(await core.send('crews.savePrepMarkdown', { id: crew.id, today, folder: file })).toMatchObject({ ok: false, error: { code: 'validation', field: 'folder' } });
    expect(await core.send('crews.savePrepMarkdown', { id: crew.id, today, folder: 'relative/folder' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'folder' } });
    const unmade = path.join(core.dataDir, 'for-nobody');
    expect(await core.send('crews.savePrepMarkdown', { id: '0190a5b2-0000-7000-8000-000000000000', today, folder: unmade })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(existsSync(unmade)).toBe(false);
  });
});
