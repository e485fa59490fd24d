import { untitledEntryName } from '../../../../shared/domain/journal';
import { type DyadKind, dyadKindLabels } from '../../../../shared/domain/dyads';
import { personLabel } from '../../../../shared/domain/people';
import { type PartRole, partRoleLabels } from '../../../../shared/domain/self';
import type { SearchRung, SearchTarget } from '../../../../shared/domain/search';

/*
 * SEARCH REGISTRY: every kind of record that search finds.
 *
 * How the index works: `search_doc` (kind, record_id, rung, day) and the FTS5 table `search_text`
 * (title, body) share a rowid. SQL triggers on each source table keep them current in the same
 * transaction as the write: insert adds, update re-indexes, a soft delete (deleted_at set) removes
 * the record, a restore brings it back, a hard delete removes it. Each kind's rowids are a range
 * of their own, newest last (migration 0015's `search_doc_place` places every new document), so a
 * search asks FTS5 for one kind at a time without reading the others. Emoji, which FTS5 reads as
 * spaces, are tokens of `meta` too (migration 0024).
 *
 * HOW A NEW RECORD KIND JOINS SEARCH (e.g. crews' `meeting`):
 *  1. One migration of yours, after the one that creates the table (e.g. `0009-crews-search.ts`):
 *       import { indexKind } from './0006-search';   // frozen with 0006, safe to import
 *       export async function up(db: Kysely<any>) {
 *         await indexKind(db, { kind: 'meeting', table: 'meeting', rung: `'crews'`, day: 'new.held_on',
 *           title: `coalesce((SELECT name FROM crew WHERE id = new.crew_id), '')`,
 *           body: `new.place || char(10) || new.notes`, watch: ['crew_id', 'held_on', 'place', 'notes', 'deleted_at'] });
 *       }
 *     It creates the insert/update/delete triggers and indexes the rows already there, in a rowid
 *     range of the kind's own. Then `await indexSymbols(db, 'meeting')` (from './0024-search-emoji')
 *     makes its emoji searchable too. (A title taken from another table goes stale when that row is
 *     renamed; 0006's `search_person_rename` shows the trigger that keeps it current, and 0024 how
 *     such a trigger keeps the emoji of a title current.)
 *  2. One entry below (or set `triggersIn` on the one already waiting): its label, table, the
 *     columns indexed, where a hit opens, and the facets (person, part, tag…) it can be filtered by.
 *     A unit test checks every table is either here or in `notSearched`, and that the triggers exist.
 * That's all: the search service, the Search page, its filters and grouping pick it up from here.
 */

export interface SearchKindSpec {
  kind: string;
  /** Plural, for the group heading. */
  label: string;
  table: string;
  /** The rung a record belongs to when it does not say (entries may name their own). */
  rung: SearchRung;
  /** What the migration's triggers index: documentation, and checked against the triggers in a test. */
  indexed: { title: string; body: string[]; day: string | null };
  /** Columns read (one query per page of hits) to say where a hit opens; the table is `t`. */
  targetColumns: string[];
  /** When the target needs another table: the FROM clause, with the record's table as `t`. */
  targetFrom?: string;
  open(row: Record<string, unknown>): SearchTarget;
  /** What an untitled record is called, from the same `targetColumns` (when its kind says more than "Untitled"). */
  untitled?(row: Record<string, unknown>): string | undefined;
  /** Words before the indexed title, from the same `targetColumns`: "My commitment to ". */
  titleBefore?(row: Record<string, unknown>): string;
  /** Words after the indexed title, from the same `targetColumns`: " (you)", the crew a round was said in. */
  titleAfter?(row: Record<string, unknown>): string;
  /**
   * The snippet made from the record's own fields (from `targetColumns`), for a kind whose indexed
   * body joins fields that read wrongly run together; undefined keeps FTS5's snippet of the body.
   */
  snippetFrom?(row: Record<string, unknown>): SnippetPart[] | undefined;
  /**
   * Facet filters this kind answers: SQL selecting the ids of its records that match the facet
   * value bound to `?`. A kind without a facet is left out while that facet is filtered on.
   */
  facets?: Partial<Record<FacetName, string>>;
  /**
   * SQL selecting the ids of this kind's records hidden because a parent of theirs is deleted,
   * for kinds shown inside a parent that can be deleted: a deleted dyad's check-ins, say, are
   * hidden with it and back when it is restored, without touching their index rows. Written to
   * start from the parents (few, and rarely deleted), so it costs next to nothing when none is.
   */
  hiddenIds?: string;
  /**
   * The migration whose triggers index this kind, or null while that migration is still to be
   * written (the kind is then simply never found). A unit test checks the triggers exist.
   */
  triggersIn: string | null;
}

