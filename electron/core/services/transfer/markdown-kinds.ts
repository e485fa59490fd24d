import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { untitledEntryName } from '../../../../shared/domain/journal';
import { type FrontMatterValue, writeFrontMatter } from './front-matter';

/*
 * MARKDOWN EXPORT REGISTRY: which records become Markdown files in an export, and how.
 * (The JSON file always holds every row of every table; these files are for reading anywhere.)
 * A new kind (a crew meeting, say) joins with one entry: its table, the folder it goes in
 * (a folder per rung), a file name, and its front matter and body. Kinds whose table does not
 * exist in the archive are skipped.
 */

export interface MarkdownKind {
  table: string;
  /** Rows to write: live ones, with whatever the file needs joined in. */
  select: string;
  folder(row: Row): string;
  /** Without the extension; made safe and unique by the exporter. */
  fileName(row: Row): string;
  render(row: Row, lookup: Lookup): string;
}

export type Row = Record<string, unknown>;
export type Lookup = (sql: string, ...params: unknown[]) => Row[];

const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

function section(heading: string, body: unknown) {
  const value = text(body).trim();
  return value === '' ? '' : `## ${heading}\n\n${value}\n\n`;
}

/** A Markdown file: front matter (the record's id, its type, `fields`, its times), a title, the body. */
function note(row: Row, type: string, fields: Record<string, FrontMatterValue | undefined>, title: string, body: string) {
  const front = writeFrontMatter({ id: text(row.id), type, ...fields, created: text(row.created_at), updated: text(row.updated_at) });
  return `${front}\n${title ? `# ${title}\n\n` : ''}${body.trimEnd()}\n`;
}

export const markdownKinds: readonly MarkdownKind[] = [
  {
    table: 'entry',
    select: 'SELECT * FROM entry WHERE deleted_at IS NULL ORDER BY entry_date, id',
    folder: (row) => `${text(row.rung) || 'self'}/journal`,
    // An untitled quick capture is "Quick capture" here too, as in the journal and in search.
    fileName: (row) => `${text(row.entry_date)} ${text(row.title) || untitledEntryName(text(row.kind) || 'journal')}`,
    render: (row, lookup) => {
      const tags = lookup(
        'SELECT t.name FROM entry_tag et JOIN tag t ON t.id = et.tag_id WHERE et.entry_id = ? AND et.deleted_at IS NULL ORDER BY et.position',
        row.id,
      ).map((r) => text(r.name));
      const parts = lookup(
        'SELECT p.name FROM entry_part ep JOIN part p ON p.id = ep.part_id WHERE ep.entry_id = ? AND ep.deleted_at IS NULL ORDER BY ep.position',
        row.id,
      ).map((r) => text(r.name));
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
        text(row.body),
      );
    },
  },
  {
    table: 'checkin',
    select: `SELECT c.*, coalesce(p.name, '') AS person_name FROM checkin c
             LEFT JOIN dyad d ON d.id = c.dyad_id LEFT JOIN person p ON p.id = d.person_id
             WHERE c.deleted_at IS NULL ORDER BY c.checkin_date, c.id`,
    folder: () => 'dyads/check-ins',
    fileName: (row) => `${text(row.checkin_date)} ${text(row.person_name) || 'Check-in'}`,
    render: (row) =>
      note(
        row,
        'checkin',
        {
          date: text(row.checkin_date),
          with: text(row.person_name),
          how: text(row.how),
          dial: typeof row.dial === 'number' ? row.dial : undefined,
          next: row.next_checkin_date ? text(row.next_checkin_date) : undefined,
        },
        `Check-in with ${text(row.person_name)}`,
        section('I shared', row.i_shared) +
          section('I heard', row.i_heard) +
          section('Offers and asks from me', row.offers_asks_from_me) +
          section('Offers and asks from them', row.offers_asks_from_them) +
          section('Notes', row.notes),
      ),
  },
  {
    table: 'meeting',
    select: `SELECT m.*, coalesce(c.name, '') AS crew_name, coalesce(h.name, '') AS host_name, coalesce(f.name, '') AS focus_name
             FROM meeting m LEFT JOIN crew c ON c.id = m.crew_id
             LEFT JOIN person h ON h.id = m.host_id LEFT JOIN person f ON f.id = m.focus_id
             WHERE m.deleted_at IS NULL ORDER BY m.crew_id, m.number`,
    folder: (row) => `crews/${text(row.crew_name) || 'Crew'}/meetings`,
    fileName: (row) => `${text(row.held_on)} Meeting ${text(row.number)}`,
    render: (row, lookup) => {
      const round = lookup(
        `SELECT p.name, n.note, n.attended FROM meeting_checkin_note n JOIN person p ON p.id = n.person_id
         WHERE n.meeting_id = ? AND n.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE`,
        row.id,
      );
      const agenda = lookup('SELECT text, private FROM agenda_item WHERE covered_meeting_id = ? AND deleted_at IS NULL ORDER BY id', row.id);
      const actions = lookup(
        `SELECT a.text, coalesce(p.name, '') AS owner, a.due_on FROM action_item a LEFT JOIN person p ON p.id = a.owner_id
         WHERE a.meeting_id = ? AND a.deleted_at IS NULL ORDER BY a.id`,
        row.id,
      );
      const list = (items: string[]) => items.map((item) => `- ${item.replace(/\n+/g, ' ')}`).join('\n');
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
          section('Action items', list(actions.map((a) => `${text(a.text)} (${text(a.owner)}${a.due_on ? `, by ${text(a.due_on)}` : ''})`))),
      );
    },
  },
  // A part's profile: what you have come to know of it.
  {
    table: 'part',
    select: 'SELECT * FROM part ORDER BY name COLLATE NOCASE, id',
    folder: () => 'self/parts',
    fileName: (row) => text(row.name) || 'Part',
    render: (row) =>
      note(
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
          section('Notes', row.notes),
      ),
  },
  {
    table: 'retrospective',
    select: `SELECT r.*, coalesce(c.name, '') AS crew_name FROM retrospective r LEFT JOIN crew c ON c.id = r.crew_id
             WHERE r.deleted_at IS NULL ORDER BY r.crew_id, r.held_on, r.id`,
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
             WHERE g.deleted_at IS NULL ORDER BY g.congregation_id, g.held_on, g.id`,
    folder: (row) => `congregations/${text(row.congregation_name) || 'Congregation'}/gatherings`,
    fileName: (row) => `${text(row.held_on)} ${text(row.name) || 'Gathering'}`,
    render: (row, lookup) => {
      const people = lookup(
        `SELECT p.name, gp.relation FROM gathering_person gp JOIN person p ON p.id = gp.person_id
         WHERE gp.gathering_id = ? AND gp.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE`,
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
             FROM shared_lesson l LEFT JOIN congregation c ON c.id = l.congregation_id LEFT JOIN crew cr ON cr.id = l.crew_id
             WHERE l.deleted_at IS NULL ORDER BY l.congregation_id, l.shared_on, l.id`,
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
             WHERE a.deleted_at IS NULL ORDER BY a.network_id, a.name COLLATE NOCASE, a.id`,
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

export function existingMarkdownKinds(sqlite: SqliteDatabase.Database) {
  const tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  return markdownKinds.filter((kind) => tables.has(kind.table));
}
