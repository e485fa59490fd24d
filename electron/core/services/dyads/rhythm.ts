import { type Kysely, sql } from 'kysely';
import { addDays, daysBetween, type DyadStatus, type Rhythm } from '../../../../shared/domain/dyads';
import type { Database } from '../../db/schema';

/**
 * Every logged contact with a dyad's person, as rows of (dyad_id, contact_on): check-ins, and
 * crew meetings both I and they attended (issue #5).
 * To count another kind of contact, UNION ALL one
 * more select of those two columns here; the rhythm, the cards and "a while" all follow.
 */
function contactSources() {
  return sql`
    SELECT dyad_id, checkin_date AS contact_on FROM checkin WHERE deleted_at IS NULL
    UNION ALL
    SELECT dyad.id AS dyad_id, meeting.held_on AS contact_on
    FROM meeting
    JOIN meeting_checkin_note AS mine ON mine.meeting_id = meeting.id AND mine.attended = 1 AND mine.deleted_at IS NULL
    JOIN person AS me ON me.id = mine.person_id AND me.is_me = 1
    JOIN meeting_checkin_note AS theirs ON theirs.meeting_id = meeting.id AND theirs.attended = 1 AND theirs.deleted_at IS NULL
    JOIN dyad ON dyad.person_id = theirs.person_id AND dyad.deleted_at IS NULL
    WHERE meeting.deleted_at IS NULL
  `;
}

export interface RhythmFacts {
  dyad_id: string;
  last_contact_on: string | null;
  /** The latest check-in's date and the next date chosen in it, if any. */
  last_checkin_on: string | null;
  last_checkin_next: string | null;
}

/** The contact facts of the given dyads, in one query (no per-dyad round trips). */
export async function rhythmFacts(db: Kysely<Database>, dyadIds: readonly string[]): Promise<Map<string, RhythmFacts>> {
  const facts = new Map<string, RhythmFacts>();
  if (dyadIds.length === 0) return facts;
  const ids = sql.join(dyadIds.map((id) => sql`${id}`));
  const { rows } = await sql<RhythmFacts>`
    WITH contact AS (${contactSources()}),
    last_contact AS (
      SELECT dyad_id, max(contact_on) AS last_contact_on FROM contact WHERE dyad_id IN (${ids}) GROUP BY dyad_id
    ),
    latest AS (
      SELECT dyad_id, checkin_date, next_checkin_date,
        row_number() OVER (PARTITION BY dyad_id ORDER BY checkin_date DESC, id DESC) AS n
      FROM checkin WHERE deleted_at IS NULL AND dyad_id IN (${ids})
    )
    SELECT last_contact.dyad_id, last_contact.last_contact_on,
      latest.checkin_date AS last_checkin_on, latest.next_checkin_date AS last_checkin_next
    FROM last_contact LEFT JOIN latest ON latest.dyad_id = last_contact.dyad_id AND latest.n = 1
  `.execute(db);
  for (const row of rows) facts.set(row.dyad_id, row);
  return facts;
}

export interface RhythmInput {
  status: DyadStatus;
  rhythmDays: number | null;
  startedOn: string | null;
  facts: RhythmFacts | undefined;
  today: string;
}

/**
 * The next contact is hoped for at the last contact plus the rhythm; a next date chosen in the
 * latest check-in wins while that check-in is still the latest contact. Paused and closed dyads
 * have no next date at all: nothing is due while a dyad rests.
 */
export function rhythmOf({ status, rhythmDays, startedOn, facts, today }: RhythmInput): Rhythm {
  const lastContactOn = facts?.last_contact_on ?? null;
  let nextDueOn: string | null = null;
  if (status === 'active') {
    const chosen = facts?.last_checkin_next ?? null;
    if (chosen !== null && facts?.last_checkin_on === lastContactOn) nextDueOn = chosen;
    else if (rhythmDays !== null) {
      const base = lastContactOn ?? startedOn;
      if (base !== null) nextDueOn = addDays(base, rhythmDays);
    }
  }
  const daysPast = nextDueOn !== null && today > nextDueOn ? daysBetween(nextDueOn, today) : 0;
  return { lastContactOn, nextDueOn, daysPast };
}
