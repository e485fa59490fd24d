import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { TextPiece } from '../../../../shared/domain/search';
import { isSymbol, symbolToken } from '../../db/migrations/0024-search-emoji';

// Marks around matched words in highlight() and snippet(): control characters nobody types.
const open = '\u0002';
const close = '\u0003';
const snippetTokens = 16;

/*
 * Emoji are marked as the index finds them: in the marker's own copy of the text each one
 * is its token (migration 0024), between two interlinear-annotation characters (U+FFF9, U+FFFB:
 * separators to FTS5, and never typed), so it is a word of its own and snippet() centres on it.
 * toPieces puts the emoji back. A snippet may cut one of the two brackets off at its ends, never both.
 */
const before = '\uFFF9';
const after = '\uFFFB';
const wordChar = /[\p{L}\p{N}\p{M}\p{Co}]/u;

/** The text with each symbol as its bracketed token, for the marker's index. */
function withSymbolTokens(text: string): string {
  let out = '';
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    out += !wordChar.test(char) && isSymbol(codePoint) ? `${before}${symbolToken(codePoint)}${after}` : char;
  }
  return out;
}

/** The symbol a token stands for (the inverse of symbolToken), or undefined for any other character. */
function symbolFor(token: string): string | undefined {
  const codePoint = token.codePointAt(0) ?? 0;
  const privateUse = (codePoint >= 0xe000 && codePoint <= 0xf8ff) || (codePoint >= 0xf0000 && codePoint <= 0xffffd);
  const symbol = codePoint - (codePoint < 0x10000 ? 0xc000 : 0xe0000);
  return privateUse && isSymbol(symbol) ? String.fromCodePoint(symbol) : undefined;
}

/** Each bracketed token back as its emoji (a private-use character of the person's own, unbracketed, stays). */
function withSymbols(marked: string): string {
  if (!marked.includes(before) && !marked.includes(after)) return marked;
  const chars = [...marked];
  // The bracket beside a token, past the mark that highlight() may have put between them.
  const bracketed = (index: number, step: -1 | 1, bracket: string) => {
    const next = chars[index + step];
    return (next === open || next === close ? chars[index + 2 * step] : next) === bracket;
  };
  return chars
    .map((char, index) => {
      if (char === before || char === after) return '';
      const symbol = symbolFor(char);
      return symbol !== undefined && (bracketed(index, -1, before) || bracketed(index, 1, after)) ? symbol : char;
    })
    .join('');
}

/** Splits marked text into pieces, so the UI renders matches as text, never as HTML. */
export function toPieces(marked: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let hit = false;
  let current = '';
  const push = () => {
    if (current !== '') pieces.push({ text: current, hit });
    current = '';
  };
  const chars = [...withSymbols(marked)];
  chars.forEach((char, index) => {
    if (char === open) {
      push();
      hit = true;
    } else if (char === close) {
      // An emoji's variation selector or tag characters stay inside its mark: split off, ❤️ showed as a plain ❤.
      for (let next = index + 1; extendsEmoji.test(chars[next] ?? ''); next += 1) {
        current += chars[next];
        chars[next] = '';
      }
      push();
      hit = false;
    } else current += char;
  });
  push();
  return pieces;
}

const extendsEmoji = /^[\p{M}\u{E0020}-\u{E007F}]$/u;

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
  type Statements = Record<'copyText' | 'readText' | 'writeText' | 'index' | 'marked' | 'clearIndex' | 'clearText', SqliteDatabase.Statement>;
  let statements: Statements | null = null;

  function prepared(): Statements {
    for (const statement of create) statement.run();
    statements ??= {
      copyText: sqlite.prepare(
        'INSERT INTO temp.search_marks_text (rowid, title, body) SELECT rowid, title, body FROM search_text WHERE rowid IN (SELECT value FROM json_each(?))',
      ),
      readText: sqlite.prepare('SELECT rowid, title, body FROM search_text WHERE rowid IN (SELECT value FROM json_each(?))'),
      writeText: sqlite.prepare('INSERT INTO temp.search_marks_text (rowid, title, body) VALUES (?, ?, ?)'),
      index: sqlite.prepare('INSERT INTO temp.search_marks (rowid, title, body) SELECT rowid, title, body FROM temp.search_marks_text'),
      marked: sqlite.prepare(
        `SELECT rowid AS doc_id, highlight(search_marks, 0, char(2), char(3)) AS title,
              snippet(search_marks, 1, char(2), char(3), '…', ${snippetTokens}) AS snippet
       FROM temp.search_marks WHERE search_marks MATCH ?`,
      ),
      clearIndex: sqlite.prepare("INSERT INTO temp.search_marks (search_marks) VALUES ('delete-all')"),
      clearText: sqlite.prepare('DELETE FROM temp.search_marks_text'),
    };
    return statements;
  }

  /** Fills the marker's index with `fill`, runs `match` over it, and empties it again. */
  function over(fill: (statements: Statements) => void, match: string): Map<number, Marks> {
    const run = prepared();
    try {
      fill(run);
      run.index.run();
      const rows = run.marked.all(match) as (Marks & { doc_id: number })[];
      return new Map(rows.map((row) => [row.doc_id, { title: row.title, snippet: row.snippet }]));
    } finally {
      run.clearIndex.run();
      run.clearText.run();
    }
  }

  return {
    /**
     * The marked title and snippet of each document, for an FTS5 query over `title` and `body`
     * (with `symbols`, the query holds symbol tokens, and the copies hold them too).
     */
    documents(docIds: number[], match: string, symbols: boolean): Map<number, Marks> {
      if (docIds.length === 0) return new Map();
      return over((run) => {
        if (!symbols) {
          run.copyText.run(JSON.stringify(docIds));
          return;
        }
        for (const row of run.readText.all(JSON.stringify(docIds)) as { rowid: number; title: string; body: string }[]) {
          run.writeText.run(row.rowid, withSymbolTokens(row.title), withSymbolTokens(row.body));
        }
      }, match);
    },

    /**
     * Snippets of texts that are not documents of the index (a record's fields, each on its
     * own), in order, for an FTS5 query over `body`. Each is marked where the query's words are,
     * and given as it starts when they are not in it.
     */
    texts(texts: string[], match: string, symbols: boolean): string[] {
      if (texts.length === 0) return [];
      // A token in every title that no search holds, so every text is a match, with or without the words.
      const everyText = '\u{F0000}';
      const marks = over((run) => {
        texts.forEach((text, index) => run.writeText.run(index + 1, everyText, symbols ? withSymbolTokens(text) : text));
      }, `title : "${everyText}" OR body : (${match})`);
      return texts.map((_, index) => marks.get(index + 1)?.snippet ?? '');
    },
  };
}
