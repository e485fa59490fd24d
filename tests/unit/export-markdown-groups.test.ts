import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { withExport } from '../support/transfer';

/**
 * "Your words are yours": what a person writes about people and groups, and about themselves,
 * reaches the Markdown files too, not only the JSON (found missing by a new user, ux16 #8).
 */
describe('the Markdown export of people, dyads, crews, congregations and networks', () => {
  it('writes every word written about them, each in its rung', async () => {
    const test = await openTestCore();
    const me = await test.call('people.create', { name: 'Ana Ruiz', isMe: true });
    const sam = await test.call('people.create', { name: 'Sam', howWeMet: 'At the Lisbon gathering', notes: 'Loves long walks.', birthday: '1990-04-02' });
    const critic = await test.call('parts.create', { name: 'Inner critic', role: 'manager' });
    const little = await test.call('parts.create', { name: 'Little me', role: 'exile' });
    await test.call('parts.relate', { partId: critic.id, otherPartId: little.id, kind: 'protects' });
    await test.call('journal.create', { title: 'Morning', body: 'Calmer today.', entryDate: '2026-11-20', selfEnergy: { calm: 4, curiosity: 3 } });

    const dyad = await test.call('dyads.create', { personId: sam.id, kind: 'peer_coach', intention: 'Keep each other honest', startedOn: '2026-09-01', agreements: ['Say when it is too much'] });
    const checkin = await test.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01', offersAsksFromMe: 'I can read your draft', partIds: [critic.id] });
    const mine = await test.call('commitments.create', { dyadId: dyad.id, checkinId: checkin.id, direction: 'mine', text: 'Send the draft', madeOn: '2026-10-01' });
    await test.call('commitments.create', { dyadId: dyad.id, checkinId: checkin.id, direction: 'theirs', text: 'Share the podcast link', madeOn: '2026-10-01' });
    await test.call('commitments.resolve', { id: mine.id, status: 'released', note: 'It was not the right time', on: '2026-10-10' });

    const crew = await test.call('crews.create', { name: 'Tuesday crew', callerId: me.id, intention: 'Six case clinics', startedOn: '2026-09-01', memberIds: [me.id, sam.id], agreements: ['Phones away'] });
    await test.call('crews.saveCase', { crewId: crew.id, situation: 'My team lead role is eating my evenings' });
    await test.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-11-01', note: 'We did what we came for.' });

    const porto = await test.call('congregations.create', { name: 'Porto Circle', about: 'Neighbours learning together', role: 'member', since: '2026-01-05' });
    await test.call('congregations.addPeople', { congregationId: porto.id, personIds: [sam.id] });
    await test.call('congregations.setRole', { id: porto.id, role: 'host', on: '2026-06-01', note: 'Asked to host the spring one' });
    const network = await test.call('networks.create', { name: 'Hosts circle', notes: 'Monthly calls on the first Monday.' });
    await test.call('networks.addHost', { networkId: network.id, personId: sam.id, note: 'Hosts the Porto calls' });

    await withExport(test, ({ files, read }) => {
      expect(files).toEqual(
        expect.arrayContaining([
          'people/Sam.md',
          'people/Ana Ruiz.md',
          'dyads/Sam (peer coach).md',
          'crews/Tuesday crew/Tuesday crew.md',
          'congregations/Porto Circle/Porto Circle.md',
          'network/Hosts circle/Hosts circle.md',
        ]),
      );
      const person = read('people/Sam.md');
      expect(person).toContain('birthday: "1990-04-02"');
      expect(person).toContain('## How we met\n\nAt the Lisbon gathering');
      expect(person).toContain('## Notes\n\nLoves long walks.');

      const pair = read('dyads/Sam (peer coach).md');
      expect(pair).toContain('## Intention\n\nKeep each other honest');
      expect(pair).toContain('## Agreements\n\n- Say when it is too much');
      expect(pair).toContain('## What I committed to\n\n- 2026-10-01: Send the draft. released on 2026-10-10: It was not the right time');
      expect(pair).toContain('## What Sam committed to\n\n- 2026-10-01: Share the podcast link. open');

      const crewFile = read('crews/Tuesday crew/Tuesday crew.md');
      expect(crewFile).toContain('members: ["Ana Ruiz","Sam"]');
      expect(crewFile).toContain('## Agreements\n\n- Phones away');
      expect(crewFile).toContain('**The situation:** My team lead role is eating my evenings');
      expect(crewFile).toMatch(/## Stages\n\n- 2026-09-01: calling\n- 2026-11-01: closed\. We did what we came for\./);
      expect(crewFile).toContain('## Closing note\n\nWe did what we came for.');

      const congregation = read('congregations/Porto Circle/Porto Circle.md');
      expect(congregation).toContain('my_role: "Host"');
      expect(congregation).toContain('people_i_know: ["Sam"]');
      expect(congregation).toContain('- 2026-06-01: Host. Asked to host the spring one');

      const hosts = read('network/Hosts circle/Hosts circle.md');
      expect(hosts).toContain('## Hosts\n\n- Sam: Hosts the Porto calls');
      expect(hosts).toContain('## Notes\n\nMonthly calls on the first Monday.');

      // Records written before had words left out too.
      const checkinFile = read('dyads/check-ins/2026-10-01 Sam.md');
      expect(checkinFile).toContain('parts: ["Inner critic"]');
      expect(checkinFile).toContain('## Offers and asks from me\n\nI can read your draft');
      expect(checkinFile).toContain('## I committed to\n\n- Send the draft (released)');
      expect(read('self/journal/2026-11-20 Morning.md')).toContain('## Self-energy\n\n- Calm: 4\n- Curiosity: 3');
      expect(read('self/parts/Inner critic.md')).toContain('## Relations\n\n- Protects Little me');
      expect(read('self/parts/Little me.md')).toContain('## Relations\n\n- Protected by Inner critic');
    });
  });
});
