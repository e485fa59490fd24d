import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import {
  type Crew,
  type CrewDetail,
  type CrewList,
  type CrewStage,
  decisionStage,
  pastStages,
  stageMoves,
} from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { newId } from '../../ids';
import { cardOf, type CrewRow, crewOf, liveCrew, meetingFacts, membersOf, toActionItem } from './crew-rows';
import { droppedByEnding, retroDeleteBlocked, toRetrospective } from './history-edits';

const stageLabel: Record<CrewStage, string> = {
  calling: 'calling',
  forming: 'forming',
  meeting: 'meeting',
  retrospective: 'retrospective',
  continuing: 'continuing',
  paused: 'paused',
  split: 'split',
  closed: 'closed gracefully',
};

export function createCrewsService(db: Kysely<Database>, clock: Clock) {
  const stamp = () => {
    const now = clock.now();
    return { id: newId(Date.parse(now)), created_at: now, updated_at: now, deleted_at: null };
  };

  async function checkPeople(trx: Kysely<Database>, ids: readonly string[], field: string) {
    if (ids.length === 0) return;
    const found = await trx.selectFrom('person').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    const known = new Set(found.map((r) => r.id));
    const index = ids.findIndex((pid) => !known.has(pid));
    if (index >= 0) throw new LadderError('not_found', 'That person is not in your archive (or was deleted).', `${field}.${index}`);
  }

  /** The day the crew's current cycle began: the day it was called, or the retrospective that began it. */
  async function cycleStart(trx: Kysely<Database>, crew: CrewRow): Promise<string> {
    if (crew.cycle <= 1) return crew.started_on;
    const retro = await trx
      .selectFrom('retrospective')
      .select('held_on')
      .where('crew_id', '=', crew.id)
      .where('cycle', '=', crew.cycle - 1)
      .where('deleted_at', 'is', null)
      .orderBy('held_on', 'desc')
      .executeTakeFirst();
    return retro?.held_on ?? crew.started_on;
  }

  /** A cycle that ended before it began would read as over and as running at once. */
  function checkCycleEnd(endOn: string | null | undefined, startOn: string, message: string) {
    if (endOn !== null && endOn !== undefined && endOn < startOn) throw new LadderError('validation', message, 'cycleEndOn');
  }

  async function writeMembers(trx: Kysely<Database>, crewId: string, memberIds: readonly string[]) {
    const unique = [...new Set(memberIds)];
    await checkPeople(trx, unique, 'memberIds');
    const now = clock.now();
    const current = await trx.selectFrom('crew_member').select(['person_id']).where('crew_id', '=', crewId).where('deleted_at', 'is', null).execute();
    const keep = new Set(unique);
    const gone = current.filter((m) => !keep.has(m.person_id)).map((m) => m.person_id);
    if (gone.length > 0) {
      await trx.updateTable('crew_member').set({ deleted_at: now, updated_at: now }).where('crew_id', '=', crewId).where('person_id', 'in', gone).where('deleted_at', 'is', null).execute();
    }
    const had = new Set(current.map((m) => m.person_id));
    for (const [position, personId] of unique.entries()) {
      if (had.has(personId)) {
        await trx.updateTable('crew_member').set({ position, updated_at: now }).where('crew_id', '=', crewId).where('person_id', '=', personId).where('deleted_at', 'is', null).execute();
      } else {
        await trx.insertInto('crew_member').values({ ...stamp(), crew_id: crewId, person_id: personId, position }).execute();
      }
    }
  }

  async function writeAgreements(trx: Kysely<Database>, crewId: string, agreements: readonly string[]) {
    const now = clock.now();
    await trx.updateTable('crew_agreement').set({ deleted_at: now, updated_at: now }).where('crew_id', '=', crewId).where('deleted_at', 'is', null).execute();
    for (const [position, text] of agreements.entries()) {
      await trx.insertInto('crew_agreement').values({ ...stamp(), crew_id: crewId, position, text: text.trim() }).execute();
    }
  }

  async function recordStage(trx: Kysely<Database>, crewId: string, from: CrewStage | null, to: CrewStage, on: string, note: string) {
    await trx.insertInto('crew_stage_change').values({ ...stamp(), crew_id: crewId, from_stage: from, to_stage: to, changed_on: on, note }).execute();
  }

  async function heldInCycle(trx: Kysely<Database>, row: CrewRow) {
    const found = await trx.selectFrom('meeting').select('id').where('crew_id', '=', row.id).where('cycle', '=', row.cycle).where('deleted_at', 'is', null).executeTakeFirst();
    return found !== undefined;
  }

  /** Checks a move from the crew's stage to `to`, naming the field that is missing or wrong. */
  async function checkMove(trx: Kysely<Database>, row: CrewRow, to: CrewStage, note: string, noteField: string) {
    const from = row.stage as CrewStage;
    if (pastStages.includes(from)) throw new LadderError('conflict', `This crew has ${stageLabel[from]}; its history stays as it is.`, 'stage');
    if (to === 'retrospective' && !(await heldInCycle(trx, row))) {
      throw new LadderError('validation', 'A retrospective looks back on meetings: record a meeting in this cycle first.', 'stage');
    }
    if (to === 'closed' && note.trim() === '') throw new LadderError('validation', 'Closing asks for a short closing note.', noteField);
    if (!stageMoves[from].includes(to) && !(from === 'retrospective' && to === 'closed')) {
      throw new LadderError('validation', `A crew that is ${stageLabel[from]} cannot move straight to ${stageLabel[to]}.`, 'stage');
    }
  }

  async function moveStage(trx: Kysely<Database>, row: CrewRow, to: CrewStage, on: string, note: string, extra: { cycle?: number; cycle_sessions?: number | null } = {}) {
    const now = clock.now();
    const closing = to === 'closed' || to === 'split';
    await trx
      .updateTable('crew')
      .set({
        stage: to,
        updated_at: now,
        ...(closing ? { closed_on: on, closing_note: note } : {}),
        ...(extra.cycle === undefined ? {} : { cycle: extra.cycle, cycle_end_on: null, next_meeting_on: null }),
        ...(extra.cycle_sessions === undefined ? {} : { cycle_sessions: extra.cycle_sessions }),
      })
      .where('id', '=', row.id)
      .execute();
    await recordStage(trx, row.id, row.stage as CrewStage, to, on, note);
  }

  return {
    create: async (input: ParsedInput<'crews.create'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        if (input.callerId !== null) await checkPeople(trx, [input.callerId], 'callerId');
        checkCycleEnd(input.cycleEndOn, input.startedOn, 'The cycle can’t end before the crew is called; choose the “Called on” day or a later one.');
        const base = stamp();
        const row: CrewRow = {
          ...base,
          name: input.name.trim(),
          caller_id: input.callerId,
          intention: input.intention,
          format: input.format,
          format_note: input.formatNote,
          rhythm_days: input.rhythmDays,
          cycle_sessions: input.cycleSessions,
          cycle_end_on: input.cycleEndOn,
          cycle: 1,
          stage: 'calling',
          started_on: input.startedOn,
          next_meeting_on: null,
          closing_note: '',
          closed_on: null,
          next_place: '',
          next_host_id: null,
          next_focus_id: null,
        };
        await trx.insertInto('crew').values(row).execute();
        await writeMembers(trx, row.id, input.memberIds);
        await writeAgreements(trx, row.id, input.agreements);
        await recordStage(trx, row.id, null, 'calling', input.startedOn, '');
        return crewOf(trx, row);
      }),

    update: async (input: ParsedInput<'crews.update'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        const current = await liveCrew(trx, input.id, 'id');
        if (input.callerId) await checkPeople(trx, [input.callerId], 'callerId');
        if (input.cycleEndOn) checkCycleEnd(input.cycleEndOn, await cycleStart(trx, current), 'The cycle can’t end before it began; choose the day it began or a later one.');
        if (input.memberIds && pastStages.includes(current.stage as CrewStage)) {
          throw new LadderError('conflict', 'This crew has ended; who was in it stays as it was.', 'memberIds');
        }
        // Someone who leaves can no longer host or be the focus of the next meeting.
        const stays = (personId: string | null) => personId === null || !input.memberIds || input.memberIds.includes(personId);
        const next: CrewRow = {
          ...current,
          name: input.name?.trim() ?? current.name,
          caller_id: input.callerId === undefined ? current.caller_id : input.callerId,
          intention: input.intention ?? current.intention,
          format: input.format ?? current.format,
          format_note: input.formatNote ?? current.format_note,
          rhythm_days: input.rhythmDays === undefined ? current.rhythm_days : input.rhythmDays,
          cycle_sessions: input.cycleSessions === undefined ? current.cycle_sessions : input.cycleSessions,
          cycle_end_on: input.cycleEndOn === undefined ? current.cycle_end_on : input.cycleEndOn,
          next_meeting_on: input.nextMeetingOn === undefined ? current.next_meeting_on : input.nextMeetingOn,
          next_host_id: stays(current.next_host_id) ? current.next_host_id : null,
          next_focus_id: stays(current.next_focus_id) ? current.next_focus_id : null,
          updated_at: clock.now(),
        };
        const { id, created_at, ...changes } = next;
        void created_at;
        await trx.updateTable('crew').set(changes).where('id', '=', id).execute();
        if (input.memberIds) await writeMembers(trx, id, input.memberIds);
        if (input.agreements) await writeAgreements(trx, id, input.agreements);
        return crewOf(trx, next);
      }),

    get: async (input: ParsedInput<'crews.get'>): Promise<CrewDetail> => {
      const row = await liveCrew(db, input.id, 'id');
      const [crew, facts, stages, meetings, retros, actions] = await Promise.all([
        crewOf(db, row),
        meetingFacts(db, [row]),
        db.selectFrom('crew_stage_change').selectAll().where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('id').execute(),
        db.selectFrom('meeting').selectAll().where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('number').execute(),
        db.selectFrom('retrospective').selectAll().where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('id').execute(),
        db.selectFrom('action_item').selectAll().where('crew_id', '=', row.id).where('status', '=', 'open').where('deleted_at', 'is', null).orderBy('id').execute(),
      ]);
      const current = new Set(crew.members.map((m) => m.personId));
      const former = await db
        .selectFrom('crew_member')
        .innerJoin('person', 'person.id', 'crew_member.person_id')
        .select(['person.id', 'person.name', 'person.is_me'])
        .where('crew_member.crew_id', '=', row.id)
        .where('crew_member.deleted_at', 'is not', null)
        .where('person.deleted_at', 'is', null)
        .orderBy('crew_member.position')
        .execute();
      const formerMembers = former
        .filter((p, i, all) => !current.has(p.id) && all.findIndex((o) => o.id === p.id) === i)
        .map((p) => ({ personId: p.id, name: p.name, isMe: p.is_me === 1 }));
      // What reopening would bring back: the items its ending dropped.
      const ending = stages.at(-1);
      const droppedAtEnding =
        pastStages.includes(row.stage as CrewStage) && ending?.to_stage === row.stage ? (await droppedByEnding(db, row.id, ending).execute()).length : 0;
      const rotation = crew.members.map((m) => ({
        personId: m.personId,
        name: m.name,
        hosted: meetings.filter((x) => x.host_id === m.personId).length,
        focus: meetings.filter((x) => x.focus_id === m.personId).length,
      }));
      return {
        crew,
        card: cardOf(row, crew.members.length, facts.get(row.id), input.today),
        stages: stages.map((s) => ({ id: s.id, from: s.from_stage as CrewStage | null, to: s.to_stage as CrewStage, changedOn: s.changed_on, note: s.note })),
        meetings: meetings.map((m) => ({ id: m.id, number: m.number, cycle: m.cycle, heldOn: m.held_on, place: m.place, hostId: m.host_id, focusId: m.focus_id })),
        retrospectives: retros.map((r) => toRetrospective(r, retroDeleteBlocked(r, stages, [...new Set(meetings.map((m) => m.cycle))]))),
        rotation,
        openActionItems: actions.map(toActionItem),
        droppedAtEnding,
        formerMembers,
      };
    },

    list: async (input: ParsedInput<'crews.list'>): Promise<CrewList> => {
      const rows = await db.selectFrom('crew').selectAll().where('deleted_at', 'is', null).orderBy('name').orderBy('id').limit(1000).execute();
      const [members, facts] = await Promise.all([membersOf(db, rows.map((r) => r.id)), meetingFacts(db, rows)]);
      const cards = rows.map((row) => cardOf(row, members.get(row.id)?.length ?? 0, facts.get(row.id), input.today));
      return {
        active: cards.filter((c) => !pastStages.includes(c.stage)),
        past: cards.filter((c) => pastStages.includes(c.stage)).sort((a, b) => ((a.closedOn ?? '') < (b.closedOn ?? '') ? 1 : -1)),
      };
    },

    setStage: async (input: ParsedInput<'crews.setStage'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        const row = await liveCrew(trx, input.id, 'id');
        if (row.stage === input.stage) return crewOf(trx, row);
        await checkMove(trx, row, input.stage, input.note, 'note');
        // The history reads in order: a change is never dated before the one it follows.
        const last = await trx.selectFrom('crew_stage_change').select(['changed_on', 'to_stage']).where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
        if (last && input.on < last.changed_on) {
          throw new LadderError('validation', `The crew’s last stage change (to ${stageLabel[last.to_stage as CrewStage]}) was on ${last.changed_on}: choose that day or a later one.`, 'on');
        }
        await moveStage(trx, row, input.stage, input.on, input.note.trim());
        if ((input.stage === 'closed' || input.stage === 'split') && input.openActionItems === 'drop') {
          // Dropped with the change's own timestamp, so undoing the closing opens exactly these again.
          const change = await trx.selectFrom('crew_stage_change').select('created_at').where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('id', 'desc').executeTakeFirstOrThrow();
          await trx
            .updateTable('action_item')
            .set({ status: 'dropped', resolved_on: input.on, updated_at: change.created_at })
            .where('crew_id', '=', row.id)
            .where('status', '=', 'open')
            .where('deleted_at', 'is', null)
            .execute();
        }
        return crewOf(trx, await liveCrew(trx, row.id, 'id'));
      }),

    /** The retro and its decision in one transaction: into retrospective, then where the decision leads. */
    retrospective: async (input: ParsedInput<'crews.retrospective'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        let row = await liveCrew(trx, input.crewId, 'crewId');
        // What the decision replaces, kept with it: deleting the retrospective puts exactly this back.
        const replaced = { replaced_stage: row.stage, replaced_cycle_sessions: row.cycle_sessions, replaced_cycle_end_on: row.cycle_end_on, replaced_next_meeting_on: row.next_meeting_on };
        if (row.stage !== 'retrospective') {
          await checkMove(trx, row, 'retrospective', '', 'closingNote');
          if (input.decision === 'close' && input.closingNote.trim() === '') {
            throw new LadderError('validation', 'Closing asks for a short closing note.', 'closingNote');
          }
          await moveStage(trx, row, 'retrospective', input.heldOn, '');
          row = await liveCrew(trx, row.id, 'crewId');
        }
        const to = decisionStage[input.decision];
        const note = input.decision === 'close' || input.decision === 'split' ? input.closingNote.trim() : '';
        await checkMove(trx, row, to, input.decision === 'close' ? note : 'ok', 'closingNote');
        await trx
          .insertInto('retrospective')
          .values({ ...stamp(), crew_id: row.id, cycle: row.cycle, held_on: input.heldOn, worked: input.worked, did_not_work: input.didNotWork, change: input.change, decision: input.decision, ...replaced })
          .execute();
        const newCycle = input.decision === 'new_cycle' || input.decision === 'reshuffle';
        await moveStage(trx, row, to, input.heldOn, note, newCycle ? { cycle: row.cycle + 1, ...(input.cycleSessions === undefined ? {} : { cycle_sessions: input.cycleSessions }) } : {});
        return crewOf(trx, await liveCrew(trx, row.id, 'crewId'));
      }),
  };
}