export type FacetName = 'person' | 'part' | 'tag';

/** One field of a snippet, marked on its own where the search's words are; `lead` and `end` are plain words around it. */
export interface SnippetPart {
  lead?: string;
  text: string;
  end?: string;
}

export interface FacetSource {
  facet: FacetName;
  label: string;
  /** The table the facet's values live in; the facet is offered only when it exists. */
  table: string;
  /** Lists the values (id, label, and isMe for people) for the filter menu. */
  options: string;
}

const idOf = (row: Record<string, unknown>, column = 'id') => String(row[column]);
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** Fields shown apart in a result's snippet, the empty ones left out; undefined when all are empty. */
function apart(fields: string[]): SnippetPart[] | undefined {
  const text = fields.filter((field) => field.trim() !== '').join(' · ');
  return text === '' ? undefined : [{ text }];
}
/** " (you)" after the person marked as me, as every list names them (`name` and `is_me` in the row). */
const youAfter = (row: Record<string, unknown>) => {
  const name = textOf(row.name);
  return personLabel({ name, isMe: row.is_me === 1 }).slice(name.length);
};
/** Live records of `table` whose dyad, or that dyad's person, is deleted. */
const underDeletedDyad = (table: string) =>
  `SELECT t.id FROM dyad y CROSS JOIN person p ON p.id = y.person_id CROSS JOIN ${table} t ON t.dyad_id = y.id AND t.deleted_at IS NULL
   WHERE y.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL`;
/** Live records of `table` whose `parent` (a congregation or network) is deleted. */
const underDeleted = (table: string, parent: string) =>
  `SELECT t.id FROM ${parent} x CROSS JOIN ${table} t ON t.${parent}_id = x.id AND t.deleted_at IS NULL WHERE x.deleted_at IS NOT NULL`;

const dyadPerson = (table: string) => `SELECT t.id FROM ${table} t JOIN dyad d ON d.id = t.dyad_id WHERE d.person_id = ? AND t.deleted_at IS NULL`;

/** A part's fields as its search body indexes them (0017), in order; its role by the words the app shows. */
const partFields = ['role', 'body_location', 'apparent_age', 'job', 'positive_intent', 'fears', 'trailheads', 'notes'];
/** A role in words; "Not sure yet" says nothing worth reading in a result (as 0017 indexes it). */
const partRoleWords = (role: string) => (role === 'unknown' ? '' : (partRoleLabels[role as PartRole] ?? ''));
/** A dyad's fields as its search body indexes them (0017), in order; its kind by the words the app shows. */
const dyadFields = ['kind', 'intention', 'closing_note'];

