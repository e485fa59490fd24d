import { congregationRoleLabels, type CongregationRole } from '../../../../shared/domain/congregations';
import { caseGiverTemplate } from '../../../../shared/domain/crews';
import type { MarkdownKind } from './markdown-kinds';
import { list, names, note, type Row, section, text, words } from './markdown-note';

/*
 * The people and groups of every rung as Markdown: a person's page, a dyad with its agreements and
 * commitments, a crew's calling, agreements, history and my cases, a congregation, a network.
 * (Their meetings, check-ins, gatherings and the rest are kinds of their own in markdown-kinds.ts.)
 */

const roleWords = (role: unknown) => congregationRoleLabels[text(role) as CongregationRole] ?? words(role);

/** "From 2026-01-05: a note", one line per change of stage or role. */
function history(changes: Row[], to: (change: Row) => string) {
  return list(changes.map((change) => `${text(change.changed_on)}: ${to(change)}${text(change.note).trim() ? `. ${text(change.note).trim()}` : ''}`));
}

export const groupMarkdownKinds: readonly MarkdownKind[] = [
  {
    table: 'person',
    select: 'SELECT * FROM person WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
    folder: () => 'people',
    fileName: (row) => text(row.name) || 'Someone',
    render: (row) =>
      note(
        row,
        'person',
        { name: text(row.name), birthday: row.birthday ? text(row.birthday) : undefined, me: row.is_me === 1 ? true : undefined },
        text(row.name),
        section('How we met', row.how_we_met) + section('Notes', row.notes),
      ),
  },
  {
    table: 'dyad',
    select: `SELECT d.*, coalesce(p.name, '') AS person_name FROM dyad d JOIN person p ON p.id = d.person_id
             WHERE d.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE, d.id`,
    folder: () => 'dyads',
    fileName: (row) => `${text(row.person_name)} (${words(row.kind)})`,
    render: (row, lookup) => {
      const agreements = lookup('SELECT text FROM dyad_agreement WHERE dyad_id = ? AND deleted_at IS NULL ORDER BY position', row.id);
      const commitments = lookup(
        `SELECT direction, text, made_on, due_on, status, outcome_note, resolved_on FROM commitment
         WHERE dyad_id = ? AND deleted_at IS NULL ORDER BY made_on, id`,
        row.id,
      );
      const promise = (c: Row) => {
        const settled = text(c.status) === 'open' ? 'open' : `${text(c.status)}${c.resolved_on ? ` on ${text(c.resolved_on)}` : ''}`;
        const outcome = text(c.outcome_note).trim() ? `: ${text(c.outcome_note).trim()}` : '';
        return `${text(c.made_on)}: ${text(c.text)}${c.due_on ? ` (by ${text(c.due_on)})` : ''}. ${settled}${outcome}`;
      };
      const by = (direction: string) => list(commitments.filter((c) => c.direction === direction).map(promise));
      return note(
        row,
        'dyad',
        {
          with: text(row.person_name),
          kind: words(row.kind),
          status: text(row.status),
          started: row.started_on ? text(row.started_on) : undefined,
          rhythm_days: typeof row.rhythm_days === 'number' ? row.rhythm_days : undefined,
          closed: row.closed_on ? text(row.closed_on) : undefined,
        },
        `Dyad with ${text(row.person_name)}`,
        section('Intention', row.intention) +
          section('Agreements', list(agreements.map((a) => text(a.text)))) +
          section('What I committed to', by('mine')) +
          section(`What ${text(row.person_name)} committed to`, by('theirs')) +
          section('Closing note', row.closing_note),
      );
    },
  },
  {
    table: 'crew',
    select: `SELECT c.*, coalesce(p.name, '') AS caller_name FROM crew c LEFT JOIN person p ON p.id = c.caller_id AND p.deleted_at IS NULL
             WHERE c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE, c.id`,
    folder: (row) => `crews/${text(row.name) || 'Crew'}`,
    fileName: (row) => text(row.name) || 'Crew',
    render: (row, lookup) => {
      const members = lookup(
        `SELECT p.name FROM crew_member m JOIN person p ON p.id = m.person_id WHERE m.crew_id = ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY m.position`,
        row.id,
      );
      const agreements = lookup('SELECT text FROM crew_agreement WHERE crew_id = ? AND deleted_at IS NULL ORDER BY position', row.id);
      const stages = lookup('SELECT to_stage, changed_on, note FROM crew_stage_change WHERE crew_id = ? AND deleted_at IS NULL ORDER BY changed_on, id', row.id);
      const cases = lookup('SELECT * FROM crew_case WHERE crew_id = ? AND deleted_at IS NULL ORDER BY number', row.id);
      const caseText = (c: Row) => caseGiverTemplate.map(({ key, label }) => (text(c[key]).trim() ? `**${label}:** ${text(c[key]).trim()}` : '')).filter(Boolean);
      const myCases = cases
        .map((c) => ({ number: text(c.number), lines: caseText(c) }))
        .filter((c) => c.lines.length > 0)
        .map((c) => `### For meeting ${c.number}\n\n${c.lines.join('\n\n')}`)
        .join('\n\n');
      return note(
        row,
        'crew',
        {
          name: text(row.name),
          called_by: text(row.caller_name) || undefined,
          started: text(row.started_on),
          stage: text(row.stage),
          format: words(row.format),
          rhythm_days: typeof row.rhythm_days === 'number' ? row.rhythm_days : undefined,
          cycle: typeof row.cycle === 'number' ? row.cycle : undefined,
          members: names(members),
          closed: row.closed_on ? text(row.closed_on) : undefined,
        },
        text(row.name),
        section('Intention', row.intention) +
          section('Format', row.format_note) +
          section('Agreements', list(agreements.map((a) => text(a.text)))) +
          section('Stages', history(stages, (s) => words(s.to_stage))) +
          section('My cases', myCases) +
          section('Closing note', row.closing_note),
      );
    },
  },
  {
    table: 'congregation',
    select: 'SELECT * FROM congregation WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
    folder: (row) => `congregations/${text(row.name) || 'Congregation'}`,
    fileName: (row) => text(row.name) || 'Congregation',
    render: (row, lookup) => {
      const roles = lookup('SELECT to_role, changed_on, note FROM congregation_role_change WHERE congregation_id = ? AND deleted_at IS NULL ORDER BY changed_on, id', row.id);
      const people = lookup(
        `SELECT p.name FROM congregation_person m JOIN person p ON p.id = m.person_id
         WHERE m.congregation_id = ? AND m.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE`,
        row.id,
      );
      const crews = lookup(
        `SELECT c.name FROM congregation_crew m JOIN crew c ON c.id = m.crew_id
         WHERE m.congregation_id = ? AND m.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE`,
        row.id,
      );
      return note(
        row,
        'congregation',
        {
          name: text(row.name),
          size: typeof row.size === 'number' ? row.size : undefined,
          my_role: roleWords(row.role),
          people_i_know: names(people),
          crews: names(crews),
        },
        text(row.name),
        section('What it is about', row.about) + section('My role over time', history(roles, (r) => roleWords(r.to_role))),
      );
    },
  },
  {
    table: 'network',
    select: 'SELECT * FROM network WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id',
    folder: (row) => `network/${text(row.name) || 'Network'}`,
    fileName: (row) => text(row.name) || 'Network',
    render: (row, lookup) => {
      const congregations = lookup(
        `SELECT c.name FROM network_congregation m JOIN congregation c ON c.id = m.congregation_id
         WHERE m.network_id = ? AND m.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY c.name COLLATE NOCASE`,
        row.id,
      );
      const hosts = lookup(
        `SELECT p.name, h.note FROM network_host h JOIN person p ON p.id = h.person_id
         WHERE h.network_id = ? AND h.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE`,
        row.id,
      );
      return note(
        row,
        'network',
        { name: text(row.name), congregations: names(congregations) },
        text(row.name),
        section('Hosts', list(hosts.map((h) => `${text(h.name)}${text(h.note).trim() ? `: ${text(h.note).trim()}` : ''}`))) + section('Notes', row.notes),
      );
    },
  },
];
