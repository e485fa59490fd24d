import type { Kysely, Selectable } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type Crew, type CrewStage, type RetroDecision, type Retrospective, decisionStage } from '../../../../shared/domain/crews';
import { LadderError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { CrewStageChangeTable, Database, RetrospectiveTable } from '../../db/schema';
import { newId } from '../../ids';
import { crewOf, liveCrew } from './crew-rows';

/**
 * Taking back a stage change made by hand, and correcting or deleting a retrospective. Ids are
 * UUIDv7 (time-ordered, monotonic), so the order of ids is the order things were written: a
 * retrospective's decision is the first stage change written after it.
 */

type StageRow = Selectable<CrewStageChangeTable>;
type RetroRow = Selectable<RetrospectiveTable>;

const startsCycle = (decision: string) => decision === 'new_cycle' || decision === 'reshuffle';
const ends = (stage: string) => stage === 'closed' || stage === 'split';

/** The stage change a retrospective's decision made, among the crew's live changes (sorted by id). */
export function decisionChange(retro: RetroRow, stages: readonly StageRow[]): StageRow | undefined {
  return stages.find((s) => s.id > retro.id && s.from_stage === 'retrospective' && s.to_stage === decisionStage[retro.decision as RetroDecision]);
}

/** Why deleting a retrospective would be unsafe, or null. `meetingCycles`: the cycles of the crew's live meetings. */
export function retroDeleteBlocked(retro: RetroRow, stages: readonly StageRow[], meetingCycles: readonly number[]): string | null {
  if (retro.replaced_stage === null) {
    return 'It was saved before Ladder kept what its decision replaced (the stage, the cycle’s sessions and end date), so deleting it could not put the crew back exactly as it was: it stays. You can still edit its words.';
  }
  const decided = decisionChange(retro, stages);
  if (!decided) return 'Its decision is no longer in the stage history, so it stays as it is. You can still edit its words.';
  if (stages.at(-1)?.id !== decided.id) {
    return 'The crew’s stage has changed since, building on its decision, so it stays. You can still edit its words.';
  }
  if (startsCycle(retro.decision) && meetingCycles.includes(retro.cycle + 1)) {
    return `Meetings have been recorded in cycle ${retro.cycle + 1}, which it started, so it stays. You can still edit its words.`;
  }
  return null;
}

/** The change into the retrospective stage that saving the retrospective made itself (none when the crew was already there). */
function enteredChange(retro: RetroRow, stages: readonly StageRow[]): StageRow | undefined {
  if (retro.replaced_stage === null || retro.replaced_stage === 'retrospective') return undefined;
  const last = stages.filter((s) => s.id < retro.id).at(-1);
  return last && last.to_stage === 'retrospective' && last.from_stage === retro.replaced_stage ? last : undefined;
}

/** The crew's fields a retrospective's decision replaces, as recorded on it (migration 0022). */
const replacedOf = (r: { stage: string; cycle_sessions: number | null; cycle_end_on: string | null; next_meeting_on: string | null }) => ({
  replaced_stage: r.stage,
  replaced_cycle_sessions: r.cycle_sessions,
  replaced_cycle_end_on: r.cycle_end_on,
  replaced_next_meeting_on: r.next_meeting_on,
});

/**
 * The ids of the action items a closing or split dropped (when it asked, "drop them"). They were
 * written in the same transaction as the stage change, with its `created_at` as their
 * `updated_at`, and nothing in the app touches a dropped item of a past crew after (its page lists
 * only open items, and an ended crew's items can't be edited): that timestamp is the record, so
 * no column is needed.
 * Items dropped by hand before the closing carry their own, earlier timestamps.
 */
export function droppedByEnding(trx: Kysely<Database>, crewId: string, ending: Pick<StageRow, 'created_at'>) {
  return trx
    .selectFrom('action_item')
    .select('id')
    .where('crew_id', '=', crewId)
    .where('status', '=', 'dropped')
    .where('updated_at', '=', ending.created_at)
    .where('deleted_at', 'is', null);
}

export function toRetrospective(r: RetroRow, deleteBlocked: string | null): Retrospective {
  return { id: r.id, cycle: r.cycle, heldOn: r.held_on, worked: r.worked, didNotWork: r.did_not_work, change: r.change, decision: r.decision as RetroDecision, deleteBlocked };
}

export function createHistoryEdits(db: Kysely<Database>, clock: Clock) {
  const liveStages = (trx: Kysely<Database>, crewId: string) =>
    trx.selectFrom('crew_stage_change').selectAll().where('crew_id', '=', crewId).where('deleted_at', 'is', null).orderBy('id').execute();

  const meetingCycles = async (trx: Kysely<Database>, crewId: string) =>
    (await trx.selectFrom('meeting').select('cycle').distinct().where('crew_id', '=', crewId).where('deleted_at', 'is', null).execute()).map((m) => m.cycle);

  async function retroRow(trx: Kysely<Database>, id: string, live: boolean) {
    let query = trx.selectFrom('retrospective').selectAll().where('id', '=', id);
    if (live) query = query.where('deleted_at', 'is', null);
    const row = await query.executeTakeFirst();
    if (!row) throw new LadderError('not_found', 'That retrospective is not in your archive (or was deleted).', 'id');
    return row;
  }

  async function blockedFor(trx: Kysely<Database>, retro: RetroRow) {
    return retroDeleteBlocked(retro, await liveStages(trx, retro.crew_id), await meetingCycles(trx, retro.crew_id));
  }

  return {
    undoStage: async (input: ParsedInput<'crews.undoStage'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        const crew = await liveCrew(trx, input.id, 'id');
        const stages = await liveStages(trx, crew.id);
        const change = stages.at(-1);
        if (!change || change.id !== input.changeId) throw new LadderError('conflict', 'The crew’s stage has changed again since, so this change stays.', 'changeId');
        const before = stages.at(-2);
        if (change.from_stage === null || !before) throw new LadderError('conflict', 'This is where the crew began; it stays.', 'changeId');
        const retro = await trx.selectFrom('retrospective').select('id').where('crew_id', '=', crew.id).where('id', '>', before.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (retro) throw new LadderError('conflict', 'This stage change came with a retrospective: delete the retrospective to take it back.', 'changeId');
        const now = clock.now();
        await trx.updateTable('crew_stage_change').set({ deleted_at: now, updated_at: now }).where('id', '=', change.id).execute();
        await trx
          .updateTable('crew')
          .set({
            stage: change.from_stage,
            updated_at: now,
            ...(ends(change.to_stage) ? { closed_on: null, closing_note: '' } : {}),
            // Taking back a reopening: the crew is closed again, on the day and with the note of its closing.
            ...(ends(change.from_stage) ? { closed_on: before.changed_on, closing_note: before.note } : {}),
          })
          .where('id', '=', crew.id)
          .execute();
        // Taking back a closing: the items it dropped, exactly those, are open again.
        await trx
          .updateTable('action_item')
          .set({ status: 'open', resolved_on: null, updated_at: now })
          .where('id', 'in', droppedByEnding(trx, crew.id, change))
          .execute();
        if (ends(change.from_stage)) {
          // Taking back a reopening: the items it opened again (they carry its timestamp) are dropped
          // again, as and when the closing dropped them, so a later reopening finds them once more.
          await trx
            .updateTable('action_item')
            .set({ status: 'dropped', resolved_on: before.changed_on, updated_at: before.created_at })
            .where('crew_id', '=', crew.id)
            .where('status', '=', 'open')
            .where('updated_at', '=', change.created_at)
            .where('deleted_at', 'is', null)
            .execute();
        }
        return crewOf(trx, await liveCrew(trx, crew.id, 'id'));
      }),

    /**
     * Reopens a closed or split crew: a new stage change takes it back to the stage it had before
     * its ending, which stays in the history (with its closing note), and the action items the
     * ending dropped are open again. Undo is `undoStage`.
     */
    reopen: async (input: ParsedInput<'crews.reopen'>): Promise<Crew> =>
      db.transaction().execute(async (trx) => {
        const crew = await liveCrew(trx, input.id, 'id');
        const ending = (await liveStages(trx, crew.id)).at(-1);
        if (!ends(crew.stage) || !ending || ending.to_stage !== crew.stage || ending.from_stage === null) {
          throw new LadderError('conflict', 'This crew has not ended, so there is nothing to reopen.', 'id');
        }
        if (input.on < ending.changed_on) {
          throw new LadderError('validation', `The crew ended on ${ending.changed_on}: reopen it on that day or a later one.`, 'on');
        }
        const now = clock.now();
        await trx.updateTable('crew').set({ stage: ending.from_stage, closed_on: null, closing_note: '', updated_at: now }).where('id', '=', crew.id).execute();
        await trx
          .insertInto('crew_stage_change')
          .values({ id: newId(Date.parse(now)), created_at: now, updated_at: now, deleted_at: null, crew_id: crew.id, from_stage: crew.stage, to_stage: ending.from_stage, changed_on: input.on, note: 'Reopened.' })
          .execute();
        // Open again: the items the ending dropped (they carry its timestamp, see droppedByEnding),
        // not those settled as dropped before it. They carry the reopening's own timestamp now, so
        // its Undo drops exactly these again.
        await trx
          .updateTable('action_item')
          .set({ status: 'open', resolved_on: null, updated_at: now })
          .where('id', 'in', droppedByEnding(trx, crew.id, ending))
          .execute();
        return crewOf(trx, await liveCrew(trx, crew.id, 'id'));
      }),

    updateRetro: async (input: ParsedInput<'retrospectives.update'>): Promise<Retrospective> =>
      db.transaction().execute(async (trx) => {
        const retro = await retroRow(trx, input.id, true);
        const crew = await liveCrew(trx, retro.crew_id, 'id');
        const now = clock.now();
        if (input.heldOn !== retro.held_on) {
          // The stage changes it made move with it, so the history keeps one day for one retrospective.
          const stages = await liveStages(trx, crew.id);
          const decided = decisionChange(retro, stages);
          const entered = stages.filter((s) => s.id < retro.id).at(-1);
          const moved = [decided, entered?.to_stage === 'retrospective' ? entered : undefined].filter((s): s is StageRow => s !== undefined && s.changed_on === retro.held_on);
          if (moved.length > 0) {
            await trx.updateTable('crew_stage_change').set({ changed_on: input.heldOn, updated_at: now }).where('id', 'in', moved.map((s) => s.id)).execute();
          }
          if (decided && ends(decided.to_stage) && crew.closed_on === retro.held_on) {
            await trx.updateTable('crew').set({ closed_on: input.heldOn, updated_at: now }).where('id', '=', crew.id).execute();
          }
        }
        const next = { ...retro, held_on: input.heldOn, worked: input.worked, did_not_work: input.didNotWork, change: input.change, updated_at: now };
        await trx
          .updateTable('retrospective')
          .set({ held_on: next.held_on, worked: next.worked, did_not_work: next.did_not_work, change: next.change, updated_at: now })
          .where('id', '=', retro.id)
          .execute();
        return toRetrospective(next, await blockedFor(trx, next));
      }),

    deleteRetro: async (input: ParsedInput<'retrospectives.delete'>): Promise<{ id: string; crewId: string }> =>
      db.transaction().execute(async (trx) => {
        const retro = await retroRow(trx, input.id, true);
        const crew = await liveCrew(trx, retro.crew_id, 'id');
        const stages = await liveStages(trx, crew.id);
        const blocked = retroDeleteBlocked(retro, stages, await meetingCycles(trx, crew.id));
        if (blocked) throw new LadderError('conflict', blocked, 'id');
        const decided = decisionChange(retro, stages)!;
        const entered = enteredChange(retro, stages);
        // The retrospective and the stage changes it made go with one timestamp, so a restore brings back exactly these.
        const now = clock.now();
        const gone = { deleted_at: now, updated_at: now };
        const back = {
          stage: retro.replaced_stage as CrewStage,
          cycle: retro.cycle,
          cycle_sessions: retro.replaced_cycle_sessions,
          cycle_end_on: retro.replaced_cycle_end_on,
          next_meeting_on: retro.replaced_next_meeting_on,
        };
        // While it is deleted, its replaced_* hold what the deletion replaced (the crew after its decision): Undo swaps them back.
        await trx.updateTable('retrospective').set({ ...gone, ...replacedOf(crew) }).where('id', '=', retro.id).execute();
        await trx.updateTable('crew_stage_change').set(gone).where('id', 'in', [decided.id, ...(entered ? [entered.id] : [])]).execute();
        await trx
          .updateTable('crew')
          .set({ ...back, updated_at: now, ...(ends(decided.to_stage) ? { closed_on: null, closing_note: '' } : {}) })
          .where('id', '=', crew.id)
          .execute();
        return { id: retro.id, crewId: crew.id };
      }),

    restoreRetro: async (input: ParsedInput<'retrospectives.restore'>): Promise<Retrospective> =>
      db.transaction().execute(async (trx) => {
        const retro = await retroRow(trx, input.id, false);
        if (retro.deleted_at === null) return toRetrospective(retro, await blockedFor(trx, retro));
        const crew = await liveCrew(trx, retro.crew_id, 'id');
        const changes = await trx.selectFrom('crew_stage_change').selectAll().where('crew_id', '=', crew.id).where('deleted_at', '=', retro.deleted_at).orderBy('id').execute();
        const decided = changes.find((s) => s.id > retro.id && s.from_stage === 'retrospective');
        const entered = changes.find((s) => s.id < retro.id && s.to_stage === 'retrospective');
        const latest = (await liveStages(trx, crew.id)).at(-1);
        const later = await trx.selectFrom('retrospective').select('id').where('crew_id', '=', crew.id).where('id', '>', retro.id).where('deleted_at', 'is', null).executeTakeFirst();
        const putBack = entered?.from_stage ?? 'retrospective';
        if (!decided || crew.stage !== putBack || crew.cycle !== retro.cycle || later || (latest && latest.id > decided.id)) {
          throw new LadderError('conflict', 'The crew has moved on since, so this retrospective stays deleted.', 'id');
        }
        const now = clock.now();
        const back = { deleted_at: null, updated_at: now };
        // Saved before migration 0022: the crew after its decision is worked out as before.
        const after =
          retro.replaced_stage === null
            ? startsCycle(retro.decision)
              ? { cycle: retro.cycle + 1, next_meeting_on: null }
              : {}
            : {
                cycle: startsCycle(retro.decision) ? retro.cycle + 1 : retro.cycle,
                cycle_sessions: retro.replaced_cycle_sessions,
                cycle_end_on: retro.replaced_cycle_end_on,
                next_meeting_on: retro.replaced_next_meeting_on,
              };
        await trx
          .updateTable('retrospective')
          .set({ ...back, ...(retro.replaced_stage === null ? {} : replacedOf(crew)) })
          .where('id', '=', retro.id)
          .execute();
        await trx.updateTable('crew_stage_change').set(back).where('id', 'in', changes.map((s) => s.id)).execute();
        await trx
          .updateTable('crew')
          .set({
            stage: decided.to_stage as CrewStage,
            updated_at: now,
            ...after,
            ...(ends(decided.to_stage) ? { closed_on: decided.changed_on, closing_note: decided.note } : {}),
          })
          .where('id', '=', crew.id)
          .execute();
        const restored = await retroRow(trx, retro.id, true);
        return toRetrospective(restored, await blockedFor(trx, restored));
      }),
  };
}
