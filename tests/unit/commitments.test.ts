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
