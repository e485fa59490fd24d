import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { untitledEntryName } from '../../../../shared/domain/journal';
import { qualityLabels } from '../../../../shared/domain/protector-reflection';
import { selfEnergyQualities } from '../../../../shared/domain/self';
import { groupMarkdownKinds } from './markdown-groups';
import { list, type Lookup, note, type Row, section, text } from './markdown-note';

/*
 * MARKDOWN EXPORT REGISTRY: which records become Markdown files in an export, and how.
 * (The JSON file always holds every row of every table; these files are for reading anywhere.)
 * A new kind (a crew meeting, say) joins with one entry: its table, the folder it goes in
 * (a folder per rung), a file name, and its front matter and body. Kinds whose table does not
 * exist in the archive are skipped.
 */

export interface MarkdownKind {
  table: string;
  /**
   * Rows to write: live ones only, with whatever the file needs joined in. Deleted ones stay out
   * of the Markdown (the JSON keeps them), and so do records shown nowhere in the app because what
   * they belong to was deleted (a deleted network's practices, a deleted dyad's check-ins); the
   * lookups leave out deleted records too (a deleted part is not named in an entry).
   */
  select: string;
  folder(row: Row): string;
  /** Without the extension; made safe and unique by the exporter. */
  fileName(row: Row): string;
  render(row: Row, lookup: Lookup): string;
}

export type { Lookup, Row } from './markdown-note';

