import { z } from 'zod';
import { type Crew, type CrewDetail, type CrewList, type Meeting, type Prep, type AgendaItem, type ActionItem, type CaseNotes, type Retrospective, crewFormats, crewStages, retroDecisions } from '../domain/crews';
import { read, write } from './define';
import { dateOf, id, isoDate, limits, localPath, requiredText, text } from './fields';

const memberIds = z.array(id).max(50, 'A crew this big is a congregation: keep it under 50.');
const agreements = z.array(requiredText(limits.shortText)).max(50);
const rhythmDays = z.number().int().min(1, 'A rhythm is at least every 1 day.').max(366).nullable();
const cycleSessions = z.number().int().min(1, 'A cycle has at least 1 session.').max(100, 'A cycle has at most 100 sessions.').nullable();


/** The days a crew's forms ask for, each named in its error ("A meeting’s date must fall between…"). */
const cycleEnd = dateOf('A cycle’s end date');
const nextMeeting = dateOf('The next meeting’s date');
const meetingDay = dateOf('A meeting’s date');
const retroDay = dateOf('A retrospective’s date');
const dueDay = dateOf('A due date');

export const crewsContract = {
  /** Calls a crew: it starts in the calling stage, with its first stage change recorded. */
  'crews.create': write(
    z.strictObject({
      name: requiredText(limits.name),
      callerId: id.nullable().default(null),
      intention: text(limits.shortText).default(''),
      format: z.enum(crewFormats).default('case_clinic'),
      formatNote: text(limits.name).default(''),
      rhythmDays: rhythmDays.default(null),
      cycleSessions: cycleSessions.default(null),
      cycleEndOn: cycleEnd.nullable().default(null),
      startedOn: dateOf('The day a crew was called'),
      memberIds: memberIds.default([]),
      agreements: agreements.default([]),
    }),
  ).returns<Crew>(),

  'crews.update': write(
    z.strictObject({
      id,
      name: requiredText(limits.name).optional(),
      callerId: id.nullable().optional(),
      intention: text(limits.shortText).optional(),
      format: z.enum(crewFormats).optional(),
      formatNote: text(limits.name).optional(),
      rhythmDays: rhythmDays.optional(),
      cycleSessions: cycleSessions.optional(),
      cycleEndOn: cycleEnd.nullable().optional(),
      nextMeetingOn: nextMeeting.nullable().optional(),
      memberIds: memberIds.optional(),
      agreements: agreements.optional(),
    }),
  ).returns<Crew>(),

  'crews.get': read(z.strictObject({ id, today: isoDate })).returns<CrewDetail>(),

  /** Active crews, then past ones (split or closed). Crews are few, so one bounded list. */
  'crews.list': read(z.strictObject({ today: isoDate })).returns<CrewList>(),

  /**
   * A stage change by hand, on a day no earlier than the crew's last stage change; closing needs a
   * note, a retrospective needs a meeting first. On closing or splitting, `openActionItems` says
   * what happens to the action items still open: kept open (to settle later on the crew's page)
   * or dropped with it.
   */
  'crews.setStage': write(
    z.strictObject({ id, stage: z.enum(crewStages), on: dateOf('The day of a stage change'), note: text(limits.shortText).default(''), openActionItems: z.enum(['keep', 'drop']).default('keep') }),
  ).returns<Crew>(),

  /**
   * Undoes a stage change made by hand (the toast's Undo), while it is still the crew's latest: the
   * crew goes back to the stage it had, the change leaves the history, and action items dropped by
   * closing are open again. A change that came with a retrospective goes with the retrospective.
   */
  'crews.undoStage': write(z.strictObject({ id, changeId: id })).returns<Crew>(),

  /**
   * Reopens a closed or split crew, back to the stage it had before its ending; the ending stays
   * in the stage history, followed by the reopening. Undo is `crews.undoStage` on the new change.
   */
  'crews.reopen': write(z.strictObject({ id, on: dateOf('The day a crew reopens') })).returns<Crew>(),

  /** Corrects a retrospective's words and day; its decision stays (the stage history builds on it). */
  'retrospectives.update': write(
    z.strictObject({ id, heldOn: retroDay, worked: text(limits.body), didNotWork: text(limits.body), change: text(limits.body) }),
  ).returns<Retrospective>(),

  /**
   * Deletes a retrospective and undoes its decision: the crew is back exactly as it was before it
   * (stage, cycle, the cycle's sessions and end date, the next meeting's date), as the retrospective
   * recorded. Refused (naming why) when later history builds on the decision, or for a retrospective
   * saved before that record was kept.
   */
  'retrospectives.delete': write(z.strictObject({ id })).returns<{ id: string; crewId: string }>(),

  /** Brings a deleted retrospective back with its decision (the toast's Undo). */
  'retrospectives.restore': write(z.strictObject({ id })).returns<Retrospective>(),

  'crews.retrospective': write(
    z.strictObject({
      crewId: id,
      heldOn: retroDay,
      worked: text(limits.body).default(''),
      didNotWork: text(limits.body).default(''),
      change: text(limits.body).default(''),
      decision: z.enum(retroDecisions),
      closingNote: text(limits.shortText).default(''),
      /** The length of the new cycle, for a new cycle or a reshuffle. */
      cycleSessions: cycleSessions.optional(),
    }),
  ).returns<Crew>(),

  /**
   * The next meeting's plan, set by hand in the prep: its date, place, host and focus. A null
   * date, host or focus goes back to the suggestion from the rhythm and the rotation.
   */
  'crews.planNext': write(
    z.strictObject({
      id,
      on: nextMeeting.nullable(),
      place: text(limits.name).default(''),
      hostId: id.nullable().default(null),
      focusId: id.nullable().default(null),
    }),
  ).returns<Crew>(),

  /** My case-giver notes for the next meeting (Case Clinic's intention statement); saved as I type. */
  'crews.saveCase': write(
    z.strictObject({
      crewId: id,
      situation: text(limits.shortText).default(''),
      who: text(limits.shortText).default(''),
      future: text(limits.shortText).default(''),
      edge: text(limits.shortText).default(''),
      help: text(limits.shortText).default(''),
    }),
  ).returns<CaseNotes>(),

  /** "Next meeting": the prep view, with my private agenda items. */
  'crews.prep': read(z.strictObject({ id, today: isoDate })).returns<Prep>(),

  /** The prep as Markdown to share with the crew: private items are left out; my case is in unless `includeCase` is false. */
  'crews.prepMarkdown': read(z.strictObject({ id, today: isoDate, includeCase: z.boolean().default(true) })).returns<{ markdown: string; fileName: string }>(),

  /**
   * Writes the shared prep as a Markdown file in `folder` (default: the export folder Settings suggests),
   * making the folder when it is missing (`madeFolder` says so). Never overwrites.
   */
  'crews.savePrepMarkdown': read(z.strictObject({ id, today: isoDate, includeCase: z.boolean().default(true), folder: localPath.optional() })).returns<{
    path: string;
    madeFolder: string | null;
  }>(),

  /** Records a meeting that was held, in one go: attendance, check-ins, covered items, new action items. */
  'meetings.create': write(
    z.strictObject({
      crewId: id,
      heldOn: meetingDay,
      place: text(limits.name).default(''),
      hostId: id.nullable().default(null),
      focusId: id.nullable().default(null),
      attendeeIds: memberIds.default([]),
      checkinNotes: z.array(z.strictObject({ personId: id, note: text(limits.shortText) })).max(50).default([]),
      notes: text(limits.body).default(''),
      coveredAgendaItemIds: z.array(id).max(limits.listSize).default([]),
      actionItems: z
        .array(z.strictObject({ text: requiredText(limits.shortText), ownerId: id, dueOn: dueDay.nullable().default(null) }))
        .max(100)
        .default([]),
      partIds: z.array(id).max(100).default([]),
    }),
  ).returns<Meeting>(),

  'meetings.get': read(z.strictObject({ id })).returns<Meeting>(),

  /**
   * Changes a held meeting; the meeting view sends its whole form each time it saves. Check-ins
   * are for the people who were members then; covered items are the whole set (unticked ones go
   * back on the agenda).
   */
  'meetings.update': write(
    z.strictObject({
      id,
      heldOn: meetingDay.optional(),
      place: text(limits.name).optional(),
      hostId: id.nullable().optional(),
      focusId: id.nullable().optional(),
      checkins: z.array(z.strictObject({ personId: id, attended: z.boolean(), note: text(limits.shortText) })).max(50).optional(),
      notes: text(limits.body).optional(),
      coveredAgendaItemIds: z.array(id).max(limits.listSize).optional(),
      partIds: z.array(id).max(100).optional(),
    }),
  ).returns<Meeting>(),

  /** Deletes a meeting with its check-ins and action items; its covered items go back on the agenda. Undo restores. */
  'meetings.delete': write(z.strictObject({ id })).returns<{ id: string; crewId: string }>(),

  'meetings.restore': write(z.strictObject({ id })).returns<Meeting>(),

  /** Adds an agenda item for the next meeting; private ones are my own notes, so they have no raiser (`raisedById` is left out). */
  'agendaItems.add': write(
    z.strictObject({ crewId: id, text: requiredText(limits.shortText), raisedById: id.nullable().default(null), private: z.boolean().default(false) }),
  ).returns<AgendaItem>(),

  /** Drops an item from the agenda, or brings a dropped one back. */
  'agendaItems.setStatus': write(z.strictObject({ id, status: z.enum(['open', 'dropped']) })).returns<AgendaItem>(),

  /**
   * Corrects an agenda item after it was written: its text, who raised it, and whether it is private.
   * A new raiser must be a member of the crew; the one already named may have left since. A private
   * item is my own prep and keeps no raiser.
   */
  'agendaItems.update': write(
    z.strictObject({ id, text: requiredText(limits.shortText), raisedById: id.nullable(), private: z.boolean() }),
  ).returns<AgendaItem>(),

  /** An action item; with `meetingId`, one decided in that (held) meeting. */
  'actionItems.add': write(
    z.strictObject({ crewId: id, text: requiredText(limits.shortText), ownerId: id, dueOn: dueDay.nullable().default(null), meetingId: id.nullable().default(null) }),
  ).returns<ActionItem>(),

  'actionItems.setStatus': write(z.strictObject({ id, status: z.enum(['open', 'done', 'dropped']), on: isoDate })).returns<ActionItem>(),

  /**
   * Corrects an action item after it was written: its text, owner and date (null for none). A new
   * owner must be a member of the crew; the one already named may have left since.
   */
  'actionItems.update': write(z.strictObject({ id, text: requiredText(limits.shortText), ownerId: id, dueOn: dueDay.nullable() })).returns<ActionItem>(),
};
