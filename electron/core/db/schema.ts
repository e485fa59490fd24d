import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The archive's tables as Kysely sees them. Every table carries a time-ordered text id,
 * `created_at`, `updated_at` and `deleted_at` (soft delete), so undo, export and a later
 * sync stay possible. Timestamps are ISO 8601 strings in UTC; days are `YYYY-MM-DD`.
 */
export interface Database {
  entry: EntryTable;
  prompt: PromptTable;
  template: TemplateTable;
  part: PartTable;
  part_status_change: PartStatusChangeTable;
  part_relation: PartRelationTable;
  entry_part: EntryPartTable;
  tag: TagTable;
  entry_tag: EntryTagTable;
  self_energy: SelfEnergyTable;
  part_map_snapshot: PartMapSnapshotTable;
  person: PersonTable;
  dyad: DyadTable;
  dyad_agreement: DyadAgreementTable;
  checkin: CheckinTable;
  checkin_part: CheckinPartTable;
  commitment: CommitmentTable;
  // The Crews rung (migration 0008).
  crew: CrewTable;
  crew_member: CrewMemberTable;
  crew_agreement: CrewAgreementTable;
  crew_stage_change: CrewStageChangeTable;
  meeting: MeetingTable;
  meeting_checkin_note: MeetingCheckinNoteTable;
  agenda_item: AgendaItemTable;
  action_item: ActionItemTable;
  meeting_part: MeetingPartTable;
  retrospective: RetrospectiveTable;
  crew_case: CrewCaseTable;
  // The Congregations and Network rungs (migration 0010).
  congregation: CongregationTable;
  congregation_role_change: CongregationRoleChangeTable;
  congregation_crew: CongregationCrewTable;
  congregation_person: CongregationPersonTable;
  gathering: GatheringTable;
  gathering_person: GatheringPersonTable;
  shared_lesson: SharedLessonTable;
  network: NetworkTable;
  network_congregation: NetworkCongregationTable;
  network_host: NetworkHostTable;
  adapted_practice: AdaptedPracticeTable;
  // Search (migration 0006): derived from the records by triggers, never written by services.
  search_doc: SearchDocTable;
  // Words typed into a form, not saved yet (migration 0023).
  draft: DraftTable;
}

