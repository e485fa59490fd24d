import { describe, expect, it } from 'vitest';
import { isUnnamedMe, personLabel } from '../../shared/domain/people';
import { openTestCore } from '../support/core';

/** One way of naming "you": "Ana (you)", plain "Me" when I gave no name, everyone else by name. */
describe('personLabel', () => {
  it('marks me once, and never as "Me (you)"', () => {
    expect(personLabel({ name: 'Ana', isMe: true })).toBe('Ana (you)');
    expect(personLabel({ name: 'Me', isMe: true })).toBe('Me');
    expect(personLabel({ name: 'Sam', isMe: false })).toBe('Sam');
    expect(isUnnamedMe({ name: ' me ', isMe: true })).toBe(true);
    expect(isUnnamedMe({ name: 'Me', isMe: false })).toBe(false);
  });

  it('is what Search’s Person filter lists, and a network host says whether it is me', async () => {
    const { call } = await openTestCore();
    const ana = await call('people.create', { name: 'Ana', isMe: true });
    await call('people.create', { name: 'Sam' });
    const filters = await call('search.filters', {});
    expect(filters.facets.find((f) => f.facet === 'person')?.options.map((o) => o.label)).toEqual(['Ana (you)', 'Sam']);

    await call('people.update', { id: ana.id, name: 'Me' });
    const renamed = await call('search.filters', {});
    expect(renamed.facets.find((f) => f.facet === 'person')?.options.map((o) => o.label)).toEqual(['Me', 'Sam']);

    const network = await call('networks.create', { name: 'Microsolidarity' });
    await call('networks.addHost', { networkId: network.id, personId: ana.id });
    expect((await call('networks.get', { id: network.id })).hosts).toMatchObject([{ personId: ana.id, name: 'Me', isMe: true }]);
  });
});
