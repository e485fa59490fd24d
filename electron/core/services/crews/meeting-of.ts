import type { Kysely } from 'kysely';
import type { Meeting } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';
import { nextMeetingNumber, toActionItem, toAgendaItem } from './crew-rows';
import { caseFor } from './plan-service';

/** One held meeting with everything said in it, as the meeting view shows it. */
export async function meetingOf(trx: Kysely<Database>, id: string): Promise<Meeting> {
  const row = await trx.selectFrom('meeting').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LadderError('not_found', 'That meeting is not in your archive (or was deleted).', 'id');
  const [checkins, covered, coverable, coveredLater, actions, parts, caseNotes, nextNumber] = await Promise.all([
    trx
      .selectFrom('meeting_checkin_note')
      .innerJoin('crew_member', (join) => join.onRef('crew_member.person_id', '=', 'meeting_checkin_note.person_id').on('crew_member.crew_id', '=', row.crew_id))
      .select(['meeting_checkin_note.person_id', 'meeting_checkin_note.attended', 'meeting_checkin_note.note'])
      .where('meeting_checkin_note.meeting_id', '=', id)
      .where('meeting_checkin_note.deleted_at', 'is', null)
      .orderBy('crew_member.position')
      .execute(),
    trx.selectFrom('agenda_item').selectAll().where('covered_meeting_id', '=', id).where('status', '=', 'covered').where('deleted_at', 'is', null).orderBy('id').execute(),
    trx
      .selectFrom('agenda_item')
      .selectAll()
      .where('crew_id', '=', row.crew_id)
      .where('status', '=', 'open')
      .where('first_number', '<=', row.number)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    // On the agenda then (raised for this meeting or before), left open, covered at a later one.
    trx
      .selectFrom('agenda_item')
      .innerJoin('meeting as later', 'later.id', 'agenda_item.covered_meeting_id')
      .selectAll('agenda_item')
      .select('later.number as covered_in_number')
      .where('agenda_item.crew_id', '=', row.crew_id)
      .where('agenda_item.status', '=', 'covered')
      .where('agenda_item.first_number', '<=', row.number)
      .where('agenda_item.deleted_at', 'is', null)
      .where('later.number', '>', row.number)
      .where('later.deleted_at', 'is', null)
      .orderBy('agenda_item.id')
      .execute(),
    trx.selectFrom('action_item').selectAll().where('meeting_id', '=', id).where('deleted_at', 'is', null).orderBy('id').execute(),
    trx.selectFrom('meeting_part').select('part_id').where('meeting_id', '=', id).where('deleted_at', 'is', null).execute(),
    caseFor(trx, row.crew_id, row.number),
    nextMeetingNumber(trx, row.crew_id),
  ]);
  return {
    id: row.id,
    crewId: row.crew_id,
    number: row.number,
    cycle: row.cycle,
    heldOn: row.held_on,
    place: row.place,
    hostId: row.host_id,
    focusId: row.focus_id,
    notes: row.notes,
    // Members who left and came back appear twice through the join: keep the first.
    checkins: checkins
      .filter((c, i, all) => all.findIndex((o) => o.person_id === c.person_id) === i)
      .map((c) => ({ personId: c.person_id, attended: c.attended === 1, note: c.note })),
    covered: covered.map((item) => toAgendaItem(item, row.number, row.number)),
    coverable: coverable.map((item) => toAgendaItem(item, nextNumber, null)),
    coveredLater: coveredLater.map(({ covered_in_number, ...item }) => ({ ...toAgendaItem(item, nextNumber, covered_in_number), coveredInNumber: covered_in_number })),
    actionItems: actions.map(toActionItem),
    partIds: parts.map((p) => p.part_id),
    caseNotes,
  };
}
