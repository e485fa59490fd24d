import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

async function withDyad(core: TestCore) {
  const ada = await core.call('people.create', { name: 'Ada' });
  return core.call('dyads.create', { personId: ada.id, kind: 'accountability_partner' });
}

describe('commitments', () => {
  it('are made in both directions and listed open, oldest first', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const mine = await core.call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Send the article', madeOn: '2026-11-02' });
    const theirs = await core.call('commitments.create', {
      dyadId: dyad.id,
      direction: 'theirs',
      text: 'Ask for the raise',
      madeOn: '2026-11-01',
      dueOn: '2026-12-01',
    });
    expect(mine).toMatchObject({ status: 'open', dueOn: null, outcomeNote: '', resolvedOn: null });
    expect((await core.call('commitments.list', { dyadId: dyad.id })).map((c) => c.id)).toEqual([theirs.id, mine.id]);
  });

  it('open → kept', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const c = await core.call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Send it', madeOn: '2026-11-01' });
    const { commitment, renewed } = await core.call('commitments.resolve', { id: c.id, status: 'kept', on: '2026-11-10' });
    expect(commitment).toMatchObject({ status: 'kept', resolvedOn: '2026-11-10' });
    expect(renewed).toBeNull();
    expect(await core.call('commitments.list', { dyadId: dyad.id })).toEqual([]);
  });

  it('open → renegotiated: the new terms carry on as an open commitment linked to the old', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const c = await core.call('commitments.create', { dyadId: dyad.id, direction: 'theirs', text: 'Run 3 times a week', madeOn: '2026-11-01' });
    const { commitment, renewed } = await core.call('commitments.resolve', {
      id: c.id,
      status: 'renegotiated',
      newTerms: 'Walk twice a week',
      newDueOn: '2026-12-15',
      on: '2026-11-15',
    });
    expect(commitment).toMatchObject({ status: 'renegotiated', outcomeNote: 'Walk twice a week', resolvedOn: '2026-11-15' });
    expect(renewed).toMatchObject({ status: 'open', direction: 'theirs', text: 'Walk twice a week', dueOn: '2026-12-15', renegotiatedFromId: c.id, madeOn: '2026-11-15' });
    expect((await core.call('commitments.list', { dyadId: dyad.id })).map((x) => x.text)).toEqual(['Walk twice a week']);
    expect((await core.call('commitments.list', { dyadId: dyad.id, which: 'all' })).map((x) => x.status)).toEqual(['open', 'renegotiated']);
  });

  it('open → released, only with a note', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const c = await core.call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Learn Portuguese', madeOn: '2026-11-01' });
    expect(await core.send('commitments.resolve', { id: c.id, status: 'released', note: ' ', on: '2026-11-10' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'note' },
    });
    const { commitment } = await core.call('commitments.resolve', { id: c.id, status: 'released', note: 'Not for this year', on: '2026-11-10' });
    expect(commitment).toMatchObject({ status: 'released', outcomeNote: 'Not for this year' });
  });

  it('never moves twice: a kept, renegotiated or released commitment stays as it was', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const c = await core.call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Send it', madeOn: '2026-11-01' });
    await core.call('commitments.resolve', { id: c.id, status: 'kept', on: '2026-11-10' });
    expect(await core.send('commitments.resolve', { id: c.id, status: 'released', note: 'oops', on: '2026-11-11' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'status' },
    });
    expect(await core.send('commitments.update', { id: c.id, text: 'changed' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await core.call('commitments.list', { dyadId: dyad.id, which: 'all' }))[0]).toMatchObject({ status: 'kept', text: 'Send it' });
  });

  it('reopens a kept or released commitment (the Undo after settling), and only a settled one', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const c = await core.call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Send it', madeOn: '2026-11-01' });
    expect(await core.send('commitments.reopen', { id: c.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    await core.call('commitments.resolve', { id: c.id, status: 'kept', note: 'Sent on Tuesday', on: '2026-11-10' });
    expect(await core.call('commitments.reopen', { id: c.id })).toEqual(c);
    expect(await core.call('commitments.list', { dyadId: dyad.id })).toEqual([c]);
    await core.call('commitments.resolve', { id: c.id, status: 'released', note: 'Not needed now', on: '2026-11-11' });
    expect(await core.call('commitments.reopen', { id: c.id })).toMatchObject({ status: 'open', outcomeNote: '', resolvedOn: null });
    // Settled again after the Undo, as if the first time never happened.
    const { commitment } = await core.call('commitments.resolve', { id: c.id, status: 'kept', on: '2026-11-12' });
    expect(commitment).toMatchObject({ status: 'kept', resolvedOn: '2026-11-12' });
    expect(await core.send('commitments.reopen', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });

  it('reopens a renegotiated commitment and takes its new terms away with it, in one go', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const c = await core.call('commitments.create', { dyadId: dyad.id, direction: 'theirs', text: 'Run 3 times a week', madeOn: '2026-11-01' });
    const { renewed } = await core.call('commitments.resolve', { id: c.id, status: 'renegotiated', newTerms: 'Walk twice a week', on: '2026-11-15' });
    expect(await core.call('commitments.reopen', { id: c.id })).toMatchObject({ status: 'open', outcomeNote: '', resolvedOn: null });
    expect(await core.call('commitments.list', { dyadId: dyad.id, which: 'all' })).toEqual([c]);
    expect(await core.send('commitments.update', { id: renewed!.id, text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // New terms that were kept since are history: the renegotiation stays, and nothing changes.
    const again = await core.call('commitments.resolve', { id: c.id, status: 'renegotiated', newTerms: 'Walk once a week', on: '2026-11-16' });
    await core.call('commitments.resolve', { id: again.renewed!.id, status: 'kept', on: '2026-11-20' });
    expect(await core.send('commitments.reopen', { id: c.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    expect((await core.call('commitments.list', { dyadId: dyad.id, which: 'all' })).map((x) => [x.text, x.status])).toEqual([
      ['Walk once a week', 'kept'],
      ['Run 3 times a week', 'renegotiated'],
    ]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const other = await withDyad(core);
    const checkin = await core.call('checkins.create', { dyadId: other.id, checkinDate: '2026-11-01' });
    const base = { dyadId: dyad.id, direction: 'mine' as const, text: 'x', madeOn: '2026-11-10' };
    expect(await core.send('commitments.create', { ...base, dueOn: '2026-11-09' })).toMatchObject({ ok: false, error: { field: 'dueOn' } });
    expect(await core.send('commitments.create', { ...base, checkinId: checkin.id })).toMatchObject({ ok: false, error: { field: 'checkinId' } });
    expect(await core.send('commitments.create', { ...base, text: '' })).toMatchObject({ ok: false, error: { field: 'text' } });
    expect(await core.send('commitments.create', { ...base, direction: 'ours' as never })).toMatchObject({ ok: false, error: { field: 'direction' } });
    const c = await core.call('commitments.create', base);
    expect(await core.send('commitments.resolve', { id: c.id, status: 'renegotiated', newTerms: 'y', newDueOn: '2026-11-01', on: '2026-11-12' })).toMatchObject({
      ok: false,
      error: { field: 'newDueOn' },
    });
    expect(await core.call('commitments.list', { dyadId: dyad.id, which: 'all' })).toEqual([c]);
  });
});