interface Row {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EntryTable extends Omit<Row, 'deleted_at'> {
  title: string;
  body: string;
  entry_date: string;
  deleted_at: Generated<string | null>;
  // The Self rung (migration 0002).
  kind: Generated<string>;
  rung: Generated<string | null>;
  prompt_id: Generated<string | null>;
}

export type EntryRow = Selectable<EntryTable>;
export type NewEntryRow = Insertable<EntryTable>;
export type EntryRowUpdate = Updateable<EntryTable>;

// The Self rung (migrations 0002 and 0003).
export interface PromptTable extends Omit<Row, 'deleted_at'> {
  rung: string;
  text: string;
  source: string;
  archived_at: string | null;
  deleted_at: Generated<string | null>;
}

export interface TemplateTable extends Omit<Row, 'deleted_at'> {
  name: string;
  body: string;
  rung: string | null;
  kind: string;
  source: string;
  deleted_at: Generated<string | null>;
}

export interface PartTable extends Omit<Row, 'deleted_at'> {
  name: string;
  role: string;
  colour: string;
  body_location: string;
  apparent_age: string;
  job: string;
  positive_intent: string;
  fears: string;
  trailheads: string;
  trust: number | null;
  status: string;
  notes: string;
  map_x: number | null;
  map_y: number | null;
  deleted_at: Generated<string | null>;
}

export interface PartStatusChangeTable extends Omit<Row, 'deleted_at'> {
  part_id: string;
  status: string;
  deleted_at: Generated<string | null>;
}

export interface PartRelationTable extends Omit<Row, 'deleted_at'> {
  part_id: string;
  other_part_id: string;
  kind: string;
  deleted_at: Generated<string | null>;
}

export interface EntryPartTable extends Omit<Row, 'id' | 'deleted_at'> {
  entry_id: string;
  part_id: string;
  position: number;
  deleted_at: Generated<string | null>;
}

export interface TagTable extends Omit<Row, 'deleted_at'> {
  name: string;
  deleted_at: Generated<string | null>;
}

export interface EntryTagTable extends Omit<Row, 'id' | 'deleted_at'> {
  entry_id: string;
  tag_id: string;
  position: number;
  deleted_at: Generated<string | null>;
}

export interface SelfEnergyTable extends Omit<Row, 'deleted_at'> {
  entry_id: string;
  calm: number | null;
  curiosity: number | null;
  clarity: number | null;
  compassion: number | null;
  confidence: number | null;
  courage: number | null;
  creativity: number | null;
  connectedness: number | null;
  deleted_at: Generated<string | null>;
}

export interface PartMapSnapshotTable extends Omit<Row, 'deleted_at'> {
  taken_on: string;
  note: string;
  map: string;
  deleted_at: Generated<string | null>;
}

export type PartRow = Selectable<PartTable>;
export type PromptRow = Selectable<PromptTable>;
export type TemplateRow = Selectable<TemplateTable>;
export type SelfEnergyRow = Selectable<SelfEnergyTable>;

// People and dyads (migration 0004).
interface SoftRow extends Omit<Row, 'deleted_at'> {
  deleted_at: Generated<string | null>;
}

export interface PersonTable extends SoftRow {
  name: string;
  how_we_met: Generated<string>;
  notes: Generated<string>;
  birthday: string | null;
  is_me: Generated<number>;
}

export interface DyadTable extends SoftRow {
  person_id: string;
  kind: string;
  intention: Generated<string>;
  started_on: string | null;
  rhythm_days: number | null;
  status: Generated<string>;
  closing_note: Generated<string>;
  closed_on: Generated<string | null>;
}

export interface DyadAgreementTable extends SoftRow {
  dyad_id: string;
  position: number;
  text: string;
}

export interface CheckinTable extends SoftRow {
  dyad_id: string;
  checkin_date: string;
  how: Generated<string>;
  i_shared: Generated<string>;
  i_heard: Generated<string>;
  offers_asks_from_me: Generated<string>;
  offers_asks_from_them: Generated<string>;
  dial: number | null;
  notes: Generated<string>;
  next_checkin_date: string | null;
}

export interface CheckinPartTable extends Omit<SoftRow, 'id'> {
  checkin_id: string;
  part_id: string;
}

export interface CommitmentTable extends SoftRow {
  dyad_id: string;
  checkin_id: string | null;
  direction: string;
  text: string;
  made_on: string;
  due_on: string | null;
  status: Generated<string>;
  outcome_note: Generated<string>;
  resolved_on: Generated<string | null>;
  renegotiated_from_id: string | null;
}

// The Crews rung (migration 0008). Columns are written in full by the crews service.
export interface CrewTable extends Row {
  name: string;
  caller_id: string | null;
  intention: string;
  format: string;
  format_note: string;
  rhythm_days: number | null;
  cycle_sessions: number | null;
  cycle_end_on: string | null;
  cycle: number;
  stage: string;
  started_on: string;
  next_meeting_on: string | null;
  closing_note: string;
  closed_on: string | null;
  // Migration 0012: the next meeting's plan, set by hand in the prep.
  next_place: Generated<string>;
  next_host_id: Generated<string | null>;
  next_focus_id: Generated<string | null>;
}

export interface CrewMemberTable extends Row {
  crew_id: string;
  person_id: string;
  position: number;
}

export interface CrewAgreementTable extends Row {
  crew_id: string;
  position: number;
  text: string;
}

export interface CrewStageChangeTable extends Row {
  crew_id: string;
  from_stage: string | null;
  to_stage: string;
  changed_on: string;
  note: string;
}

export interface MeetingTable extends Row {
  crew_id: string;
  number: number;
  cycle: number;
  held_on: string;
  place: string;
  host_id: string | null;
  focus_id: string | null;
  notes: string;
}

export interface MeetingCheckinNoteTable extends Row {
  meeting_id: string;
  person_id: string;
  attended: number;
  note: string;
}

export interface AgendaItemTable extends Row {
  crew_id: string;
  text: string;
  raised_by_id: string | null;
  private: number;
  first_number: number;
  status: string;
  covered_meeting_id: string | null;
}

export interface ActionItemTable extends Row {
  crew_id: string;
  meeting_id: string | null;
  text: string;
  owner_id: string;
  due_on: string | null;
  status: string;
  resolved_on: string | null;
}

export interface MeetingPartTable extends Omit<Row, 'id'> {
  meeting_id: string;
  part_id: string;
}

export interface RetrospectiveTable extends Row {
  crew_id: string;
  cycle: number;
  held_on: string;
  worked: string;
  did_not_work: string;
  change: string;
  decision: string;
  // What its decision replaced on the crew (migration 0022); null stage: recorded before that.
  replaced_stage: string | null;
  replaced_cycle_sessions: number | null;
  replaced_cycle_end_on: string | null;
  replaced_next_meeting_on: string | null;
}

// My case-giver notes for one session of a crew (migration 0012).
export interface CrewCaseTable extends Row {
  crew_id: string;
  number: number;
  situation: string;
  who: string;
  future: string;
  edge: string;
  help: string;
}

// Search (migration 0006). An index, not records: no timestamps, left out of exports. Its words
// live in the FTS5 table `search_text` (title, body, meta) under the same rowid, queried raw.
export interface SearchDocTable {
  doc_id: Generated<number>;
  kind: string;
  record_id: string;
  rung: string;
  day: string | null;
}

// The Congregations and Network rungs (migration 0010). Columns are written in full by their services.
export interface CongregationTable extends Row {
  name: string;
  about: string;
  size: number | null;
  role: string;
}

export interface CongregationRoleChangeTable extends Row {
  congregation_id: string;
  from_role: string | null;
  to_role: string;
  changed_on: string;
  note: string;
}

export interface CongregationCrewTable extends Row {
  congregation_id: string;
  crew_id: string;
}

export interface CongregationPersonTable extends Row {
  congregation_id: string;
  person_id: string;
}

export interface GatheringTable extends Row {
  congregation_id: string;
  name: string;
  held_on: string;
  place: string;
  harvest: string;
  followed_up_on: string | null;
}

export interface GatheringPersonTable extends Row {
  gathering_id: string;
  person_id: string;
  relation: string;
}

export interface SharedLessonTable extends Row {
  congregation_id: string;
  crew_id: string | null;
  retrospective_id: string | null;
  text: string;
  shared_on: string;
}

export interface NetworkTable extends Row {
  name: string;
  notes: string;
}

export interface NetworkCongregationTable extends Row {
  network_id: string;
  congregation_id: string;
}

export interface NetworkHostTable extends Row {
  network_id: string;
  person_id: string;
  note: string;
}

export interface AdaptedPracticeTable extends Row {
  network_id: string;
  name: string;
  learned_from: string;
  how_adapted: string;
}

// Drafts (migration 0023): a form's unsaved state by its key; `value` is JSON text.
export interface DraftTable extends Row {
  key: string;
  value: string;
}
