import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import type { CommitmentDirection, CommitmentStatus } from '../../../../shared/domain/dyads';
import type { TimelineItem, TimelinePage } from '../../../../shared/domain/people';
import type { Database } from '../../db/schema';
import { excerptOf } from '../dyads/checkins-service';
import { decodeCursor, encodeCursor } from '../dyads/cursor';
import { livePerson } from './people-service';

// A close is the last thing on its day, so it reads first (the timeline is newest first).
const rank: Record<TimelineItem['kind'], number> = { dyadClosed: 6, meeting: 5, checkin: 4, commitment: 3, entry: 2, dyad: 1 };

/** `%`, `_` and the escape itself match literally inside a LIKE pattern. */
function likeContaining(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const fewMentions = 2_000;

/** The name as an FTS5 phrase within entries, or null when it holds no word to look for. */
function mentionMatch(name: string) {
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  return `meta : "kentry" AND {title body} : ("${name.trim().replaceAll('"', '""')}"*)`;
}

/**
 * A person's timeline: every source is read newest first from the cursor on, one page (plus
 * one) each, then merged, so a page costs a few bounded index walks however long the history.
 * Crew meetings they attended (issue #5) are one more source.
 */
export function createPeopleTimeline(db: Kysely<Database>) {
  return async (input: ParsedInput<'people.timeline'>): Promise<TimelinePage> => {
    const person = await livePerson(db, input.id, 'id');
    const take = input.limit + 1;
    const cursor = input.after === undefined ? null : (decodeCursor(input.after, 3, 'after') as [string, string, string]);
    // Within a day a dyad's close reads first, then a crew meeting, a check-in, the commitments made
    // in it, entries, and a dyad's start.
    const before = (kind: TimelineItem['kind'], date: Expression<string>, id: Expression<string>) =>
      cursor === null ? sql<SqlBool>`1` : sql<SqlBool>`(${date}, ${rank[kind]}, ${id}) < (${cursor[0]}, ${Number(cursor[1])}, ${cursor[2]})`;

    const checkins = await db
      .selectFrom('checkin')
      .innerJoin('dyad', 'dyad.id', 'checkin.dyad_id')
      .select(['checkin.id', 'checkin.checkin_date as date', 'checkin.dyad_id', 'checkin.how', 'checkin.dial'])
      .select((eb) => eb.fn<string>('substr', ['checkin.i_heard', eb.val(1), eb.val(280)]).as('heard_start'))
      .select((eb) => eb.fn<string>('substr', ['checkin.i_shared', eb.val(1), eb.val(280)]).as('shared_start'))
      .where('dyad.person_id', '=', person.id)
      .where('dyad.deleted_at', 'is', null)
      .where('checkin.deleted_at', 'is', null)
      .where(before('checkin', sql.ref('checkin.checkin_date'), sql.ref('checkin.id')))
      .orderBy('checkin.checkin_date', 'desc')
      .orderBy('checkin.id', 'desc')
      .limit(take)
      .execute();

    const commitments = await db
      .selectFrom('commitment')
      .innerJoin('dyad', 'dyad.id', 'commitment.dyad_id')
      .select(['commitment.id', 'commitment.made_on as date', 'commitment.dyad_id', 'commitment.direction', 'commitment.text', 'commitment.status', 'commitment.outcome_note'])
      .where('dyad.person_id', '=', person.id)
      .where('dyad.deleted_at', 'is', null)
      .where('commitment.deleted_at', 'is', null)
      .where(before('commitment', sql.ref('commitment.made_on'), sql.ref('commitment.id')))
      .orderBy('commitment.made_on', 'desc')
      .orderBy('commitment.id', 'desc')
      .limit(take)
      .execute();

    const dyadDate = sql<string>`coalesce(dyad.started_on, substr(dyad.created_at, 1, 10))`;
    const dyads = await db
      .selectFrom('dyad')
      .select(['dyad.id', 'dyad.kind'])
      .select(dyadDate.as('date'))
      .where('dyad.person_id', '=', person.id)
      .where('dyad.deleted_at', 'is', null)
      .where(before('dyad', dyadDate, sql.ref('dyad.id')))
      .orderBy(dyadDate, 'desc')
      .orderBy('dyad.id', 'desc')
      .limit(take)
      .execute();

    const closedDate = sql<string>`dyad.closed_on`;
    const closes = await db
      .selectFrom('dyad')
      .select(['dyad.id', 'dyad.kind', 'dyad.closing_note'])
      .select(closedDate.as('date'))
      .where('dyad.person_id', '=', person.id)
      .where('dyad.deleted_at', 'is', null)
      .where('dyad.status', '=', 'closed')
      .where('dyad.closed_on', 'is not', null)
      .where(before('dyadClosed', closedDate, sql.ref('dyad.id')))
      .orderBy(closedDate, 'desc')
      .orderBy('dyad.id', 'desc')
      .limit(take)
      .execute();

    // Entries that mention them by name. The search index finds the candidates (the name as a
    // phrase, its last word as a prefix), so a name the journal never mentions costs nothing; a
    // walk of the whole journal took seconds at 100,000 entries (the benchmark). LIKE then keeps
    // the literal meaning: the name as written, case-insensitive for ASCII letters.
    const pattern = likeContaining(person.name.trim());
    const named = mentionMatch(person.name);
    const mentions = sql`(SELECT d.record_id FROM search_text m JOIN search_doc d ON d.doc_id = m.rowid WHERE search_text MATCH ${named} AND d.kind = 'entry')`;
    // Few mentions: look each up by id. Many: walk the date index with LIKE alone, which finds a
    // page within the first few thousand entries (listing every mention first cost more).
    const few =
      named !== null &&
      ((await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM search_text WHERE search_text MATCH ${named} LIMIT ${fewMentions})`.execute(db)).rows[0]?.n ?? 0) <
        fewMentions;
    const entries =
      person.is_me === 1
        ? []
        : await db
            .selectFrom('entry')
            .select(['id', 'entry_date as date', 'title'])
            .select((eb) => eb.fn<string>('substr', ['body', eb.val(1), eb.val(280)]).as('body_start'))
            .where('deleted_at', 'is', null)
            .where(sql<SqlBool>`(title LIKE ${pattern} ESCAPE '\\' OR body LIKE ${pattern} ESCAPE '\\')`)
            .$if(few, (query) => query.where(sql<SqlBool>`id IN ${mentions}`))
            .where(before('entry', sql.ref('entry_date'), sql.ref('id')))
            .orderBy('entry_date', 'desc')
            .orderBy('id', 'desc')
            .limit(take)
            .execute();

    const meetings = await db
      .selectFrom('meeting_checkin_note')
      .innerJoin('meeting', 'meeting.id', 'meeting_checkin_note.meeting_id')
      .innerJoin('crew', 'crew.id', 'meeting.crew_id')
      .select(['meeting.id', 'meeting.held_on as date', 'meeting.crew_id', 'meeting.number', 'crew.name as crew_name'])
      .where('meeting_checkin_note.person_id', '=', person.id)
      .where('meeting_checkin_note.attended', '=', 1)
      .where('meeting_checkin_note.deleted_at', 'is', null)
      .where('meeting.deleted_at', 'is', null)
      .where('crew.deleted_at', 'is', null)
      .where(before('meeting', sql.ref('meeting.held_on'), sql.ref('meeting.id')))
      .orderBy('meeting.held_on', 'desc')
      .orderBy('meeting.id', 'desc')
      .limit(take)
      .execute();

    const items: TimelineItem[] = [
      ...meetings.map(
        (row): TimelineItem => ({ kind: 'meeting', id: row.id, date: row.date, crewId: row.crew_id, crewName: row.crew_name, number: row.number }),
      ),
      ...checkins.map(
        (row): TimelineItem => ({
          kind: 'checkin',
          id: row.id,
          date: row.date,
          dyadId: row.dyad_id,
          how: row.how,
          dial: row.dial,
          excerpt: excerptOf(row.heard_start || row.shared_start),
        }),
      ),
      ...commitments.map(
        (row): TimelineItem => ({
          kind: 'commitment',
          id: row.id,
          date: row.date,
          dyadId: row.dyad_id,
          direction: row.direction as CommitmentDirection,
          text: row.text,
          status: row.status as CommitmentStatus,
          outcomeNote: row.outcome_note,
        }),
      ),
      ...dyads.map((row): TimelineItem => ({ kind: 'dyad', id: row.id, date: row.date, dyadKind: row.kind })),
      ...closes.map((row): TimelineItem => ({ kind: 'dyadClosed', id: row.id, date: row.date, dyadKind: row.kind, closingNote: row.closing_note })),
      ...entries.map((row): TimelineItem => ({ kind: 'entry', id: row.id, date: row.date, title: row.title, excerpt: excerptOf(row.body_start) })),
    ];
    items.sort((a, b) => {
      if (a.date !== b.date) return a.date < b.date ? 1 : -1;
      if (a.kind !== b.kind) return rank[b.kind] - rank[a.kind];
      return a.id < b.id ? 1 : -1;
    });
    const page = items.slice(0, input.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: items.length > input.limit && last ? encodeCursor([last.date, String(rank[last.kind]), last.id]) : null };
  };
}
