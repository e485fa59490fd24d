import { type Kysely, sql } from 'kysely';
import { addDays, daysBetween, type DyadStatus, type Rhythm } from '../../../../shared/domain/dyads';
import type { Database } from '../../db/schema';

/**
 * Logged contacts with a dyad's person other than check-ins (those are read from their own
 * index, see rhythmFacts), as rows of (dyad_id, contact_on): crew meetings both I and they
 * attended (issue #5). To count another kind of contact, UNION ALL one more select of those two
 * columns here; the rhythm, the cards and "a while" all follow.
 */
function otherContacts() {
  return sql`
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
  // Per dyad, the latest check-in is the first entry of `checkin_by_dyad`; only the other
  // contacts are gathered and grouped. Ranking every check-in of every dyad (a window over the
  // whole table) took 120 ms at 20,000 check-ins in the benchmark; this is a few index seeks.
  const { rows } = await sql<RhythmFacts>`
    WITH met AS (
      SELECT dyad_id, max(contact_on) AS met_on FROM (${otherContacts()}) WHERE dyad_id IN (${ids}) GROUP BY dyad_id
    ),
    latest AS (
      SELECT d.id AS dyad_id,
        (SELECT c.id FROM checkin c WHERE c.dyad_id = d.id AND c.deleted_at IS NULL ORDER BY c.checkin_date DESC, c.id DESC LIMIT 1) AS checkin_id
      FROM dyad d WHERE d.id IN (${ids})
    )
    SELECT latest.dyad_id,
      CASE WHEN c.checkin_date IS NULL THEN met.met_on WHEN met.met_on IS NULL OR c.checkin_date >= met.met_on THEN c.checkin_date ELSE met.met_on END
        AS last_contact_on,
      c.checkin_date AS last_checkin_on, c.next_checkin_date AS last_checkin_next
    FROM latest
    LEFT JOIN checkin c ON c.id = latest.checkin_id
    LEFT JOIN met ON met.dyad_id = latest.dyad_id
    WHERE c.id IS NOT NULL OR met.met_on IS NOT NULL
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
