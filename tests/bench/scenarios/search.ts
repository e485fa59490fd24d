import { mergeAll, segmentCount } from '../../../electron/core/services/search/search-upkeep';
import { caller } from '../probes';
import { timed } from '../report';
import type { MeasureContext, Scenario } from './types';

/**
 * Search over everything written, as the search page asks (every kind's first page). The words
 * come from the journal's text (text.ts): "felt" is in a large share of entries, "allotment" in
 * few; "gratef" is typed half-way (the last word is matched as a prefix); a quoted phrase.
 */
const queries = [
  { id: 'search.common', label: 'search: a common word ("felt")', text: 'felt ' },
  { id: 'search.rare', label: 'search: a rare word ("allotment")', text: 'allotment ' },
  { id: 'search.prefix', label: 'search: a prefix while typing ("gratef")', text: 'gratef' },
  { id: 'search.phrase', label: 'search: a phrase ("showing up is most of it")', text: '"showing up is most of it"' },
] as const;

async function measure(context: MeasureContext) {
  const core = await context.openCore();
  const call = caller(core);
  // The saves measured before this left small index segments that the idle upkeep would merge
  // in the app's pauses; the benchmark has none, so it merges them here, untimed.
  const segments = segmentCount(core.archive.sqlite);
  await mergeAll(core.archive.sqlite);
  context.log(`  search: merged ${segments} index segments into ${segmentCount(core.archive.sqlite)} first`);
  try {
    const results = [];
    for (const query of queries) {
      let total = 0;
      const stats = await context.time(
        async () => {
          total = (await call('search.query', { text: query.text })).total;
        },
        { warmup: 5, reps: 50 },
      );
      results.push(timed(query.id, query.label, stats, 20, `${total.toLocaleString('en')} hits (each kind counted up to 1,000)`));
    }
    return results;
  } finally {
    await core.close();
  }
}

export const searchScenario: Scenario = { name: 'search', measure };
