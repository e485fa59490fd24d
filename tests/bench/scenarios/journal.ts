import type { Core } from '../../../electron/core';
import type { RequestInput } from '../../../shared/contract';
import type { Entry } from '../../../shared/domain/journal';
import { measuringStarts } from '../generate';
import { type Call, caller } from '../probes';
import type { Random } from '../random';
import { timed } from '../report';
import { entryBody, entryTitle } from '../text';
import type { MeasureContext, Scenario, SeedContext } from './types';

const batchSize = 5_000;
const dayMs = 24 * 60 * 60 * 1000;
// People write mostly in the morning and the evening.
const writingHours = [6, 7, 7, 8, 8, 9, 12, 13, 17, 19, 20, 21, 21, 22, 22, 23];
/** How deep the "page deep in history" starts, as a share of the journal. */
const deepShare = 0.9;

function isoDay(at: Date) {
  return at.toISOString().slice(0, 10);
}

/** When each entry was written: random days over the history, in the order they were written
 * (ids are UUIDv7 from the clock, so writing in time order keeps them consistent). */
function writingTimes(random: Random, count: number, history: SeedContext['history']) {
  const days = Math.floor((history.end.getTime() - history.start.getTime()) / dayMs);
  const times = Array.from({ length: count }, () => {
    const day = history.start.getTime() + random.int(0, days - 1) * dayMs;
    return day + random.pick(writingHours) * 3_600_000 + random.int(0, 3_599_999);
  });
  return times.sort((a, b) => a - b);
}

async function seed({ call, random, clock, entries, history, inBatch, log }: SeedContext) {
  // One entry in a hundred is deleted again, so the journal's partial index has gaps to skip.
  const deletedCount = Math.floor(entries / 100);
  const total = entries + deletedCount;
  const times = writingTimes(random, total, history);
  const doomed = new Set<number>();
  while (doomed.size < deletedCount) doomed.add(random.int(0, total - 1));
  const doomedIds: string[] = [];

  for (let from = 0; from < total; from += batchSize) {
    await inBatch(async () => {
      for (let i = from; i < Math.min(from + batchSize, total); i += 1) {
        const at = new Date(times[i] ?? 0);
        clock.set(at);
        // Some entries are written a day or two after the day they are about.
        const day = random.chance(0.05) ? new Date(at.getTime() - random.int(1, 3) * dayMs) : at;
        const entry = await call('journal.create', { title: entryTitle(random, day), body: entryBody(random), entryDate: isoDay(day) });
        if (doomed.has(i)) doomedIds.push(entry.id);
      }
    });
    log(`  journal: ${Math.min(from + batchSize, total).toLocaleString('en')} / ${total.toLocaleString('en')} entries`);
  }
  await inBatch(async () => {
    for (const id of doomedIds) await call('journal.delete', { id });
  });
  return { entries, 'deleted entries': deletedCount };
}

/** The cursor of the page that starts `depth` entries down, reached the way the UI would. */
async function cursorAt(call: Call, depth: number) {
  let cursor: string | undefined;
  let seen = 0;
  while (seen < depth) {
    const page = await call('journal.list', { limit: Math.min(200, depth - seen), ...(cursor === undefined ? {} : { after: cursor }) });
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
    seen += page.entries.length;
  }
  return { cursor, seen };
}

/** Autosave sends the whole entry again with a few more words; a new entry is a whole text. */
async function measureSaves(context: MeasureContext, core: Core, drafts: Entry[]) {
  const call = caller(core);
  const words = [' and', ' then', ' I', ' noticed', ' it', ' again.'];
  const bodies = drafts.map((draft) => draft.body);
  const update = await context.time(
    (i) => {
      const at = i % drafts.length;
      bodies[at] += words[i % words.length] ?? '';
      return call('journal.update', { id: drafts[at]?.id ?? '', body: bodies[at] });
    },
    { warmup: 20, reps: 300 },
  );
  const newEntries: RequestInput<'journal.create'>[] = Array.from({ length: 50 }, () => ({
    title: entryTitle(context.random, new Date(measuringStarts)),
    body: entryBody(context.random),
    entryDate: measuringStarts.slice(0, 10),
  }));
  const create = await context.time((i) => call('journal.create', newEntries[i % newEntries.length] ?? { entryDate: '2026-11-27' }), {
    warmup: 20,
    reps: 300,
  });
  return { update, create };
}

async function measure(context: MeasureContext) {
  let core = await context.openCore();
  const call = caller(core);
  const first = await context.time(() => call('journal.list', {}), { warmup: 20, reps: 300 });

  const { cursor, seen } = await cursorAt(call, Math.floor(context.entries * deepShare));
  const deep = await context.time(() => call('journal.list', cursor === undefined ? {} : { after: cursor }), { warmup: 20, reps: 300 });

  // The newest entries are the ones people go back to and keep writing in.
  const recent = (await call('journal.list', { limit: 10 })).entries;
  const drafts: Entry[] = [];
  for (const summary of recent) drafts.push(await call('journal.get', { id: summary.id }));
  const full = await measureSaves(context, core, drafts);
  await core.close();

  // The same file reopened with synchronous = NORMAL, for comparison only: the app uses FULL.
  core = await context.openCore();
  core.archive.sqlite.pragma('synchronous = NORMAL');
  const normal = await measureSaves(context, core, drafts);
  await core.close();

  return [
    timed('journal.list.first', 'journal first page (50 newest)', first, 5),
    timed('journal.list.deep', `journal page ${seen.toLocaleString('en')} entries deep`, deep, 5),
    timed('journal.update', 'save entry (journal.update), sync FULL', full.update, 10),
    timed('journal.update.normal', 'save entry (journal.update), sync NORMAL', normal.update),
    timed('journal.create', 'new entry (journal.create), sync FULL', full.create, 10),
    timed('journal.create.normal', 'new entry (journal.create), sync NORMAL', normal.create),
  ];
}

export const journalScenario: Scenario = { name: 'journal', seed, measure };
