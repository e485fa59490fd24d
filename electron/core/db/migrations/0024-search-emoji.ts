import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Emoji become searchable. FTS5's unicode61 tokenizer reads every emoji (and most symbols) as a
// space between words, so a part or an entry with "🌊" could not be found by typing 🌊. Each
// document's symbols now join the tokens in its `meta` column (beside `k<kind> r<rung>`), each as a
// private-use character of its own, which the tokenizer keeps as a word: ☀ U+2600 as U+E600, 🌊
// U+1F30A as U+FF30A, in the order they are written, the title's first, and the title's once more
// marked as the title's (U+F0000 before each). Titles and bodies are indexed exactly as before,
// so words are found as they were ("tide🌊rising" still holds "rising"), and "🌊 tide" is one FTS5
// query: `meta : "…" AND {title body} : "tide"`, which FTS5 answers from its own doclists.
//
// The symbols are found in plain SQL, so the triggers still run in any SQLite (the import
// worker's connection, a person's own sqlite3): replace() turns the first two UTF-8 bytes that
// every character of a block shares into a marker and the token's own two bytes, and json_each
// splits the text at the markers; the view `search_doc_symbols` says it once, for every trigger.
// Every trigger that writes `search_text` gains the statement that adds them (appended to the
// trigger as it stands in this archive, so each keeps exactly what it did); it costs a save a few
// replace() passes over its text, and a second write of the document only when it holds a
// symbol. A kind joining search later calls `indexSymbols` after 0006's `indexKind`.
//
// And a crew meeting whose day is corrected now moves its check-in rounds' day in search too (the
// rounds took the meeting's day when they were written, and kept it): search names which meeting
// a round was said in by that day.

/** Only the derived search index changes: no record is touched (see pre-migration-copy.ts). */
export const additive = true;

/**
 * The blocks indexed as symbols: whole blocks of 64 characters (4,096 in plane 1) that share their
 * first two UTF-8 bytes, so each is one replace(). Together they hold every emoji in common use.
 */
export const symbolBlocks: readonly (readonly [first: number, last: number])[] = [
  [0x2180, 0x21bf], // arrows: ← ↑ → ↓ ↔ ↩ ↪
  [0x2300, 0x233f], // ⌚ ⌛ ⌨
  [0x23c0, 0x23ff], // ⏏ ⏩ ⏰ ⏳ ⏸
  [0x2580, 0x25ff], // ▪ ▫ ▶ ◀ ◻ ◼
  [0x2600, 0x27bf], // Miscellaneous Symbols and Dingbats: ☀ ☕ ♥ ⚡ ✅ ✨ ❤ ✔ ★
  [0x2b00, 0x2b7f], // ⬅ ⬆ ⬛ ⬜ ⭐ ⭕
  [0x1f000, 0x1ffff], // plane 1's emoji blocks: 🌊 😀 🎉 👍 🏽 🇫 🫠 …
];

