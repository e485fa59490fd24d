import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// One full-text index over everything written, kept current by triggers inside the same
// transaction as each write. `search_doc` names each indexed record (and carries what filters
// need); `search_text` holds its words, with the same rowid. Both are derived from the records,
// so they carry no timestamps of their own and are left out of exports. `meta` holds two tokens,
// `k<kind>` and `r<rung>`, so a search within one kind or rung is narrowed by the index itself.

/** How one kind of record is indexed: SQL expressions over `new.` (the row being written). */
export interface IndexedKind {
  kind: string;
  table: string;
  rung: string;
  day: string;
  title: string;
  body: string;
  /** The columns whose change re-indexes the row. */
  watch: string[];
}

const nl = ` || char(10) || `;
const personOfDyad = (dyadId: string) => `coalesce((SELECT p.name FROM dyad d JOIN person p ON p.id = d.person_id WHERE d.id = ${dyadId}), '')`;

const kinds: IndexedKind[] = [
  {
    kind: 'entry',
    table: 'entry',
    rung: `coalesce(new.rung, 'self')`,
    day: 'new.entry_date',
    title: 'new.title',
    body: 'new.body',
    watch: ['title', 'body', 'entry_date', 'rung', 'deleted_at'],
  },
  {
    kind: 'part',
    table: 'part',
    rung: `'self'`,
    day: 'NULL',
    title: 'new.name',
    body: ['new.role', 'new.body_location', 'new.apparent_age', 'new.job', 'new.positive_intent', 'new.fears', 'new.trailheads', 'new.notes'].join(nl),
    watch: ['name', 'role', 'body_location', 'apparent_age', 'job', 'positive_intent', 'fears', 'trailheads', 'notes', 'deleted_at'],
  },
  {
    kind: 'person',
    table: 'person',
    rung: `'dyads'`,
    day: 'NULL',
    title: 'new.name',
    body: ['new.how_we_met', 'new.notes'].join(nl),
    watch: ['name', 'how_we_met', 'notes', 'deleted_at'],
  },
  {
    kind: 'dyad',
    table: 'dyad',
    rung: `'dyads'`,
    day: 'new.started_on',
    title: `coalesce((SELECT name FROM person WHERE id = new.person_id), '')`,
    body: ['new.kind', 'new.intention', 'new.closing_note'].join(nl),
    watch: ['person_id', 'kind', 'intention', 'closing_note', 'started_on', 'deleted_at'],
  },
  {
    kind: 'dyad_agreement',
    table: 'dyad_agreement',
    rung: `'dyads'`,
    day: 'NULL',
    title: personOfDyad('new.dyad_id'),
    body: 'new.text',
    watch: ['dyad_id', 'text', 'deleted_at'],
  },
  {
    kind: 'checkin',
    table: 'checkin',
    rung: `'dyads'`,
    day: 'new.checkin_date',
    title: personOfDyad('new.dyad_id'),
    body: ['new.i_shared', 'new.i_heard', 'new.offers_asks_from_me', 'new.offers_asks_from_them', 'new.notes'].join(nl),
    watch: ['dyad_id', 'checkin_date', 'i_shared', 'i_heard', 'offers_asks_from_me', 'offers_asks_from_them', 'notes', 'deleted_at'],
  },
  {
    kind: 'commitment',
    table: 'commitment',
    rung: `'dyads'`,
    day: 'new.made_on',
    title: personOfDyad('new.dyad_id'),
    body: ['new.text', 'new.outcome_note'].join(nl),
    watch: ['dyad_id', 'made_on', 'text', 'outcome_note', 'deleted_at'],
  },
];

/** The meta tokens, from the doc row just written: `kcheckin rdyads`. */
function meta(kind: string) {
  return `'k${kind.replaceAll('_', '')} r' || rung`;
}

