import { type Kysely, sql } from 'kysely';
import type { EntryKind, EntryPage, EntrySummary, RungId } from '../../../../shared/domain/journal';
import { LadderError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';
import { entryExcerpt } from '../../../../shared/text';
import { loadLinks } from './entry-links';

/** Listing entries: the journal, a part's history, a rung's reflections, on this day. */

export const excerptLength = 160;

export const excerptOf = entryExcerpt;

// A page cursor names the last entry shown; its parts match the list's sort order.
function encodeCursor(row: { entry_date: string; created_at: string; id: string }) {
  return [row.entry_date, row.created_at, row.id].join('|');
}

function decodeCursor(cursor: string): [string, string, string] {
  const parts = cursor.split('|');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    throw new LadderError('validation', 'That page of the journal could not be found.', 'after');
  }
  return parts as [string, string, string];
}

export interface EntryFilter {
  after?: string | undefined;
  limit: number;
  tag?: string | undefined;
  partId?: string | undefined;
  promptId?: string | undefined;
  rung?: RungId | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function summaryQuery(db: Kysely<Database>) {
  return (
    db
      .selectFrom('entry')
      .select(['id', 'title', 'entry_date', 'created_at', 'updated_at', 'kind', 'rung', 'prompt_id'])
      // Only the start of the body crosses to the UI; a page of long entries stays small.
      .select((eb) => eb.fn<string>('substr', ['body', eb.val(1), eb.val(excerptLength * 2)]).as('body_start'))
      .where('deleted_at', 'is', null)
  );
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

async function toSummaries(db: Kysely<Database>, rows: SummaryRow[]): Promise<EntrySummary[]> {
  const links = await loadLinks(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    excerpt: excerptOf(row.body_start),
    entryDate: row.entry_date,
    kind: row.kind as EntryKind,
    rung: row.rung as RungId | null,
    promptId: row.prompt_id,
    partIds: links.get(row.id)?.partIds ?? [],
    tags: links.get(row.id)?.tags ?? [],
    updatedAt: row.updated_at,
  }));
}

/** Newest first, a page at a time; every filter given must match. */
export async function listEntries(db: Kysely<Database>, filter: EntryFilter): Promise<EntryPage> {
  let query = summaryQuery(db);
  if (filter.partId !== undefined) {
    const partId = filter.partId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('entry_part').select('entry_id').where('part_id', '=', partId).where('deleted_at', 'is', null),
    );
  }
  if (filter.tag !== undefined) {
    const tag = filter.tag.trim();
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('entry_tag')
        .innerJoin('tag', 'tag.id', 'entry_tag.tag_id')
        .select('entry_tag.entry_id')
        .where(sql<boolean>`tag.name = ${tag} COLLATE NOCASE`)
        .where('tag.deleted_at', 'is', null)
        .where('entry_tag.deleted_at', 'is', null),
    );
  }
  if (filter.promptId !== undefined) query = query.where('prompt_id', '=', filter.promptId);
  if (filter.rung !== undefined) query = query.where('rung', '=', filter.rung);
  if (filter.from !== undefined) query = query.where('entry_date', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('entry_date', '<=', filter.to);
  if (filter.after !== undefined) {
    const [date, created, id] = decodeCursor(filter.after);
    query = query.where((eb) => eb(eb.refTuple('entry_date', 'created_at', 'id'), '<', eb.tuple(date, created, id)));
  }
  const rows = await query
    .orderBy('entry_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { entries: await toSummaries(db, page), nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null };
}

function isLeapYear(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** How far back "on this day" looks; nobody's journal is older, and it bounds the query. */
const yearsBack = 120;

/** Entries from the same day of the year in earlier years, newest first. 29 February shows on 28 February in other years. */
export async function onThisDay(db: Kysely<Database>, date: string, limit: number): Promise<EntrySummary[]> {
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  const oldest = await db.selectFrom('entry').select((eb) => eb.fn.min('entry_date').as('first')).where('deleted_at', 'is', null).executeTakeFirst();
  const firstYear = Math.max(Number(String(oldest?.first ?? date).slice(0, 4)), year - yearsBack);
  const days: string[] = [];
  for (let y = year - 1; y >= firstYear; y -= 1) {
    const yyyy = String(y).padStart(4, '0');
    if (monthDay !== '02-29' || isLeapYear(y)) days.push(`${yyyy}-${monthDay}`);
    if (monthDay === '02-28' && !isLeapYear(year) && isLeapYear(y)) days.push(`${yyyy}-02-29`);
  }
  if (days.length === 0) return [];
  const rows = await summaryQuery(db)
    .where('entry_date', 'in', days)
    .orderBy('entry_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return toSummaries(db, rows);
}
