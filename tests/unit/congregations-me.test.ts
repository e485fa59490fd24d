import { describe, expect, it } from 'vitest';
import { personLabel } from '../../shared/domain/people';
import { openTestCore } from '../support/core';

const today = '2026-11-26';

describe('the person marked as me, in a congregation and its gatherings', () => {
  it('is among the people I know there, and in my temporary crew, marked as me so lists can say "(you)"', async () => {
    const t = await openTestCore();
    const me = await t.call('people.create', { name: 'Ada Lovelace', isMe: true });
    const ben = await t.call('people.create', { name: 'Ben' });
    const cleo = await t.call('people.create', { name: 'Cleo' });
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-10' });
    await t.call('congregations.addPeople', { congregationId: c.id, personIds: [me.id, ben.id] });
    const g = await t.call('gatherings.create', {
      congregationId: c.id,
      name: 'Autumn gathering',
      heldOn: '2026-10-20',
      temporaryCrewIds: [me.id, ben.id],
      possibleCrewmateIds: [cleo.id],
    });
    expect(g.temporaryCrew).toEqual([
      { personId: me.id, name: 'Ada Lovelace', isMe: true },
      { personId: ben.id, name: 'Ben', isMe: false },
    ]);
    expect(g.possibleCrewmates).toEqual([{ personId: cleo.id, name: 'Cleo', isMe: false }]);

    const detail = await t.call('congregations.get', { id: c.id, today });
    // Once each: adding me to the gathering's crew did not list me twice.
    expect(detail.people.map(personLabel)).toEqual(['Ada Lovelace (you)', 'Ben', 'Cleo']);
    expect(detail.gatherings[0]!.temporaryCrew.map(personLabel)).toEqual(['Ada Lovelace (you)', 'Ben']);
  });
});

describe('the order people are listed in a congregation', () => {
  it('puts me first, as the pickers do, then the others by name whatever their case', async () => {
    const t = await openTestCore();
    const me = await t.call('people.create', { name: 'Zoë', isMe: true });
    const cleo = await t.call('people.create', { name: 'cleo' });
    const ben = await t.call('people.create', { name: 'Ben' });
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-10' });
    await t.call('congregations.addPeople', { congregationId: c.id, personIds: [cleo.id, ben.id, me.id] });
    const g = await t.call('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-10-20', temporaryCrewIds: [cleo.id, me.id, ben.id] });
    expect(g.temporaryCrew.map(personLabel)).toEqual(['Zoë (you)', 'Ben', 'cleo']);
    const detail = await t.call('congregations.get', { id: c.id, today });
    expect(detail.people.map(personLabel)).toEqual(['Zoë (you)', 'Ben', 'cleo']);
  });
});