function forget(kind: string, id: string) {
  return `DELETE FROM search_text WHERE rowid = (SELECT doc_id FROM search_doc WHERE kind = '${kind}' AND record_id = ${id});
  DELETE FROM search_doc WHERE kind = '${kind}' AND record_id = ${id};`;
}

function remember(k: IndexedKind) {
  return `INSERT INTO search_doc (kind, record_id, rung, day) SELECT '${k.kind}', new.id, ${k.rung}, ${k.day} WHERE new.deleted_at IS NULL;
  INSERT INTO search_text (rowid, title, body, meta)
    SELECT doc_id, coalesce(${k.title}, ''), coalesce(${k.body}, ''), ${meta(k.kind)} FROM search_doc WHERE kind = '${k.kind}' AND record_id = new.id AND new.deleted_at IS NULL;`;
}

/** Insert, update (a soft delete leaves the index, a restore comes back) and delete. */
function triggers(k: IndexedKind): string[] {
  return [
    `CREATE TRIGGER search_${k.table}_insert AFTER INSERT ON ${k.table} BEGIN
  ${remember(k)}
END`,
    `CREATE TRIGGER search_${k.table}_update AFTER UPDATE OF id, ${k.watch.join(', ')} ON ${k.table} BEGIN
  ${forget(k.kind, 'old.id')}
  ${remember(k)}
END`,
    `CREATE TRIGGER search_${k.table}_delete AFTER DELETE ON ${k.table} BEGIN
  ${forget(k.kind, 'old.id')}
END`,
  ];
}

function backfill(k: IndexedKind): string[] {
  const overRow = (expression: string) => expression.replace(/\bnew\./g, 't.');
  return [
    `INSERT INTO search_doc (kind, record_id, rung, day) SELECT '${k.kind}', t.id, ${overRow(k.rung)}, ${overRow(k.day)} FROM ${k.table} t WHERE t.deleted_at IS NULL`,
    `INSERT INTO search_text (rowid, title, body, meta)
      SELECT d.doc_id, coalesce(${overRow(k.title)}, ''), coalesce(${overRow(k.body)}, ''), 'k${k.kind.replaceAll('_', '')} r' || d.rung
      FROM search_doc d JOIN ${k.table} t ON t.id = d.record_id WHERE d.kind = '${k.kind}'`,
  ];
}

// Records that show a person's name as their title follow a rename.
const personRename = `CREATE TRIGGER search_person_rename AFTER UPDATE OF name ON person BEGIN
  UPDATE search_text SET title = new.name WHERE rowid IN (
    SELECT doc_id FROM search_doc WHERE record_id IN (
      SELECT id FROM dyad WHERE person_id = new.id
      UNION ALL SELECT a.id FROM dyad_agreement a JOIN dyad d ON d.id = a.dyad_id WHERE d.person_id = new.id
      UNION ALL SELECT c.id FROM checkin c JOIN dyad d ON d.id = c.dyad_id WHERE d.person_id = new.id
      UNION ALL SELECT m.id FROM commitment m JOIN dyad d ON d.id = m.dyad_id WHERE d.person_id = new.id
    ) AND kind IN ('dyad', 'dyad_agreement', 'checkin', 'commitment')
  );
END`;

/**
 * Joins one kind of record to search: its three triggers, and the rows already there. Later
 * migrations call this (it is frozen with this file), e.g. `await indexKind(db, { kind: 'meeting', … })`.
 */
export async function indexKind(db: Kysely<any>, kind: IndexedKind): Promise<void> {
  for (const statement of [...triggers(kind), ...backfill(kind)]) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE search_doc (
    doc_id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    rung TEXT NOT NULL,
    day TEXT,
    UNIQUE (kind, record_id)
  )`.execute(db);
  // unicode61 with diacritics removed: "cafe" finds "café"; prefix indexes keep typing fast.
  await sql`CREATE VIRTUAL TABLE search_text USING fts5(title, body, meta, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`.execute(db);
  for (const k of kinds) await indexKind(db, k);
  await sql.raw(personRename).execute(db);
}
