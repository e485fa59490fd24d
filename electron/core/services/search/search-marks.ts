import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { TextPiece } from '../../../../shared/domain/search';

// Marks around matched words in highlight() and snippet(): control characters nobody types.
const open = '\u0002';
const close = '\u0003';
const snippetTokens = 16;

/** Splits marked text into pieces, so the UI renders matches as text, never as HTML. */
export function toPieces(marked: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let hit = false;
  let current = '';
  const push = () => {
    if (current !== '') pieces.push({ text: current, hit });
    current = '';
  };
  for (const char of marked) {
    if (char === open || char === close) {
      push();
      hit = char === open;
    } else current += char;
  }
  push();
  return pieces;
}

export interface Marks {
  title: string;
  snippet: string;
}

/**
 * Highlights the hits shown, all at once. FTS5's highlight() and snippet() need a MATCH on the
 * table they mark; on the archive's index that is one statement per hit, and each one finds
 * every word of the search again in every segment of the index (0.3–0.6 ms a hit for a phrase at
 * 100,000 entries: 20 hits, 6–12 ms). Instead the few documents shown are copied into a small
 * index of this connection's own (TEMP: never in the archive, and writable when the archive is
 * read-only), marked there with one statement, and cleared: under 1 ms for 20 hits, with the same
 * tokenizer, so the same marks. Its text is kept beside it ("external content") so that clearing
 * is one command rather than reading every word back out.
 */
export function createMarker(sqlite: SqliteDatabase.Database) {
  // Cheap when they are there; and they may not be, if they were made inside a transaction that
  // rolled back (SQLite prepares the statements below again by itself once they are back).
  const create = [
    sqlite.prepare('CREATE TEMP TABLE IF NOT EXISTS search_marks_text (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT)'),
    sqlite.prepare(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_marks USING fts5(title, body, content = 'search_marks_text', tokenize = 'unicode61 remove_diacritics 2')",
    ),
  ];
  let statements: SqliteDatabase.Statement[] | null = null;

  function prepared() {
    for (const statement of create) statement.run();
    statements ??= [
      'INSERT INTO temp.search_marks_text (rowid, title, body) SELECT rowid, title, body FROM search_text WHERE rowid IN (SELECT value FROM json_each(?))',
      'INSERT INTO temp.search_marks (rowid, title, body) SELECT rowid, title, body FROM temp.search_marks_text',
      `SELECT rowid AS doc_id, highlight(search_marks, 0, char(2), char(3)) AS title,
              snippet(search_marks, 1, char(2), char(3), '…', ${snippetTokens}) AS snippet
       FROM temp.search_marks WHERE search_marks MATCH ?`,
      "INSERT INTO temp.search_marks (search_marks) VALUES ('delete-all')",
      'DELETE FROM temp.search_marks_text',
    ].map((text) => sqlite.prepare(text));
    return statements as [SqliteDatabase.Statement, SqliteDatabase.Statement, SqliteDatabase.Statement, SqliteDatabase.Statement, SqliteDatabase.Statement];
  }

  /** The marked title and snippet of each document, for an FTS5 query over `title` and `body`. */
  return function mark(docIds: number[], match: string): Map<number, Marks> {
    if (docIds.length === 0) return new Map();
    const [copyText, index, marked, clearIndex, clearText] = prepared();
    try {
      copyText.run(JSON.stringify(docIds));
      index.run();
      const rows = marked.all(match) as (Marks & { doc_id: number })[];
      return new Map(rows.map((row) => [row.doc_id, { title: row.title, snippet: row.snippet }]));
    } finally {
      clearIndex.run();
      clearText.run();
    }
  };
}