export function isSymbol(codePoint: number): boolean {
  return symbolBlocks.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** The private-use character a symbol is indexed as, and searched for (only its first two UTF-8 bytes differ). */
export function symbolToken(codePoint: number): string {
  return String.fromCodePoint(codePoint + (codePoint < 0x10000 ? 0xc000 : 0xe0000));
}

/** Before each token of a title's symbols, in their second copy: `meta : "\u{F0000}…"` finds a symbol in titles only. */
export const titleMark = '\u{F0000}';

const hex = (text: string, bytes = 4) =>
  [...new TextEncoder().encode(text).subarray(0, bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
/** Where json_each splits the text: U+FFF9 (an interlinear annotation anchor, which nobody types). */
const split = '\ufff9';

/** SQL for `expression` with each symbol turned into the split marker and its token. */
function marked(expression: string): string {
  let sqlText = expression;
  for (const [first, last] of symbolBlocks) {
    const step = first < 0x10000 ? 0x40 : 0x1000;
    for (let codePoint = first; codePoint <= last; codePoint += step) {
      const from = hex(String.fromCodePoint(codePoint), 2);
      const to = `${hex(split)}${hex(symbolToken(codePoint), 2)}`;
      sqlText = `replace(${sqlText}, CAST(x'${from}' AS TEXT), CAST(x'${to}' AS TEXT))`;
    }
  }
  return sqlText;
}

/** SQL: true when `title` or `body` (columns of `search_text`) holds a symbol: marking lengthened it. */
const holdsSymbols = `length(${marked('title')}) + length(${marked('body')}) > length(title) + length(body)`;
const titleHoldsSymbols = `length(${marked('title')}) > length(title)`;

/** SQL: the tokens of the symbols in `expression`, in order, space-separated (NULL when none), each after `mark`. */
function tokensOf(expression: string, mark = '') {
  const token = `substr(value, 1, 1)`;
  return `(SELECT group_concat(${mark === '' ? token : `'${mark}' || ${token}`}, ' ')
    FROM json_each('[' || replace(json_quote(${marked(expression)}), '${split}', '","') || ']')
    WHERE key > 0 AND (unicode(value) BETWEEN 57344 AND 63743 OR unicode(value) >= 983040))`;
}

/** SQL: what a document's `meta` gains, from its `title` and `body`: '' when they hold no symbol. */
const symbolTokens = `coalesce(' ' || ${tokensOf('title')}, '') || coalesce(' ' || ${tokensOf('body')}, '') || coalesce(' ' || ${tokensOf('title', titleMark)}, '')`;

/**
 * Each document's symbols as `meta` holds them (`tokens`), and whether it has any (`holds`, and
 * `title_holds`): said once here for every trigger, which reads one document's (a rowid lookup).
 */
const symbolsView = `CREATE VIEW search_doc_symbols AS
  SELECT rowid AS doc_id, ${holdsSymbols} AS holds, ${titleHoldsSymbols} AS title_holds, ${symbolTokens} AS tokens FROM search_text`;
const of = (column: 'holds' | 'title_holds' | 'tokens') => `(SELECT ${column} FROM search_doc_symbols WHERE doc_id = search_text.rowid)`;

/** What an indexing trigger gains: the symbols of the document it has just written. */
function rememberSymbols(kind: string) {
  return `UPDATE search_text SET meta = meta || ${of('tokens')}
    WHERE rowid = (SELECT doc_id FROM search_doc WHERE kind = '${kind}' AND record_id = new.id) AND ${of('holds')};`;
}

/**
 * What a rename trigger gains after it writes `new.name` as the title of the documents `where`:
 * their `meta` again (kind, rung and symbols), for those whose title had a symbol or has one now.
 */
function renameSymbols(where: string) {
  return `UPDATE search_text SET meta = (SELECT 'k' || replace(kind, '_', '') || ' r' || rung FROM search_doc WHERE doc_id = search_text.rowid) || ${of('tokens')}
    WHERE ${where} AND (instr(meta, '${titleMark}') > 0 OR ${of('title_holds')});`;
}

const indexing = /INSERT INTO search_doc \(kind, record_id, rung, day\) SELECT '(\w+)'/;
const renaming = /UPDATE search_text SET title = new\.name WHERE (rowid IN [^;]*);/;
const appended = 'ladder-search-symbols';

async function triggers(db: Kysely<any>) {
  const found = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(db);
  return found.rows.filter((trigger) => !trigger.sql.includes(appended));
}

/** The trigger written again as `text`, with a comment saying it keeps symbols (so it is never given them twice). */
async function append(db: Kysely<any>, trigger: { name: string; sql: string }, text: string) {
  await sql.raw(`DROP TRIGGER ${trigger.name}`).execute(db);
  await sql.raw(text.replace(/\s*END\s*$/i, `\n  -- ${appended}\nEND`)).execute(db);
}

/** An indexing trigger: it writes one document of `kind` to `search_text`. */
function kindIndexedBy(trigger: { sql: string }) {
  return trigger.sql.includes('INSERT INTO search_text') ? trigger.sql.match(indexing)?.[1] : undefined;
}

/**
 * Makes one kind's symbols searchable: its indexing triggers add them as they write, and its
 * documents already indexed get theirs. For a kind that joins search after this migration:
 * `await indexSymbols(db, 'meeting')` after `indexKind`.
 */
export async function indexSymbols(db: Kysely<any>, kind: string): Promise<void> {
  for (const trigger of await triggers(db)) {
    if (kindIndexedBy(trigger) === kind) await append(db, trigger, trigger.sql.replace(/\s*END\s*$/i, `\n  ${rememberSymbols(kind)}\nEND`));
  }
  await sql.raw(`UPDATE search_text SET meta = meta || ${symbolTokens} WHERE rowid IN (SELECT doc_id FROM search_doc WHERE kind = '${kind}') AND ${holdsSymbols}`).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(symbolsView).execute(db);
  for (const trigger of await triggers(db)) {
    const kind = kindIndexedBy(trigger);
    if (kind !== undefined) {
      // Appended at the end, after the words are written: the trigger is otherwise unchanged.
      await append(db, trigger, trigger.sql.replace(/\s*END\s*$/i, `\n  ${rememberSymbols(kind)}\nEND`));
    } else if (renaming.test(trigger.sql)) {
      const each = new RegExp(renaming.source, 'g');
      await append(db, trigger, trigger.sql.replace(each, (statement, where: string) => `${statement}\n  ${renameSymbols(where)}`));
    }
  }
  // The documents already indexed that hold a symbol: one pass over the index's text.
  await sql.raw(`UPDATE search_text SET meta = meta || ${symbolTokens} WHERE ${holdsSymbols}`).execute(db);
  // Those documents were written again: the index as one segment once more, for the reasons in 0018.
  await sql`INSERT INTO search_text (search_text) VALUES ('optimize')`.execute(db);

  await sql`CREATE TRIGGER search_meeting_redate_rounds AFTER UPDATE OF held_on ON meeting BEGIN
  UPDATE search_doc SET day = new.held_on WHERE kind = 'meeting_checkin_note' AND record_id IN (
    SELECT id FROM meeting_checkin_note WHERE meeting_id = new.id AND deleted_at IS NULL
  );
END`.execute(db);
  await sql`UPDATE search_doc SET day = (
  SELECT m.held_on FROM meeting_checkin_note t JOIN meeting m ON m.id = t.meeting_id WHERE t.id = search_doc.record_id
) WHERE kind = 'meeting_checkin_note'`.execute(db);
}