const recordKinds: readonly MarkdownKind[] = [
  {
    table: 'entry',
    select: 'SELECT * FROM entry WHERE deleted_at IS NULL ORDER BY entry_date, id',
    folder: (row) => `${text(row.rung) || 'self'}/journal`,
    // An untitled quick capture is "Quick capture" here too, as in the journal and in search.
    fileName: (row) => `${text(row.entry_date)} ${text(row.title) || untitledEntryName(text(row.kind) || 'journal')}`,
    render: (row, lookup) => {
      const tags = lookup(
        'SELECT t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = ? AND et.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY et.position',
        row.id,
      ).map((r) => text(r.name));
      const parts = lookup(
        'SELECT p.name FROM entry_part ep JOIN part p ON p.id = ep.part_id WHERE ep.entry_id = ? AND ep.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY ep.position',
        row.id,
      ).map((r) => text(r.name));
      const [energy] = lookup('SELECT * FROM self_energy WHERE entry_id = ? AND deleted_at IS NULL', row.id);
      const ratings = energy ? selfEnergyQualities.filter((q) => typeof energy[q] === 'number').map((q) => `${qualityLabels[q]}: ${text(energy[q])}`) : [];
      return note(
        row,
        'entry',
        {
          title: text(row.title),
          date: text(row.entry_date),
          rung: text(row.rung) || 'self',
          kind: row.kind === undefined ? undefined : text(row.kind),
          tags: tags.length > 0 ? tags : undefined,
          parts: parts.length > 0 ? parts : undefined,
        },
        text(row.title),
        `${text(row.body).trimEnd()}\n\n${section('Self-energy', list(ratings))}`,
      );
    },
  },
  {
    table: 'checkin',
    select: `SELECT c.*, coalesce(p.name, '') AS person_name FROM checkin c
             LEFT JOIN dyad d ON d.id = c.dyad_id LEFT JOIN person p ON p.id = d.person_id
             WHERE c.deleted_at IS NULL AND d.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY c.checkin_date, c.id`,
    folder: () => 'dyads/check-ins',
    fileName: (row) => `${text(row.checkin_date)} ${text(row.person_name) || 'Check-in'}`,
    render: (row, lookup) => {
      const parts = lookup(
        'SELECT p.name FROM checkin_part cp JOIN part p ON p.id = cp.part_id WHERE cp.checkin_id = ? AND cp.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE',
        row.id,
      );
      const promises = lookup('SELECT direction, text, status FROM commitment WHERE checkin_id = ? AND deleted_at IS NULL ORDER BY id', row.id);
      const promised = (direction: string) => list(promises.filter((c) => c.direction === direction).map((c) => `${text(c.text)} (${text(c.status)})`));
      return note(
        row,
        'checkin',
        {
          date: text(row.checkin_date),
          with: text(row.person_name),
          how: text(row.how),
          dial: typeof row.dial === 'number' ? row.dial : undefined,
          next: row.next_checkin_date ? text(row.next_checkin_date) : undefined,
          parts: parts.length > 0 ? parts.map((p) => text(p.name)) : undefined,
        },
        `Check-in with ${text(row.person_name)}`,
        section('I shared', row.i_shared) +
          section('I heard', row.i_heard) +
          section('Offers and asks from me', row.offers_asks_from_me) +
          section('Offers and asks from them', row.offers_asks_from_them) +
          section('Notes', row.notes) +
          section('I committed to', promised('mine')) +
          section(`${text(row.person_name)} committed to`, promised('theirs')),
      );
    },
  },
  {
    table: 'meeting',
    select: `SELECT m.*, coalesce(c.name, '') AS crew_name, coalesce(h.name, '') AS host_name, coalesce(f.name, '') AS focus_name
             FROM meeting m LEFT JOIN crew c ON c.id = m.crew_id
             LEFT JOIN person h ON h.id = m.host_id AND h.deleted_at IS NULL LEFT JOIN person f ON f.id = m.focus_id AND f.deleted_at IS NULL
             WHERE m.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY m.crew_id, m.number`,
    folder: (row) => `crews/${text(row.crew_name) || 'Crew'}/meetings`,
    fileName: (row) => `${text(row.held_on)} Meeting ${text(row.number)}`,
    render: (row, lookup) => {
      const round = lookup(
        `SELECT p.name, n.note, n.attended FROM meeting_checkin_note n JOIN person p ON p.id = n.person_id
         WHERE n.meeting_id = ? AND n.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE`,
        row.id,
      );
      const agenda = lookup('SELECT text, private FROM agenda_item WHERE covered_meeting_id = ? AND deleted_at IS NULL ORDER BY id', row.id);
      const actions = lookup(
        `SELECT a.text, coalesce(p.name, '') AS owner, a.due_on, a.status, a.resolved_on FROM action_item a LEFT JOIN person p ON p.id = a.owner_id AND p.deleted_at IS NULL
         WHERE a.meeting_id = ? AND a.deleted_at IS NULL ORDER BY a.id`,
        row.id,
      );
      return note(
        row,
        'meeting',
        {
          crew: text(row.crew_name),
          number: typeof row.number === 'number' ? row.number : undefined,
          cycle: typeof row.cycle === 'number' ? row.cycle : undefined,
          date: text(row.held_on),
          place: text(row.place) || undefined,
          host: text(row.host_name) || undefined,
          focus: text(row.focus_name) || undefined,
          attended: round.filter((r) => r.attended === 1).map((r) => text(r.name)),
        },
        `${text(row.crew_name)}: meeting ${text(row.number)}`,
        section('Check-in round', list(round.filter((r) => text(r.note).trim() !== '').map((r) => `${text(r.name)}: ${text(r.note)}`))) +
          section('Agenda covered', list(agenda.map((a) => (a.private === 1 ? `(private, my own note) ${text(a.text)}` : text(a.text))))) +
          section('Notes', row.notes) +
          section('Action items', list(actions.map((a) => `${text(a.text)} (${text(a.owner)}${a.due_on ? `, by ${text(a.due_on)}` : ''})${settled(a)}`))),
      );
    },
  },
  // A part's profile: what you have come to know of it.
  {
    table: 'part',
    select: 'SELECT * FROM part WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
    folder: () => 'self/parts',
    fileName: (row) => text(row.name) || 'Part',
    render: (row, lookup) => {
      // Both ends of a relation: "protects Little me", "is protected by the Critic".
      const relations = lookup(
        `SELECT r.kind, 1 AS outgoing, p.name FROM part_relation r JOIN part p ON p.id = r.other_part_id
         WHERE r.part_id = ? AND r.deleted_at IS NULL AND p.deleted_at IS NULL
         UNION ALL
         SELECT r.kind, 0 AS outgoing, p.name FROM part_relation r JOIN part p ON p.id = r.part_id
         WHERE r.other_part_id = ? AND r.deleted_at IS NULL AND p.deleted_at IS NULL`,
        row.id,
        row.id,
      );
      const relation = (r: Row) => `${r.kind === 'protects' ? (r.outgoing === 1 ? 'Protects' : 'Protected by') : r.kind === 'polarised' ? 'Polarised with' : 'Allied with'} ${text(r.name)}`;
      return note(
        row,
        'part',
        {
          name: text(row.name),
          role: text(row.role) || undefined,
          status: text(row.status) || undefined,
          trust: typeof row.trust === 'number' ? row.trust : undefined,
        },
        text(row.name),
        section('Where I feel it', row.body_location) +
          section('How old it seems', row.apparent_age) +
          section('Its job', row.job) +
          section('What it wants for me', row.positive_intent) +
          section('What it fears', row.fears) +
          section('Trailheads', row.trailheads) +
          section('Relations', list(relations.map(relation))) +
          section('Notes', row.notes),
      );
    },
  },
  {
    table: 'retrospective',
    select: `SELECT r.*, coalesce(c.name, '') AS crew_name FROM retrospective r LEFT JOIN crew c ON c.id = r.crew_id
             WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY r.crew_id, r.held_on, r.id`,
    folder: (row) => `crews/${text(row.crew_name) || 'Crew'}/retrospectives`,
    fileName: (row) => `${text(row.held_on)} Retrospective of cycle ${text(row.cycle)}`,
    render: (row) =>
      note(
        row,
        'retrospective',
        {
          crew: text(row.crew_name),
          cycle: typeof row.cycle === 'number' ? row.cycle : undefined,
          date: text(row.held_on),
          decision: text(row.decision) || undefined,
        },
        `${text(row.crew_name)}: retrospective of cycle ${text(row.cycle)}`,
        section('What worked', row.worked) + section('What did not', row.did_not_work) + section('What we change', row.change),
      ),
  },
  {
    table: 'gathering',
    select: `SELECT g.*, coalesce(c.name, '') AS congregation_name FROM gathering g LEFT JOIN congregation c ON c.id = g.congregation_id
             WHERE g.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY g.congregation_id, g.held_on, g.id`,
    folder: (row) => `congregations/${text(row.congregation_name) || 'Congregation'}/gatherings`,
    fileName: (row) => `${text(row.held_on)} ${text(row.name) || 'Gathering'}`,
    render: (row, lookup) => {
      const people = lookup(
        `SELECT p.name, gp.relation FROM gathering_person gp JOIN person p ON p.id = gp.person_id
         WHERE gp.gathering_id = ? AND gp.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE`,
        row.id,
      );
      const named = (relation: string) => people.filter((p) => p.relation === relation).map((p) => text(p.name));
      return note(
        row,
        'gathering',
        {
          congregation: text(row.congregation_name),
          date: text(row.held_on),
          place: text(row.place) || undefined,
          temporary_crew: named('temporary_crew').length > 0 ? named('temporary_crew') : undefined,
          possible_crewmates: named('possible_crewmate').length > 0 ? named('possible_crewmate') : undefined,
        },
        text(row.name) || 'Gathering',
        section('Harvest', row.harvest),
      );
    },
  },
  {
    table: 'shared_lesson',
    select: `SELECT l.*, coalesce(c.name, '') AS congregation_name, coalesce(cr.name, '') AS crew_name
             FROM shared_lesson l LEFT JOIN congregation c ON c.id = l.congregation_id LEFT JOIN crew cr ON cr.id = l.crew_id AND cr.deleted_at IS NULL
             WHERE l.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY l.congregation_id, l.shared_on, l.id`,
    folder: (row) => `congregations/${text(row.congregation_name) || 'Congregation'}/lessons`,
    fileName: (row) => `${text(row.shared_on)} Lesson${row.crew_name ? ` from ${text(row.crew_name)}` : ''}`,
    render: (row) =>
      note(
        row,
        'lesson',
        {
          congregation: text(row.congregation_name),
          crew: text(row.crew_name) || undefined,
          date: text(row.shared_on),
        },
        '',
        text(row.text),
      ),
  },
  {
    table: 'adapted_practice',
    select: `SELECT a.*, coalesce(n.name, '') AS network_name FROM adapted_practice a LEFT JOIN network n ON n.id = a.network_id
             WHERE a.deleted_at IS NULL AND n.deleted_at IS NULL ORDER BY a.network_id, a.name COLLATE NOCASE, a.id`,
    folder: (row) => `network/${text(row.network_name) || 'Network'}/practices`,
    fileName: (row) => text(row.name) || 'Practice',
    render: (row) =>
      note(
        row,
        'practice',
        {
          network: text(row.network_name),
          learned_from: text(row.learned_from) || undefined,
        },
        text(row.name),
        section('How I adapted it', row.how_adapted),
      ),
  },
];

export const markdownKinds: readonly MarkdownKind[] = [...recordKinds, ...groupMarkdownKinds];

export function existingMarkdownKinds(sqlite: SqliteDatabase.Database) {
  const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return markdownKinds.filter((kind) => tables.has(kind.table));
}

/** How an action item ended, after it in a meeting's notes: " — done on 2026-11-20"; nothing while it is open. */
function settled(item: Row): string {
  if (item.status !== 'done' && item.status !== 'dropped') return '';
  const on = text(item.resolved_on);
  return ` — ${text(item.status)}${on ? ` on ${on}` : ''}`;
}
