import { type Kysely } from 'kysely';
import { indexKind } from './0006-search';

// Frozen in time: never edit a migration that has shipped; add a new one.
// Congregations, gatherings, shared lessons, networks, hosts and adapted practices join full-text
// search: 0006's `indexKind` (frozen with it) adds each kind's triggers and indexes existing rows.

const nl = ` || char(10) || `;
const congregationName = (id: string) => `coalesce((SELECT name FROM congregation WHERE id = ${id}), '')`;

export async function up(db: Kysely<any>): Promise<void> {
  await indexKind(db, {
    kind: 'congregation',
    table: 'congregation',
    rung: `'congregations'`,
    day: 'NULL',
    title: 'new.name',
    body: 'new.about',
    watch: ['name', 'about', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'gathering',
    table: 'gathering',
    rung: `'congregations'`,
    day: 'new.held_on',
    title: `coalesce(nullif(new.name, ''), ${congregationName('new.congregation_id')})`,
    body: ['new.place', 'new.harvest'].join(nl),
    watch: ['congregation_id', 'name', 'held_on', 'place', 'harvest', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'shared_lesson',
    table: 'shared_lesson',
    rung: `'congregations'`,
    day: 'new.shared_on',
    title: congregationName('new.congregation_id'),
    body: 'new.text',
    watch: ['congregation_id', 'text', 'shared_on', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'network',
    table: 'network',
    rung: `'network'`,
    day: 'NULL',
    title: 'new.name',
    body: 'new.notes',
    watch: ['name', 'notes', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'network_host',
    table: 'network_host',
    rung: `'network'`,
    day: 'NULL',
    title: `coalesce((SELECT name FROM person WHERE id = new.person_id), '')`,
    body: 'new.note',
    watch: ['network_id', 'person_id', 'note', 'deleted_at'],
  });
  await indexKind(db, {
    kind: 'adapted_practice',
    table: 'adapted_practice',
    rung: `'network'`,
    day: 'NULL',
    title: 'new.name',
    body: ['new.learned_from', 'new.how_adapted'].join(nl),
    watch: ['network_id', 'name', 'learned_from', 'how_adapted', 'deleted_at'],
  });
}
