/**
 * What the import preview calls each kind of record: plural, in the words the rest of the app
 * uses for them. Every table in the archive needs one (tests/unit/import-labels.test.ts checks),
 * so a new table never shows up as its raw name.
 */
export const recordLabels: Record<string, string> = {
  // Self
  entry: 'Journal entries',
  entry_tag: 'Tags on entries',
  entry_part: 'Parts in entries',
  tag: 'Tags',
  part: 'Parts',
  part_relation: 'Links between parts',
  part_status_change: 'Part status changes',
  part_map_snapshot: 'Parts map snapshots',
  self_energy: 'Self-energy checks',
  prompt: 'Prompts',
  template: 'Templates',
  // Dyads
  person: 'People',
  dyad: 'Dyads',
  dyad_agreement: 'Dyad agreements',
  checkin: 'Check-ins',
  checkin_part: 'Parts in check-ins',
  commitment: 'Commitments',
  // Crews
  crew: 'Crews',
  crew_member: 'Crew members',
  crew_agreement: 'Crew agreements',
  crew_stage_change: 'Crew stage changes',
  meeting: 'Crew meetings',
  meeting_checkin_note: 'Check-in notes from meetings',
  agenda_item: 'Agenda items',
  action_item: 'Action items',
  meeting_part: 'Parts in meetings',
  retrospective: 'Retrospectives',
  crew_case: 'Cases',
  // Congregations
  congregation: 'Congregations',
  congregation_role_change: 'Changes to my role',
  congregation_crew: 'Crews placed in congregations',
  congregation_person: 'People I know in congregations',
  gathering: 'Gatherings',
  gathering_person: 'People at gatherings',
  shared_lesson: 'Lessons to share',
  // Network
  network: 'Networks',
  network_congregation: 'Congregations in networks',
  network_host: 'Hosts I learn from',
  adapted_practice: 'Practices adapted from elsewhere',
  // Words typed into forms, not saved yet
  draft: 'Drafts not saved yet',
};

/** A table's label; a table from a newer Ladder, unknown here, reads as its name in words. */
export function recordLabel(table: string): string {
  return recordLabels[table] ?? table.replaceAll('_', ' ');
}
