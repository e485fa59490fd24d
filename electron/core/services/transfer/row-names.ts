/*
 * How import messages name a record and a field of it, in words rather than as a JSON path:
 * "Entry 2 in this file has no date (entry_date)", not "tables.entry[1].entry_date is missing".
 * The column's own name stays in brackets where the words differ from it, so the place in the file
 * can still be found exactly. Every table needs a noun here (tests/unit/transfer-safety.test.ts checks).
 */

/** Each table's record in the singular, as the rest of the app calls it, said so that a number can follow. */
export const recordNouns: Record<string, string> = {
  entry: 'entry',
  entry_tag: 'entry tag link',
  entry_part: 'entry part link',
  tag: 'tag',
  part: 'part',
  part_relation: 'link between parts',
  part_status_change: 'part status change',
  part_map_snapshot: 'parts map snapshot',
  self_energy: 'Self-energy check',
  prompt: 'prompt',
  template: 'template',
  person: 'person',
  dyad: 'dyad',
  dyad_agreement: 'dyad agreement',
  checkin: 'check-in',
  checkin_part: 'check-in part link',
  commitment: 'commitment',
  crew: 'crew',
  crew_member: 'crew member',
  crew_agreement: 'crew agreement',
  crew_stage_change: 'crew stage change',
  meeting: 'crew meeting',
  meeting_checkin_note: 'meeting check-in note',
  agenda_item: 'agenda item',
  action_item: 'action item',
  meeting_part: 'meeting part link',
  retrospective: 'retrospective',
  crew_case: 'case',
  congregation: 'congregation',
  congregation_role_change: 'change to my role',
  congregation_crew: 'congregation crew link',
  congregation_person: 'congregation person link',
  gathering: 'gathering',
  gathering_person: 'gathering person link',
  shared_lesson: 'lesson to share',
  network: 'network',
  network_congregation: 'network congregation link',
  network_host: 'network host',
  adapted_practice: 'adapted practice',
  draft: 'draft',
};

/** A table's record in the singular; one from a newer Ladder, unknown here, as its name in words. */
export function recordNoun(table: string): string {
  return recordNouns[table] ?? table.replaceAll('_', ' ');
}

const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** "a part", "an entry". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Row `index` (from 0) of `table`, counted from 1 as a person counts: "entry 2". */
export function rowPlace(table: string, index: number): string {
  return `${recordNoun(table)} ${(index + 1).toLocaleString('en')}`;
}

/** The same, to begin a sentence about the file being imported: "Entry 2 in this file". */
export function rowName(table: string, index: number): string {
  return `${capital(rowPlace(table, index))} in this file`;
}

/** Columns whose name does not say itself in words. */
const columnWordsByName: Record<string, string> = {
  id: 'id',
  entry_date: 'date',
  checkin_date: 'date',
  held_on: 'date',
  shared_on: 'date',
  changed_on: 'date',
  taken_on: 'date',
  made_on: 'date it was made',
  due_on: 'date it is due',
  created_at: 'time it was made',
  updated_at: 'time it was last changed',
  deleted_at: 'time it was deleted',
  body: 'text',
  i_shared: 'what I shared',
  i_heard: 'what I heard',
  other_part_id: 'other part',
  renegotiated_from_id: 'commitment it replaces',
  raised_by_id: 'person who raised it',
  covered_meeting_id: 'meeting it was covered in',
  caller_id: 'person who called the crew',
  owner_id: 'person it is for',
  host_id: 'host',
  focus_id: 'focus person',
  next_host_id: 'next host',
  next_focus_id: 'next focus person',
};

/** A column in words, with its own name in brackets when they differ: "date (entry_date)", "name". */
export function columnWords(column: string): string {
  const link = /^(.+)_id$/.exec(column)?.[1];
  const words = columnWordsByName[column] ?? (link === undefined ? column.replaceAll('_', ' ') : recordNoun(link));
  return words === column ? words : `${words} (${column})`;
}

const meTwiceWords =
  'it is you, and your archive already has someone marked as you. Ladder keeps one: open that person (Dyads → People), choose Edit details and untick “This is me”, then import again';

/**
 * An SQLite reason for refusing a row, in words: "it has the same name (name) as another part".
 * A reason not recognised stays as SQLite gave it, in brackets, rather than being guessed at.
 */
export function refusalWords(table: string, reason: string | undefined): string {
  const text = reason ?? '';
  const unique = /^UNIQUE constraint failed: (.+)$/.exec(text)?.[1];
  if (unique !== undefined) {
    const columns = unique.startsWith('index ') ? [] : unique.split(',').map((c) => c.trim().replace(/^.*\./, ''));
    // One person is "me" (person_one_me). A new archive often has one already: calling a crew or
    // adding a person asks for my name. Say how to make room, not which index refused it.
    if (table === 'person' && columns.join() === 'is_me') return meTwiceWords;
    const same = columns.length > 0 ? `the same ${columns.map(columnWords).join(' and ')}` : 'the same name';
    return `it has ${same} as another ${recordNoun(table)}, in your archive or earlier in this file`;
  }
  const notNull = /^NOT NULL constraint failed: (?:.*\.)?(.+)$/.exec(text)?.[1];
  if (notNull !== undefined) return `it has no ${columnWords(notNull)}`;
  const check = /^CHECK constraint failed: (.*)$/.exec(text)?.[1];
  if (check !== undefined) {
    const column = /^\s*"?([A-Za-z_][A-Za-z0-9_]*)/.exec(check)?.[1];
    return column === undefined ? 'one of its values is not one Ladder allows' : `its ${columnWords(column)} is not a value Ladder allows`;
  }
  if (/datatype mismatch/i.test(text)) return 'one of its values is of the wrong kind (text where a number belongs, or the other way round)';
  return text === '' ? 'the archive refused it' : `the archive refused it (${text})`;
}
