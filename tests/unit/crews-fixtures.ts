import type { TestCore } from '../support/core';

/** A crew of four: me, Ada, Bea and Cy, meeting every 2 weeks for 6 sessions. */
export async function crewOfFour(core: TestCore, extra: { cycleSessions?: number | null } = {}) {
  const me = await core.call('people.create', { name: 'Me', isMe: true });
  const [ada, bea, cy] = await Promise.all(['Ada', 'Bea', 'Cy'].map((name) => core.call('people.create', { name })));
  const crew = await core.call('crews.create', {
    name: 'Thursday crew',
    callerId: me.id,
    intention: 'Six case clinics',
    startedOn: '2026-09-01',
    rhythmDays: 14,
    cycleSessions: extra.cycleSessions ?? 6,
    memberIds: [me.id, ada!.id, bea!.id, cy!.id],
    agreements: ['What is said here stays here'],
  });
  return { crew, me, ada: ada!, bea: bea!, cy: cy! };
}