export const searchKinds: readonly SearchKindSpec[] = [
  {
    kind: 'entry',
    label: 'Journal entries',
    table: 'entry',
    rung: 'self',
    indexed: { title: 'title', body: ['body'], day: 'entry_date' },
    triggersIn: '0006-search',
    targetColumns: ['id', 'kind'],
    open: (row) => ({ page: 'self', detail: { kind: 'entry', id: idOf(row) } }),
    // The journal's own name for an untitled capture or reflection, so search says the same.
    untitled: (row) => (row.kind === 'journal' || typeof row.kind !== 'string' ? undefined : untitledEntryName(row.kind)),
    facets: {
      part: 'SELECT entry_id FROM entry_part WHERE part_id = ? AND deleted_at IS NULL',
      tag: 'SELECT entry_id FROM entry_tag WHERE tag_id = ? AND deleted_at IS NULL',
    },
  },
  {
    kind: 'part',
    label: 'Parts',
    table: 'part',
    rung: 'self',
    indexed: {
      title: 'name',
      body: ['role', 'body_location', 'apparent_age', 'job', 'positive_intent', 'fears', 'trailheads', 'notes'],
      day: null,
    },
    triggersIn: '0006-search',
    targetColumns: ['id', ...partFields],
    open: (row) => ({ page: 'self', detail: { kind: 'part', id: idOf(row) } }),
    // The indexed body is its fields one per line, which a snippet runs together ("Manager Checks
    // every word"): the fields are kept apart here, as the part's page has them.
    snippetFrom: (row) => {
      return apart([partRoleWords(textOf(row.role)), ...partFields.slice(1).map((column) => textOf(row[column]))]);
    },
    facets: { part: 'SELECT ?' },
  },
  {
    kind: 'person',
    label: 'People',
    table: 'person',
    rung: 'dyads',
    indexed: { title: 'name', body: ['how_we_met', 'notes'], day: null },
    triggersIn: '0006-search',
    targetColumns: ['id', 'name', 'is_me'],
    open: (row) => ({ page: 'dyads', detail: { kind: 'person', id: idOf(row) } }),
    titleAfter: youAfter,
    facets: { person: 'SELECT ?' },
  },
  {
    kind: 'checkin',
    label: 'Check-ins',
    table: 'checkin',
    rung: 'dyads',
    indexed: { title: 'person name', body: ['i_shared', 'i_heard', 'offers_asks_from_me', 'offers_asks_from_them', 'notes'], day: 'checkin_date' },
    triggersIn: '0006-search',
    targetColumns: ['id'],
    open: (row) => ({ page: 'dyads', detail: { kind: 'checkin', id: idOf(row) } }),
    hiddenIds: underDeletedDyad('checkin'),
    facets: {
      person: dyadPerson('checkin'),
      part: 'SELECT checkin_id FROM checkin_part WHERE part_id = ? AND deleted_at IS NULL',
    },
  },
  {
    kind: 'commitment',
    label: 'Commitments',
    table: 'commitment',
    rung: 'dyads',
    indexed: { title: 'person name', body: ['text', 'outcome_note'], day: 'made_on' },
    triggersIn: '0006-search',
    targetColumns: ['id', 'dyad_id', 'direction', 'text', 'status', 'outcome_note'],
    open: (row) => ({ page: 'dyads', detail: { kind: 'dyad', id: idOf(row, 'dyad_id') } }),
    // Whose it is, as the dyad's page sorts them: "My commitment to Ana", "Ana’s commitment".
    titleBefore: (row) => (row.direction === 'mine' ? 'My commitment to ' : ''),
    titleAfter: (row) => (row.direction === 'mine' ? '' : '’s commitment'),
    // A renegotiated promise holds its first wording and its new terms: it reads "now: … (was: …)",
    // as the dyad's page says it. A note on one kept or released follows it after " · ".
    snippetFrom: (row) => {
      const text = textOf(row.text);
      const note = textOf(row.outcome_note);
      if (note.trim() === '') return [{ text }];
      return row.status === 'renegotiated' ? [{ lead: 'now: ', text: note }, { lead: ' (was: ', text, end: ')' }] : [{ text }, { lead: ' · ', text: note }];
    },
    hiddenIds: underDeletedDyad('commitment'),
    facets: { person: dyadPerson('commitment') },
  },
  {
    kind: 'dyad',
    label: 'Dyads',
    table: 'dyad',
    rung: 'dyads',
    indexed: { title: 'person name', body: ['kind', 'intention', 'closing_note'], day: 'started_on' },
    triggersIn: '0006-search',
    targetColumns: ['id', ...dyadFields],
    open: (row) => ({ page: 'dyads', detail: { kind: 'dyad', id: idOf(row) } }),
    // As a part's: "Peer coach · Walk and talk", not "Peer coach Walk and talk".
    snippetFrom: (row) => apart([dyadKindLabels[textOf(row.kind) as DyadKind] ?? '', textOf(row.intention), textOf(row.closing_note)]),
    hiddenIds: 'SELECT t.id FROM dyad t CROSS JOIN person p ON p.id = t.person_id WHERE t.deleted_at IS NULL AND p.deleted_at IS NOT NULL',
    facets: { person: 'SELECT id FROM dyad WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'dyad_agreement',
    label: 'Agreements',
    table: 'dyad_agreement',
    rung: 'dyads',
    indexed: { title: 'person name', body: ['text'], day: null },
    triggersIn: '0006-search',
    targetColumns: ['id', 'dyad_id'],
    open: (row) => ({ page: 'dyads', detail: { kind: 'dyad', id: idOf(row, 'dyad_id') } }),
    hiddenIds: underDeletedDyad('dyad_agreement'),
    facets: { person: dyadPerson('dyad_agreement') },
  },
  // The Crews rung (migration 0008); their triggers are in 0009-crews-search.
  {
    kind: 'crew',
    label: 'Crews',
    table: 'crew',
    rung: 'crews',
    indexed: { title: 'name', body: ['intention', 'format_note', 'closing_note'], day: 'started_on' },
    triggersIn: '0009-crews-search',
    targetColumns: ['id'],
    open: (row) => ({ page: 'crews', detail: { kind: 'crew', id: idOf(row) } }),
    facets: { person: 'SELECT crew_id FROM crew_member WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'meeting',
    label: 'Meetings',
    table: 'meeting',
    rung: 'crews',
    indexed: { title: 'crew name', body: ['place', 'notes'], day: 'held_on' },
    triggersIn: '0009-crews-search',
    targetColumns: ['id'],
    open: (row) => ({ page: 'crews', detail: { kind: 'meeting', id: idOf(row) } }),
    facets: {
      person: 'SELECT meeting_id FROM meeting_checkin_note WHERE person_id = ? AND attended = 1 AND deleted_at IS NULL',
      part: 'SELECT meeting_id FROM meeting_part WHERE part_id = ? AND deleted_at IS NULL',
    },
  },
  {
    kind: 'crew_case',
    label: 'My cases',
    table: 'crew_case',
    rung: 'crews',
    indexed: { title: 'crew name', body: ['situation', 'who', 'future', 'edge', 'help'], day: null },
    triggersIn: '0012-crews-prep',
    // A case opens with its meeting once held, and in the prep before that.
    targetColumns: ['t.id AS id', 't.crew_id AS crew_id', 'm.id AS meeting_id'],
    targetFrom: 'crew_case t LEFT JOIN meeting m ON m.crew_id = t.crew_id AND m.number = t.number AND m.deleted_at IS NULL',
    open: (row) =>
      row.meeting_id === null
        ? { page: 'crews', detail: { kind: 'prep', id: idOf(row, 'crew_id') } }
        : { page: 'crews', detail: { kind: 'meeting', id: idOf(row, 'meeting_id') } },
  },
  {
    kind: 'meeting_checkin_note',
    label: 'Check-in rounds',
    table: 'meeting_checkin_note',
    rung: 'crews',
    indexed: { title: 'person name', body: ['note'], day: 'meeting held_on' },
    triggersIn: '0009-crews-search',
    // A check-in note opens the meeting it was said in, and names its crew: "Ada (you) · Thursday crew".
    targetColumns: ['t.id AS id', 't.meeting_id AS meeting_id', 'p.name AS name', 'p.is_me AS is_me', 'c.name AS crew_name'],
    targetFrom: 'meeting_checkin_note t JOIN person p ON p.id = t.person_id JOIN meeting m ON m.id = t.meeting_id JOIN crew c ON c.id = m.crew_id',
    open: (row) => ({ page: 'crews', detail: { kind: 'meeting', id: idOf(row, 'meeting_id') } }),
    titleAfter: (row) => `${youAfter(row)} · ${textOf(row.crew_name)}`,
    facets: { person: 'SELECT id FROM meeting_checkin_note WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'agenda_item',
    label: 'Agenda items',
    table: 'agenda_item',
    rung: 'crews',
    indexed: { title: 'crew name', body: ['text'], day: null },
    triggersIn: '0009-crews-search',
    targetColumns: ['id', 'crew_id'],
    open: (row) => ({ page: 'crews', detail: { kind: 'crew', id: idOf(row, 'crew_id') } }),
  },
  {
    kind: 'action_item',
    label: 'Action items',
    table: 'action_item',
    rung: 'crews',
    indexed: { title: 'crew name', body: ['text'], day: 'due_on' },
    triggersIn: '0009-crews-search',
    targetColumns: ['id', 'crew_id'],
    open: (row) => ({ page: 'crews', detail: { kind: 'crew', id: idOf(row, 'crew_id') } }),
    facets: { person: 'SELECT id FROM action_item WHERE owner_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'crew_agreement',
    label: 'Crew agreements',
    table: 'crew_agreement',
    rung: 'crews',
    indexed: { title: 'crew name', body: ['text'], day: null },
    triggersIn: '0009-crews-search',
    targetColumns: ['id', 'crew_id'],
    open: (row) => ({ page: 'crews', detail: { kind: 'crew', id: idOf(row, 'crew_id') } }),
  },
  {
    kind: 'retrospective',
    label: 'Retrospectives',
    table: 'retrospective',
    rung: 'crews',
    indexed: { title: 'crew name', body: ['worked', 'did_not_work', 'change', 'decision'], day: 'held_on' },
    triggersIn: '0009-crews-search',
    targetColumns: ['id', 'crew_id'],
    open: (row) => ({ page: 'crews', detail: { kind: 'crew', id: idOf(row, 'crew_id') } }),
  },
  // The Congregations and Network rungs (migration 0010), indexed by 0011-congregations-search.
  {
    kind: 'congregation',
    label: 'Congregations',
    table: 'congregation',
    rung: 'congregations',
    indexed: { title: 'name', body: ['about'], day: null },
    triggersIn: '0011-congregations-search',
    targetColumns: ['id'],
    open: (row) => ({ page: 'congregations', detail: { kind: 'congregation', id: idOf(row) } }),
    facets: { person: 'SELECT congregation_id FROM congregation_person WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'gathering',
    label: 'Gatherings',
    table: 'gathering',
    rung: 'congregations',
    indexed: { title: 'name', body: ['place', 'harvest'], day: 'held_on' },
    triggersIn: '0011-congregations-search',
    targetColumns: ['id', 'congregation_id'],
    // A gathering is shown on its congregation's page.
    open: (row) => ({ page: 'congregations', detail: { kind: 'congregation', id: idOf(row, 'congregation_id') } }),
    hiddenIds: underDeleted('gathering', 'congregation'),
    facets: { person: 'SELECT gathering_id FROM gathering_person WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'shared_lesson',
    label: 'Shared lessons',
    table: 'shared_lesson',
    rung: 'congregations',
    indexed: { title: 'congregation name', body: ['text'], day: 'shared_on' },
    triggersIn: '0011-congregations-search',
    targetColumns: ['id', 'congregation_id'],
    open: (row) => ({ page: 'congregations', detail: { kind: 'congregation', id: idOf(row, 'congregation_id') } }),
    hiddenIds: underDeleted('shared_lesson', 'congregation'),
  },
  {
    kind: 'network',
    label: 'Networks',
    table: 'network',
    rung: 'network',
    indexed: { title: 'name', body: ['notes'], day: null },
    triggersIn: '0011-congregations-search',
    targetColumns: ['id'],
    open: (row) => ({ page: 'network', detail: { kind: 'network', id: idOf(row) } }),
    facets: { person: 'SELECT network_id FROM network_host WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'network_host',
    label: 'Hosts I learn from',
    table: 'network_host',
    rung: 'network',
    indexed: { title: 'person name', body: ['note'], day: null },
    triggersIn: '0011-congregations-search',
    targetColumns: ['t.id AS id', 't.network_id AS network_id', 'p.name AS name', 'p.is_me AS is_me'],
    targetFrom: 'network_host t JOIN person p ON p.id = t.person_id',
    open: (row) => ({ page: 'network', detail: { kind: 'network', id: idOf(row, 'network_id') } }),
    titleAfter: youAfter,
    hiddenIds: `SELECT t.id FROM network_host t CROSS JOIN network x ON x.id = t.network_id CROSS JOIN person p ON p.id = t.person_id
      WHERE t.deleted_at IS NULL AND (x.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL)`,
    facets: { person: 'SELECT id FROM network_host WHERE person_id = ? AND deleted_at IS NULL' },
  },
  {
    kind: 'adapted_practice',
    label: 'Adapted practices',
    table: 'adapted_practice',
    rung: 'network',
    indexed: { title: 'name', body: ['learned_from', 'how_adapted'], day: null },
    triggersIn: '0011-congregations-search',
    targetColumns: ['id', 'network_id'],
    open: (row) => ({ page: 'network', detail: { kind: 'network', id: idOf(row, 'network_id') } }),
    hiddenIds: underDeleted('adapted_practice', 'network'),
  },
];

export const facetSources: readonly FacetSource[] = [
  {
    facet: 'person',
    label: 'Person',
    table: 'person',
    options: 'SELECT id, name AS label, is_me AS isMe FROM person WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id LIMIT 500',
  },
  {
    facet: 'part',
    label: 'Part',
    table: 'part',
    options: 'SELECT id, name AS label FROM part WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id LIMIT 500',
  },
  {
    facet: 'tag',
    label: 'Tag',
    table: 'tag',
    options: 'SELECT id, name AS label FROM tag WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id LIMIT 500',
  },
];

/**
 * Tables search leaves out on purpose, with why. Every table in the archive is either a kind
 * above or listed here; a unit test fails when a new table is neither.
 */
export const notSearched: Readonly<Record<string, string>> = {
  prompt: 'Ladder’s and your prompts are a library to write from, not writing.',
  draft: 'Words not saved yet: found once they are saved as the record they are for.',
  template: 'Templates are a library to write from, not writing.',
  part_status_change: 'A part’s status history; the part itself is searched.',
  part_relation: 'Links between parts, no text of their own.',
  entry_part: 'Link table: searched as the part filter.',
  tag: 'Tags filter search (the tag facet).',
  entry_tag: 'Link table: searched as the tag filter.',
  self_energy: 'Numbers only.',
  part_map_snapshot: 'A dated picture of the parts map.',
  checkin_part: 'Link table: searched as the part filter on check-ins.',
  crew_member: 'Link table: searched as the person filter on crews.',
  crew_stage_change: 'A crew’s stage history; the crew itself is searched.',
  meeting_part: 'Link table: searched as the part filter on meetings.',
  congregation_role_change: 'My role history in a congregation; the congregation itself is searched.',
  congregation_crew: 'Link table: which crews belong to a congregation.',
  congregation_person: 'Link table: searched as the person filter on congregations.',
  gathering_person: 'Link table: searched as the person filter on gatherings.',
  network_congregation: 'Link table: which congregations form a network.',
};

export function kindSpec(kind: string): SearchKindSpec | undefined {
  return searchKinds.find((spec) => spec.kind === kind);
}
