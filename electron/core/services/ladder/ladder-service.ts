import { type Kysely, sql } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { addDays, followUpAfterDays, followUpRestsAfterDays } from '../../../../shared/domain/congregations';
import { type CrewStage, cycleProgress } from '../../../../shared/domain/crews';
import type { DyadStatus } from '../../../../shared/domain/dyads';
import type { RungId } from '../../../../shared/domain/journal';
import type { BelongingMap, LadderSummary, RungNumbers } from '../../../../shared/domain/ladder';
import type { Database } from '../../db/schema';
import { rhythmFacts, rhythmOf } from '../dyads/rhythm';
import { signalsFrom } from './signals';

/** The map and the home stay bounded even for a very full life. */
const mapCap = 500;

const pastStages = ['split', 'closed'];

export function createLadderService(db: Kysely<Database>) {
  async function counts() {
    const { rows } = await sql<{
      parts: number;
      dyads: number;
      congregations: number;
      congregation_crews: number;
      networks: number;
      hosts: number;
      entries: number;
      people: number;
    }>`
      SELECT
        (SELECT count(*) FROM part WHERE deleted_at IS NULL) AS parts,
        -- A deleted person's dyads stay (Undo brings them back) but are no one's now.
        (SELECT count(*) FROM dyad JOIN person p ON p.id = dyad.person_id
           WHERE dyad.deleted_at IS NULL AND p.deleted_at IS NULL AND dyad.status = 'active') AS dyads,
        (SELECT count(*) FROM congregation WHERE deleted_at IS NULL) AS congregations,
        (SELECT count(DISTINCT cc.crew_id) FROM congregation_crew cc
           JOIN congregation c ON c.id = cc.congregation_id JOIN crew ON crew.id = cc.crew_id
           WHERE cc.deleted_at IS NULL AND c.deleted_at IS NULL AND crew.deleted_at IS NULL) AS congregation_crews,
        (SELECT count(*) FROM network WHERE deleted_at IS NULL) AS networks,
        (SELECT count(DISTINCT h.person_id) FROM network_host h JOIN network n ON n.id = h.network_id JOIN person p ON p.id = h.person_id
           WHERE h.deleted_at IS NULL AND n.deleted_at IS NULL AND p.deleted_at IS NULL) AS hosts,
        EXISTS (SELECT 1 FROM entry WHERE deleted_at IS NULL) AS entries,
        EXISTS (SELECT 1 FROM person WHERE deleted_at IS NULL) AS people
    `.execute(db);
    return rows[0] as NonNullable<(typeof rows)[0]>;
  }

  /** The latest day anything happened on each rung, in one query of indexed maxima. Days still ahead
   * (a planned gathering, a year typed wrong) have not happened yet, so they never count. */
  async function lastActivity(today: string): Promise<Record<RungId, string | null>> {
    const entryOn = (rung: RungId) => sql`(SELECT max(entry_date) FROM entry WHERE deleted_at IS NULL AND rung = ${rung} AND entry_date <= ${today})`;
    const { rows } = await sql<Record<RungId, string | null>>`
      SELECT
        max(
          coalesce((SELECT entry_date FROM entry WHERE deleted_at IS NULL AND (rung IS NULL OR rung = 'self') AND entry_date <= ${today}
                    ORDER BY entry_date DESC LIMIT 1), ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM part WHERE deleted_at IS NULL), '')
        ) AS self,
        max(
          coalesce(${entryOn('dyads')}, ''),
          coalesce((SELECT max(checkin_date) FROM checkin WHERE deleted_at IS NULL AND checkin_date <= ${today}), ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM dyad WHERE deleted_at IS NULL), '')
        ) AS dyads,
        max(
          coalesce(${entryOn('crews')}, ''),
          coalesce((SELECT max(held_on) FROM meeting WHERE deleted_at IS NULL AND held_on <= ${today}), ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM crew WHERE deleted_at IS NULL), '')
        ) AS crews,
        max(
          coalesce(${entryOn('congregations')}, ''),
          coalesce((SELECT max(held_on) FROM gathering WHERE deleted_at IS NULL AND held_on <= ${today}), ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM congregation WHERE deleted_at IS NULL), ''),
          coalesce((SELECT max(shared_on) FROM shared_lesson WHERE deleted_at IS NULL AND shared_on <= ${today}), '')
        ) AS congregations,
        max(
          coalesce(${entryOn('network')}, ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM network WHERE deleted_at IS NULL), ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM adapted_practice WHERE deleted_at IS NULL), ''),
          coalesce((SELECT substr(max(updated_at), 1, 10) FROM network_host WHERE deleted_at IS NULL), '')
        ) AS network
    `.execute(db);
    const row = rows[0] as Record<RungId, string | null>;
    const clean = (value: string | null) => (value === '' || value === null ? null : value);
    return { self: clean(row.self), dyads: clean(row.dyads), crews: clean(row.crews), congregations: clean(row.congregations), network: clean(row.network) };
  }

  async function activeCrews(today: string) {
    const rows = await db
      .selectFrom('crew')
      .select([
        'id',
        'name',
        'stage',
        'cycle',
        'cycle_sessions',
        'cycle_end_on',
        sql<number>`(SELECT count(*) FROM meeting m WHERE m.crew_id = crew.id AND m.cycle = crew.cycle AND m.deleted_at IS NULL)`.as('held'),
        sql<number>`EXISTS (SELECT 1 FROM retrospective r WHERE r.crew_id = crew.id AND r.cycle = crew.cycle AND r.deleted_at IS NULL)`.as('looked_back'),
      ])
      .where('deleted_at', 'is', null)
      .where('stage', 'not in', pastStages)
      .orderBy(sql`name COLLATE NOCASE`)
      .limit(mapCap)
      .execute();
    return rows.map((row) => {
      const stage = row.stage as CrewStage;
      const progress = cycleProgress({ cycle: row.cycle, held: Number(row.held), sessions: row.cycle_sessions, endOn: row.cycle_end_on, today });
      // Calling, forming and paused crews have nothing to look back on yet; a cycle already looked
      // back on (a crew reopened after its retrospective closed it) is not due again.
      const retroDue = !row.looked_back && (stage === 'retrospective' || ((stage === 'meeting' || stage === 'continuing') && progress.complete));
      return { id: row.id, name: row.name, stage, retroDue };
    });
  }

  async function dyadsPastRhythm(today: string) {
    const dyads = await db
      .selectFrom('dyad')
      .innerJoin('person', 'person.id', 'dyad.person_id')
      .select(['dyad.id', 'dyad.status', 'dyad.rhythm_days', 'dyad.started_on', 'person.name'])
      .where('dyad.deleted_at', 'is', null)
      .where('person.deleted_at', 'is', null)
      .where('dyad.status', '=', 'active')
      .orderBy(sql`person.name COLLATE NOCASE`)
      .limit(mapCap)
      .execute();
    const facts = await rhythmFacts(
      db,
      dyads.map((d) => d.id),
    );
    return dyads
      .filter(
        (d) => rhythmOf({ status: d.status as DyadStatus, rhythmDays: d.rhythm_days, startedOn: d.started_on, facts: facts.get(d.id), today }).daysPast > 0,
      )
      .map((d) => ({ dyadId: d.id, personName: d.name }));
  }

  return {
    summary: async (input: ParsedInput<'ladder.summary'>): Promise<LadderSummary> => {
      const today = input.today;
      const [count, last, crews, pastRhythm, congregations, wroteThisWeek, gatherings] = await Promise.all([
        counts(),
        lastActivity(today),
        activeCrews(today),
        dyadsPastRhythm(today),
        db
          .selectFrom('congregation')
          .select(['id', 'name'])
          .where('deleted_at', 'is', null)
          .orderBy(sql`name COLLATE NOCASE`)
          .limit(mapCap)
          .execute(),
        db
          .selectFrom('entry')
          .select('id')
          .where('deleted_at', 'is', null)
          .where('entry_date', '>=', addDays(today, -6))
          .where('entry_date', '<=', today)
          .limit(1)
          .executeTakeFirst(),
        db
          .selectFrom('gathering as g')
          .innerJoin('congregation as c', 'c.id', 'g.congregation_id')
          .select(['g.id', 'g.name', 'g.congregation_id', 'c.name as congregation_name'])
          .where('g.deleted_at', 'is', null)
          .where('c.deleted_at', 'is', null)
          .where('g.followed_up_on', 'is', null)
          .where('g.held_on', '<=', addDays(today, -followUpAfterDays))
          .where('g.held_on', '>=', addDays(today, -followUpRestsAfterDays))
          .orderBy('g.held_on', 'desc')
          .limit(10)
          .execute(),
      ]);
      const byStage: Partial<Record<CrewStage, number>> = {};
      for (const crew of crews) byStage[crew.stage] = (byStage[crew.stage] ?? 0) + 1;
      const numbers: RungNumbers = {
        self: { partsKnown: Number(count.parts) },
        dyads: { active: Number(count.dyads) },
        crews: { active: crews.length, byStage },
        congregations: { count: Number(count.congregations), crews: Number(count.congregation_crews) },
        network: { count: Number(count.networks), hosts: Number(count.hosts) },
      };
      const signals = signalsFrom({
        congregations,
        activeCrewCount: crews.length,
        retrospectivesDue: crews.filter((c) => c.retroDue).map((c) => ({ crewId: c.id, name: c.name })),
        dyadsPastRhythm: pastRhythm,
        hasWritten: Number(count.entries) === 1,
        wroteThisWeek: wroteThisWeek !== undefined,
        gatheringsToLookBack: gatherings.map((g) => ({ gatheringId: g.id, name: g.name, congregationId: g.congregation_id, congregationName: g.congregation_name })),
      });
      const empty =
        Number(count.entries) === 0 &&
        Number(count.people) === 0 &&
        numbers.self.partsKnown === 0 &&
        crews.length === 0 &&
        numbers.congregations.count === 0 &&
        numbers.network.count === 0;
      return { numbers, lastActivity: last, signals, empty };
    },

    map: async (): Promise<BelongingMap> => {
      const [me, dyads, crews, congregations] = await Promise.all([
        db.selectFrom('person').select('name').where('is_me', '=', 1).where('deleted_at', 'is', null).executeTakeFirst(),
        db
          .selectFrom('dyad')
          .innerJoin('person', 'person.id', 'dyad.person_id')
          .select(['dyad.id', 'person.name', 'dyad.kind', 'dyad.status'])
          .where('dyad.deleted_at', 'is', null)
          .where('person.deleted_at', 'is', null)
          .where('dyad.status', '!=', 'closed')
          .orderBy(sql`person.name COLLATE NOCASE`)
          .limit(mapCap)
          .execute(),
        db
          .selectFrom('crew')
          .select([
            'id',
            'name',
            'stage',
            sql<number>`(SELECT count(*) FROM crew_member m WHERE m.crew_id = crew.id AND m.deleted_at IS NULL)`.as('people'),
          ])
          .where('deleted_at', 'is', null)
          .where('stage', 'not in', pastStages)
          .orderBy(sql`name COLLATE NOCASE`)
          .limit(mapCap)
          .execute(),
        db
          .selectFrom('congregation')
          .select([
            'id',
            'name',
            'role',
            'size',
            sql<number>`(SELECT count(*) FROM congregation_person p WHERE p.congregation_id = congregation.id AND p.deleted_at IS NULL)`.as('people'),
          ])
          .where('deleted_at', 'is', null)
          .orderBy(sql`name COLLATE NOCASE`)
          .limit(mapCap)
          .execute(),
      ]);
      return {
        me: me?.name ?? null,
        dyads: dyads.map((d) => ({ id: d.id, name: d.name, note: d.status === 'paused' ? 'resting' : d.kind.replaceAll('_', ' '), people: 1 })),
        crews: crews.map((c) => ({ id: c.id, name: c.name, note: c.stage, people: Number(c.people) })),
        congregations: congregations.map((c) => ({ id: c.id, name: c.name, note: c.role, people: c.size ?? Number(c.people) })),
      };
    },
  };
}
