import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../shared/domain/search';
import { fixturePath } from '../fixtures/make-archive';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

/** Search shows the words the app uses for a stored code, never the code itself. */

function snippets(results: SearchResults, kind: string) {
  return (results.groups.find((group) => group.kind === kind)?.hits ?? []).map((hit) => hit.snippet.map((piece) => piece.text).join(''));
}

describe('search indexes labels, not stored codes', () => {
  it('for a part, a dyad and what is written from now on', async () => {
    const test = await openTestCore();
    await test.call('parts.create', { name: 'The planner', notes: 'Keeps lists so nothing surprises me' });
    const person = await test.call('people.create', { name: 'Sam' });
    await test.call('dyads.create', { personId: person.id, kind: 'peer_coach', intention: 'Weekly walks by the river' });

    const part = snippets(await test.call('search.query', { text: 'surprises' }), 'part');
    expect(part).toHaveLength(1);
    expect(part[0]).not.toMatch(/unknown/);
    const dyad = snippets(await test.call('search.query', { text: 'walks' }), 'dyad');
    expect(dyad[0]).toMatch(/Peer coach/);
    expect(dyad[0]).not.toMatch(/peer_coach/);
    expect(snippets(await test.call('search.query', { text: 'coach' }), 'dyad')).toHaveLength(1);
  });

  it('for what an older archive had indexed, relabelled when it is updated', async () => {
    const temp = makeTempDir('ladder-labels-');
    try {
      copyFileSync(fixturePath('0014'), path.join(temp.dir, 'ladder.sqlite3'));
      const test = await openTestCore(temp.dir);
      // The fixture's retrospective decided on a new cycle; its part's role is "manager".
      const retro = snippets(await test.call('search.query', { text: 'Rotating hosts' }), 'retrospective');
      expect(retro.join(' ')).not.toMatch(/new_cycle/);
      const bodies = test.core.archive.sqlite
        .prepare("SELECT t.body FROM search_text t JOIN search_doc d ON d.doc_id = t.rowid WHERE d.kind IN ('retrospective', 'dyad', 'part')")
        .pluck()
        .all() as string[];
      expect(bodies.length).toBeGreaterThan(2);
      expect(bodies.join('\n')).not.toMatch(/new_cycle|peer_coach|accountability_partner|creative_partner|\bunknown\b/);
      expect(bodies.join('\n')).toMatch(/Start a new cycle/);
      await test.core.close();
    } finally {
      temp.remove();
    }
  });
});
