import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type CrewStage, type Meeting, pastStages } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { liveCrew } from './crew-rows';
import { meetingOf } from './meeting-of';

/** Changing a held meeting afterwards, deleting it and bringing it back (the toast's Undo). */
export function createMeetingEdits(db: Kysely<Database>, clock: Clock) {
  async function liveMeeting(trx: Kysely<Database>, id: string) {
    const row = await trx.selectFrom('meeting').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That meeting is not in your archive (or was deleted).', 'id');
    return row;
  }

  return {
    update: async (input: ParsedInput<'meetings.update'>): Promise<Meeting> =>
      db.transaction().execute(async (trx) => {
        const row = await liveMeeting(trx, input.id);
        await liveCrew(trx, row.crew_id, 'id');
        // The people of a meeting are those who were members when it was held.
        const rows = await trx.selectFrom('meeting_checkin_note').selectAll().where('meeting_id', '=', row.id).where('deleted_at', 'is', null).execute();
        const people = new Set(rows.map((r) => r.person_id));
        const requireThen = (personId: string, field: string, role: string) => {
          if (!people.has(personId)) throw new LadderError('validation', `The ${role} must have been a member of the crew at this meeting.`, field);
        };
        if (input.hostId) requireThen(input.hostId, 'hostId', 'host');
        if (input.focusId) requireThen(input.focusId, 'focusId', 'focus (case-giver)');
        input.checkins?.forEach((c, i) => requireThen(c.personId, `checkins.${i}.personId`, 'person checking in'));

        const now = clock.now();
        let covering: string[] = [];
        let uncovering: string[] = [];
        if (input.coveredAgendaItemIds) {
          const wanted = [...new Set(input.coveredAgendaItemIds)];
          const [covered, open] = await Promise.all([
            trx.selectFrom('agenda_item').select('id').where('covered_meeting_id', '=', row.id).where('status', '=', 'covered').where('deleted_at', 'is', null).execute(),
            trx
              .selectFrom('agenda_item')
              .select('id')
              .where('crew_id', '=', row.crew_id)
              .where('status', '=', 'open')
              .where('first_number', '<=', row.number)
              .where('deleted_at', 'is', null)
              .execute(),
          ]);
          const had = new Set(covered.map((c) => c.id));
          const coverable = new Set(open.map((o) => o.id));
          const bad = wanted.findIndex((aid) => !had.has(aid) && !coverable.has(aid));
          if (bad >= 0) throw new LadderError('not_found', 'That agenda item was not open on this crew’s agenda at this meeting.', `coveredAgendaItemIds.${bad}`);
          covering = wanted.filter((aid) => !had.has(aid));
          uncovering = [...had].filter((aid) => !wanted.includes(aid));
        }
        const partIds = input.partIds ? [...new Set(input.partIds)] : null;
        if (partIds && partIds.length > 0) {
          const found = await trx.selectFrom('part').select('id').where('id', 'in', partIds).where('deleted_at', 'is', null).execute();
          const known = new Set(found.map((r) => r.id));
          const bad = partIds.findIndex((pid) => !known.has(pid));
          if (bad >= 0) throw new LadderError('not_found', 'That part is not in your archive (or was deleted).', `partIds.${bad}`);
        }

        await trx
          .updateTable('meeting')
          .set({
            held_on: input.heldOn ?? row.held_on,
            place: input.place ?? row.place,
            host_id: input.hostId === undefined ? row.host_id : input.hostId,
            focus_id: input.focusId === undefined ? row.focus_id : input.focusId,
            notes: input.notes ?? row.notes,
            updated_at: now,
          })
          .where('id', '=', row.id)
          .execute();
        for (const checkin of input.checkins ?? []) {
          const current = rows.find((r) => r.person_id === checkin.personId);
          if (!current || (current.note === checkin.note && (current.attended === 1) === checkin.attended)) continue;
          await trx
            .updateTable('meeting_checkin_note')
            .set({ note: checkin.note, attended: checkin.attended ? 1 : 0, updated_at: now })
            .where('id', '=', current.id)
            .execute();
        }
        if (covering.length > 0) {
          await trx.updateTable('agenda_item').set({ status: 'covered', covered_meeting_id: row.id, updated_at: now }).where('id', 'in', covering).execute();
        }
        if (uncovering.length > 0) {
          // Back on the agenda: from here on it carries over like any open item.
          await trx.updateTable('agenda_item').set({ status: 'open', covered_meeting_id: null, updated_at: now }).where('id', 'in', uncovering).execute();
        }
        if (partIds) {
          const links = await trx.selectFrom('meeting_part').select(['part_id', 'deleted_at']).where('meeting_id', '=', row.id).execute();
          for (const link of links) {
            const keep = partIds.includes(link.part_id);
            if (keep === (link.deleted_at === null)) continue;
            await trx
              .updateTable('meeting_part')
              .set({ deleted_at: keep ? null : now, updated_at: now })
              .where('meeting_id', '=', row.id)
              .where('part_id', '=', link.part_id)
              .execute();
          }
          const linked = new Set(links.map((l) => l.part_id));
          for (const partId of partIds.filter((pid) => !linked.has(pid))) {
            await trx.insertInto('meeting_part').values({ meeting_id: row.id, part_id: partId, created_at: now, updated_at: now, deleted_at: null }).execute();
          }
        }
        return meetingOf(trx, row.id);
      }),

    delete: async (input: ParsedInput<'meetings.delete'>): Promise<{ id: string; crewId: string }> =>
      db.transaction().execute(async (trx) => {
        const row = await liveMeeting(trx, input.id);
        const crew = await liveCrew(trx, row.crew_id, 'id');
        if (pastStages.includes(crew.stage as CrewStage)) throw new LadderError('conflict', 'This crew has ended; its history stays as it is.', 'id');
        // Everything goes with the same timestamp, so a restore brings back exactly this.
        const now = clock.now();
        const gone = { deleted_at: now, updated_at: now };
        await trx.updateTable('meeting').set(gone).where('id', '=', row.id).execute();
        await trx.updateTable('meeting_checkin_note').set(gone).where('meeting_id', '=', row.id).where('deleted_at', 'is', null).execute();
        await trx.updateTable('meeting_part').set(gone).where('meeting_id', '=', row.id).where('deleted_at', 'is', null).execute();
        await trx.updateTable('action_item').set(gone).where('meeting_id', '=', row.id).where('deleted_at', 'is', null).execute();
        // Covered items go back on the agenda; they keep the meeting's id so a restore covers them again.
        await trx.updateTable('agenda_item').set({ status: 'open', updated_at: now }).where('covered_meeting_id', '=', row.id).where('status', '=', 'covered').execute();
        return { id: row.id, crewId: row.crew_id };
      }),

    restore: async (input: ParsedInput<'meetings.restore'>): Promise<Meeting> =>
      db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('meeting').selectAll().where('id', '=', input.id).executeTakeFirst();
        if (!row) throw new LadderError('not_found', 'That meeting is not in your archive.', 'id');
        if (row.deleted_at === null) return meetingOf(trx, row.id);
        const crew = await liveCrew(trx, row.crew_id, 'id');
        if (pastStages.includes(crew.stage as CrewStage)) throw new LadderError('conflict', 'This crew has ended; its history stays as it is.', 'id');
        const taken = await trx.selectFrom('meeting').select('id').where('crew_id', '=', row.crew_id).where('number', '=', row.number).where('deleted_at', 'is', null).executeTakeFirst();
        if (taken) throw new LadderError('conflict', `Another meeting ${row.number} has been recorded since; this one stays deleted.`, 'id');
        const now = clock.now();
        const back = { deleted_at: null, updated_at: now };
        const when = row.deleted_at;
        await trx.updateTable('meeting').set(back).where('id', '=', row.id).execute();
        await trx.updateTable('meeting_checkin_note').set(back).where('meeting_id', '=', row.id).where('deleted_at', '=', when).execute();
        await trx.updateTable('meeting_part').set(back).where('meeting_id', '=', row.id).where('deleted_at', '=', when).execute();
        await trx.updateTable('action_item').set(back).where('meeting_id', '=', row.id).where('deleted_at', '=', when).execute();
        await trx.updateTable('agenda_item').set({ status: 'covered', updated_at: now }).where('covered_meeting_id', '=', row.id).where('status', '=', 'open').execute();
        return meetingOf(trx, row.id);
      }),
  };
}
