import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// Three kinds indexed a stored code with their words, and search snippets showed it as it is
// stored: a part "unknown", a dyad "peer_coach", a retrospective "new_cycle". They now index the
// words the app shows for those codes ("Not sure yet" says nothing worth finding, so nothing).
// The labels are copied here, as they were when this was written.

/** Only the derived search index changes: no record is touched (see pre-migration-copy.ts). */
export const additive = true;

const nl = ` || char(10) || `;

function labelOf(column: string, labels: Record<string, string>) {
  const cases = Object.entries(labels).map(([code, label]) => `WHEN '${code}' THEN '${label}'`);
  return `(CASE ${column} ${cases.join(' ')} ELSE replace(${column}, '_', ' ') END)`;
}

const partRole = { manager: 'Manager', firefighter: 'Firefighter', exile: 'Exile', unknown: '' };
const dyadKind = {
  peer_coach: 'Peer coach',
  creative_partner: 'Creative partner',
  steward: 'Steward',
  accountability_partner: 'Accountability partner',
  friend: 'Friend',
  other: 'Other',
};
const retroDecision = {
  new_cycle: 'Start a new cycle',
  pause: 'Pause',
  reshuffle: 'Reshuffle who is in it',
  split: 'Split into smaller crews',
  close: 'Close gracefully',
};

interface Relabelled {
  kind: string;
  rung: string;
  day: string;
  title: string;
  /** Over `new.`, as the triggers see the row. */
  body: string;
  watch: string[];
}

const relabelled: Relabelled[] = [
  {
    kind: 'part',
    rung: `'self'`,
    day: 'NULL',
    title: 'new.name',
    body: [labelOf('new.role', partRole), 'new.body_location', 'new.apparent_age', 'new.job', 'new.positive_intent', 'new.fears', 'new.trailheads', 'new.notes'].join(nl),
    watch: ['name', 'role', 'body_location', 'apparent_age', 'job', 'positive_intent', 'fears', 'trailheads', 'notes', 'deleted_at'],
  },
  {
    kind: 'dyad',
    rung: `'dyads'`,
    day: 'new.started_on',
    title: `coalesce((SELECT name FROM person WHERE id = new.person_id), '')`,
    body: [labelOf('new.kind', dyadKind), 'new.intention', 'new.closing_note'].join(nl),
    watch: ['person_id', 'kind', 'intention', 'closing_note', 'started_on', 'deleted_at'],
  },
  {
    kind: 'retrospective',
    rung: `'crews'`,
    day: 'new.held_on',
    title: `coalesce((SELECT name FROM crew WHERE id = new.crew_id), '')`,
    body: ['new.worked', 'new.did_not_work', 'new.change', labelOf('new.decision', retroDecision)].join(nl),
    watch: ['crew_id', 'held_on', 'worked', 'did_not_work', 'change', 'decision', 'deleted_at'],
  },
];

// The same shape as 0006's triggers (the table is named as the kind for these three); 0015's
// trigger on search_doc still gives each new document its place in its kind's range.
function remember(k: Relabelled) {
  return `INSERT INTO search_doc (kind, record_id, rung, day) SELECT '${k.kind}', new.id, ${k.rung}, ${k.day} WHERE new.deleted_at IS NULL;
  INSERT INTO search_text (rowid, title, body, meta)
    SELECT doc_id, coalesce(${k.title}, ''), coalesce(${k.body}, ''), 'k${k.kind} r' || rung FROM search_doc WHERE kind = '${k.kind}' AND record_id = new.id AND new.deleted_at IS NULL;`;
}

function forget(kind: string) {
  return `DELETE FROM search_text WHERE rowid = (SELECT doc_id FROM search_doc WHERE kind = '${kind}' AND record_id = old.id);
  DELETE FROM search_doc WHERE kind = '${kind}' AND record_id = old.id;`;
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const k of relabelled) {
    await sql.raw(`DROP TRIGGER IF EXISTS search_${k.kind}_insert`).execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS search_${k.kind}_update`).execute(db);
    await sql.raw(`CREATE TRIGGER search_${k.kind}_insert AFTER INSERT ON ${k.kind} BEGIN\n  ${remember(k)}\nEND`).execute(db);
    await sql
      .raw(`CREATE TRIGGER search_${k.kind}_update AFTER UPDATE OF id, ${k.watch.join(', ')} ON ${k.kind} BEGIN\n  ${forget(k.kind)}\n  ${remember(k)}\nEND`)
      .execute(db);
    // The words already indexed, relabelled in place (few rows: parts, dyads, retrospectives).
    await sql
      .raw(
        `UPDATE search_text SET body = (
  SELECT coalesce(${k.body.replace(/\bnew\./g, 't.')}, '') FROM search_doc d JOIN ${k.kind} t ON t.id = d.record_id WHERE d.doc_id = search_text.rowid
) WHERE rowid IN (SELECT doc_id FROM search_doc WHERE kind = '${k.kind}')`,
      )
      .execute(db);
  }
}
