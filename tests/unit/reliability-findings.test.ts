import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

/**
 * Bugs the reliability trials found in the core (issue #10), each pinned down by the smallest
 * input that shows it. They fail until the core is fixed; the trials find them again if not.
 */
describe('reliability findings', () => {
  it('answers any request name with an envelope, even one that cannot be turned into text', async () => {
    const { core } = await openTestCore();
    // {"name": {"toString": 1}} is valid JSON for the browser host and survives IPC's structured clone.
    for (const name of [{ toString: 1 }, [{ toString: 1 }], { toString: null, valueOf: null }]) {
      await expect(core.handle(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    }
  });

  it('answers a save with the text it stored, even when half an emoji is in it', async () => {
    const first = await openTestCore();
    // What a text field holds when an emoji (two UTF-16 units) is cut in half by a paste or an edit.
    const created = await first.call('journal.create', { title: 'broken \uD83D', body: 'tail \uDE00 first', entryDate: '2026-11-26' });
    // JSON.stringify writes a lone half as \udXXX and the replacement character as is, so the
    // difference is visible in the failure message (both print as � otherwise).
    expect(JSON.stringify(await first.call('journal.get', { id: created.id }))).toBe(JSON.stringify(created));
    const updated = await first.call('journal.update', { id: created.id, body: 'half \uD83C left' });
    const reopened = await first.reopen();
    expect(JSON.stringify(await reopened.call('journal.get', { id: created.id }))).toBe(JSON.stringify(updated));
  });

  it('cuts the journal list excerpt between characters, never inside one', async () => {
    const { call } = await openTestCore();
    // 158 letters, then an emoji across the cut at 159 UTF-16 units.
    await call('journal.create', { body: `${'a'.repeat(158)}🌱 and more words after the cut`, entryDate: '2026-11-26' });
    const { entries } = await call('journal.list', {});
    const excerpt = entries[0]?.excerpt ?? '';
    expect(excerpt, JSON.stringify(excerpt.slice(-3))).not.toMatch(/\p{Cs}/u);
  });
});
