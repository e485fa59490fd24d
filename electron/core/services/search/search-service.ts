import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../../../shared/contract';
import { personLabel } from '../../../../shared/domain/people';
import type { SearchFilterOptions, SearchGroup, SearchResults, SearchRung } from '../../../../shared/domain/search';
import { LadderError } from '../../../../shared/errors';
import { titleMark } from '../../db/migrations/0024-search-emoji';
import { parseSearch, symbolMatch } from './fts-query';
import { type FacetName, type FacetSource, facetSources, type SearchKindSpec, searchKinds } from './registry';
import { type FoundDoc, toHits } from './search-hits';
import { createMarker } from './search-marks';

const allRungs: SearchRung[] = ['self', 'dyads', 'crews', 'congregations', 'network'];

/** A kind's group before its hits are highlighted (all kinds' together, at the end). */
interface PendingGroup {
  spec: SearchKindSpec;
  shown: FoundDoc[];
  group: SearchGroup;
}

/** What a search asks for: its words as an FTS5 expression (null: none), and its emoji. */
interface Wanted {
  words: string | null;
  /** Each emoji's tokens (fts-query.ts). */
  symbols: string[][];
}

/** A prefix standing for more words than this is left to FTS5 to expand. */
const maxExpansion = 24;

function quotedWord(text: string) {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Counts stop here ("1,000+"), and ranking looks at this many of the newest matches. */
const countLimit = 1_000;
const candidateLimit = 400;
/** Each kind's rowids since migration 0015: [n·2^40, (n+1)·2^40). */
const kindRange = 2 ** 40;

/** A text without the marker characters hits are marked with (they never belong in a plain one). */
function stripMarkers(text: string): string {
  return text.replaceAll('\u0002', '').replaceAll('\u0003', '');
}

/** How a text starts, as a snippet: its first words, on one line. */
function opening(text: string): string {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  return words.length > snippetWords ? `${words.slice(0, snippetWords).join(' ')}…` : words.join(' ');
}
const snippetWords = 24;

export function createSearchService(sqlite: SqliteDatabase.Database) {
  // A search runs a few statements for each kind with documents; preparing one over the FTS5
  // table costs more than running it, so each SQL text is prepared once (each is always used
  // in the same mode, plucked or not), and the kinds share theirs (the kind is a parameter).
  const statements = new Map<string, SqliteDatabase.Statement>();
  const marker = createMarker(sqlite);
  function prepare(text: string) {
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= 300) statements.clear();
      statement = sqlite.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  }

  // What this archive holds (some kinds' tables come with later migrations), read again only
  // when its schema changes: once per request (a PRAGMA prepared each time cost 1–2 ms a search).
  const schemaVersion = sqlite.prepare('PRAGMA schema_version').pluck();
  let schemaAt = -1;
  let tables = new Set<string>();
  let ranged = false;
  let liveKinds: SearchKindSpec[] = [];
  let liveFacets: FacetSource[] = [];
  function readSchema() {
    const version = schemaVersion.get() as number;
    if (version === schemaAt) return;
    const names = sqlite.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as { type: string; name: string }[];
    tables = new Set(names.filter((row) => row.type === 'table').map((row) => row.name));
    // Migration 0015 numbers each kind's documents in a range of their own (and its trigger keeps them so).
    ranged = names.some((row) => row.type === 'trigger' && row.name === 'search_doc_place');
    liveKinds = searchKinds.filter((spec) => tables.has(spec.table));
    liveFacets = facetSources.filter((source) => tables.has(source.table));
    schemaAt = version;
  }

  function kindsFor(input: ParsedInput<'search.query'>): SearchKindSpec[] {
    let kinds = liveKinds;
    if (input.kind !== undefined) {
      kinds = kinds.filter((spec) => spec.kind === input.kind);
      if (kinds.length === 0) throw new LadderError('validation', 'Search does not know that kind of record.', 'kind');
    }
    const facets = Object.keys(input.filters.facets ?? {});
    const offered = new Set(liveFacets.map((source) => source.facet as string));
    for (const facet of facets) {
      if (!offered.has(facet)) throw new LadderError('validation', `Search cannot filter by "${facet}" in this archive.`, `filters.facets.${facet}`);
    }
    // A kind that cannot carry a facet being filtered on has no hits under that filter.
    return kinds.filter((spec) => facets.every((facet) => spec.facets?.[facet as FacetName] !== undefined));
  }

  /**
   * A last word still being typed ("gratef"*) as the whole words in the index it can stand for
   * ("grateful" OR "gratefully"). FTS5 expands a long prefix in every statement that uses it,
   * about 6 ms each at 100,000 entries, and a search runs dozens; this looks the words up once.
   * Short prefixes (the index keeps 2- and 3-letter ones), odd scripts, no words or too many
   * keep the prefix as it was.
   */
  function expandPrefix(match: string, terms: string[]): string {
    const last = terms.at(-1) ?? '';
    // Only the shape parseSearch gives a prefix search: every term quoted, the last one starred.
    if (match !== `${terms.map(quotedWord).join(' ')}*` || !tables.has('search_vocab')) return match;
    const prefix = last.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (!/^[a-z0-9]{4,}$/.test(prefix)) return match;
    const next = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
    const words = prepare(`SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ${maxExpansion + 1}`)
      .pluck()
      .all(prefix, next) as string[];
    if (words.length === 0 || words.length > maxExpansion) return match;
    // FTS5 wants an explicit AND before a bracket.
    return [...terms.slice(0, -1).map(quotedWord), `(${words.map(quotedWord).join(' OR ')})`].join(' AND ');
  }

  /** The `search_doc` rows of these documents, in the order given. */
  function docsOf(docIds: number[]): FoundDoc[] {
    if (docIds.length === 0) return [];
    const rows = prepare('SELECT doc_id, record_id, rung, day FROM search_doc WHERE doc_id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(docIds),
    ) as FoundDoc[];
    const byId = new Map(rows.map((row) => [row.doc_id, row]));
    return docIds.flatMap((docId) => byId.get(docId) ?? []);
  }

  /**
   * Where one kind's documents are in the index, or null when it has none (most searches skip
   * most kinds this way, with one lookup). Since migration 0015 each kind has a rowid range of
   * its own, which FTS5 seeks to directly; an index numbered before it has one range for all.
   */
  function kindScope(spec: SearchKindSpec): { low: number; high: number } | null {
    const first = prepare('SELECT doc_id FROM search_doc WHERE kind = ? LIMIT 1').pluck().get(spec.kind) as number | undefined;
    if (first === undefined) return null;
    if (!ranged) return { low: 0, high: Number.MAX_SAFE_INTEGER };
    const low = Math.floor(first / kindRange) * kindRange;
    return { low, high: low + kindRange };
  }

  /**
   * The documents of this kind hidden because a parent is deleted (usually none). They stay in
   * the index, so a restore brings them back without re-indexing; each search leaves them out.
   */
  function hiddenDocs(spec: SearchKindSpec): Set<number> {
    if (spec.hiddenIds === undefined) return new Set();
    return new Set(prepare(`SELECT doc_id FROM search_doc WHERE kind = ? AND record_id IN (${spec.hiddenIds})`).pluck().all(spec.kind) as number[]);
  }

  /** The filters checked on `search_doc` (as `d`): a facet's records, and the days written about. */
  function docFilters(spec: SearchKindSpec, filters: ParsedInput<'search.query'>['filters']): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [facet, value] of Object.entries(filters.facets ?? {})) {
      where.push(`d.record_id IN (${spec.facets?.[facet as FacetName] ?? 'SELECT NULL'})`);
      params.push(value);
    }
    if (filters.from !== undefined) {
      where.push('d.day >= ?');
      params.push(filters.from);
    }
    if (filters.to !== undefined) {
      where.push('d.day <= ?');
      params.push(filters.to);
    }
    return { where, params };
  }

  /** A kind's group of these documents (newest first, at most `countLimit + 1` given), the page asked for. */
  function pageOf(spec: SearchKindSpec, newest: number[], ordered: number[], input: ParsedInput<'search.query'>): PendingGroup | null {
    const counted = newest.length;
    if (counted === 0) return null;
    const shownIds = ordered.slice(input.offset, input.offset + input.limit);
    const total = Math.min(counted, countLimit);
    const reachable = Math.min(total, candidateLimit);
    const shown = docsOf(shownIds);
    const next = input.offset + shown.length;
    return {
      spec,
      shown,
      group: {
        kind: spec.kind,
        label: spec.label,
        rung: spec.rung,
        total,
        totalIsCapped: counted > countLimit,
        hits: [],
        nextOffset: shown.length > 0 && next < reachable ? next : null,
      },
    };
  }

  /**
   * One kind's records under a filter alone, no words (every entry tagged "Ärger"): newest day
   * first. Found through the facet's link table and `search_doc`'s (kind, record) key, never
   * through the whole index.
   */
  function browseKind(spec: SearchKindSpec, input: ParsedInput<'search.query'>): PendingGroup | null {
    if (kindScope(spec) === null) return null;
    const { where, params } = docFilters(spec, input.filters);
    if (input.filters.rung !== undefined) {
      where.push('d.rung = ?');
      params.push(input.filters.rung);
    }
    const hidden = hiddenDocs(spec);
    const read = prepare(
      `SELECT d.doc_id FROM search_doc d WHERE d.kind = ? AND ${where.join(' AND ')} ORDER BY d.day IS NULL, d.day DESC, d.doc_id DESC LIMIT ?`,
    )
      .pluck()
      .all(spec.kind, ...params, countLimit + 1 + hidden.size) as number[];
    const newest = hidden.size === 0 ? read : read.filter((docId) => !hidden.has(docId)).slice(0, countLimit + 1);
    return pageOf(spec, newest, newest.slice(0, candidateLimit), input);
  }

  /** The title and the start of the body of each document, unmarked: what a browsed hit shows. */
  function plainMarks(docIds: number[]): Map<number, { title: string; snippet: string }> {
    if (docIds.length === 0) return new Map();
    const rows = prepare('SELECT rowid, title, body FROM search_text WHERE rowid IN (SELECT value FROM json_each(?))').all(JSON.stringify(docIds)) as {
      rowid: number;
      title: string | null;
      body: string | null;
    }[];
    return new Map(rows.map((row) => [row.rowid, { title: stripMarkers(row.title ?? ''), snippet: opening(stripMarkers(row.body ?? '')) }]));
  }

  /**
   * One kind's page of hits, not yet highlighted. FTS5 narrows to the kind (its rowid range) and
   * the rung (a token in `meta`) itself; the other filters are checked on `search_doc`. Ranking
   * looks at the newest `candidateLimit` matches: those with the words in their title first, then
   * the rest, newest first within each. (bm25 read every match of every word in the whole index to
   * weigh them: 130–530 ms a search at 100,000 entries in the benchmark; this reads the newest.)
   */
  function searchKind(spec: SearchKindSpec, { words, symbols }: Wanted, input: ParsedInput<'search.query'>): PendingGroup | null {
    const { filters } = input;
    const scope = kindScope(spec);
    if (scope === null) return null;
    // The kind's `meta` token too, though the range alone finds the same documents: FTS5 checks a
    // rowid bound only on whole matches, so a phrase (or a column) that matches nowhere in the
    // range would be looked for through the rest of the index; within an AND with the token, the
    // search ends where the kind's documents end. (A phrase in titles only: 12 ms without, 0.3 with.)
    const narrowing = [`meta : "k${spec.kind.replaceAll('_', '')}"`];
    if (filters.rung !== undefined) narrowing.push(`meta : "r${filters.rung}"`);
    const { where, params } = docFilters(spec, filters);
    // The CASTs matter: a JS number arrives as a real, and FTS5 then ignores a rowid constraint.
    const inRange = (rowid: string) => `${rowid} >= CAST(? AS INTEGER) AND ${rowid} < CAST(? AS INTEGER)`;

    // Emoji are tokens of `meta` too (migration 0024), so words and emoji are one query; in titles,
    // the title's own copy of them.
    const within = (columns: 'title' | '{title body}') => {
      const all = [...narrowing];
      if (symbols.length > 0) all.push(`meta : (${symbolMatch(symbols, columns === 'title' ? titleMark : '')})`);
      if (words !== null) all.push(`${columns} : (${words})`);
      return all.join(' AND ');
    };

    // The newest matches, one more than counted: how many there are, and the candidates to rank.
    // Hidden ones are read too (as many more) and dropped here, which keeps the count exact.
    // Without filters on `search_doc`, its rows are read for the hits shown only.
    const hidden = hiddenDocs(spec);
    const limit = countLimit + 1 + hidden.size;
    const read: number[] =
      where.length > 0
        ? (prepare(
            `SELECT m.rowid FROM search_text m JOIN search_doc d ON d.doc_id = m.rowid
             WHERE search_text MATCH ? AND ${inRange('m.rowid')} AND ${where.join(' AND ')} ORDER BY m.rowid DESC LIMIT ?`,
          )
            .pluck()
            .all(within('{title body}'), scope.low, scope.high, ...params, limit) as number[])
        : (prepare(`SELECT rowid FROM search_text WHERE search_text MATCH ? AND ${inRange('rowid')} ORDER BY rowid DESC LIMIT ?`)
            .pluck()
            .all(within('{title body}'), scope.low, scope.high, limit) as number[]);
    const newest = hidden.size === 0 ? read : read.filter((docId) => !hidden.has(docId)).slice(0, countLimit + 1);
    if (newest.length === 0) return null;
    const candidates = newest.slice(0, candidateLimit);
    const oldest = candidates.at(-1) ?? scope.low;
    const inTitle = new Set(
      prepare(`SELECT rowid FROM search_text WHERE search_text MATCH ? AND ${inRange('rowid')}`)
        .pluck()
        .all(within('title'), oldest, scope.high) as number[],
    );
    return pageOf(spec, newest, [...candidates.filter((docId) => inTitle.has(docId)), ...candidates.filter((docId) => !inTitle.has(docId))], input);
  }

  /** Where each hit shown opens: one query per kind, for its hits only. */
  function targetsOf(spec: SearchKindSpec, shown: FoundDoc[]) {
    if (shown.length === 0) return new Map<string, Record<string, unknown>>();
    const columns = spec.targetColumns.map((c) => (/^\w+$/.test(c) ? `t."${c}"` : c)).join(', ');
    const sources = prepare(`SELECT ${columns} FROM ${spec.targetFrom ?? `"${spec.table}" t`} WHERE t.id IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(shown.map((row) => row.record_id)),
    ) as Record<string, unknown>[];
    return new Map(sources.map((source) => [String(source.id), source]));
  }

  return {
    query(input: ParsedInput<'search.query'>): SearchResults {
      readSchema();
      const parsed = parseSearch(input.text);
      const empty: SearchResults = { text: input.text, total: 0, groups: [] };
      const { symbols } = parsed;
      if (parsed.match === null && symbols.length === 0) {
        // No words, but a person, part or tag chosen: everything under that filter, newest first.
        if (Object.keys(input.filters.facets ?? {}).length === 0) return empty;
        const pending = kindsFor(input).flatMap((spec) => browseKind(spec, input) ?? []);
        const marks = plainMarks(pending.flatMap(({ shown }) => shown.map((row) => row.doc_id)));
        const shownGroups = pending.map(({ spec, shown }) => ({ spec, shown, sources: targetsOf(spec, shown) }));
        const hits = toHits(shownGroups, marks, (texts) => texts.map(opening));
        const groups = pending.map(({ group }, index): SearchGroup => ({ ...group, hits: hits[index] ?? [] }));
        return { text: input.text, total: groups.reduce((sum, group) => sum + group.total, 0), groups };
      }
      const wanted: Wanted = { words: parsed.match === null ? null : expandPrefix(parsed.match, parsed.terms), symbols };
      const pending: PendingGroup[] = [];
      for (const spec of kindsFor(input)) {
        const found = searchKind(spec, wanted, input);
        if (found) pending.push(found);
      }
      // Highlights only for the hits shown, all kinds' at once. The person's words alone mark them
      // (the kind and rung are never in a title or body); emoji as their tokens (search-marks.ts).
      const all = [wanted.words, symbols.length > 0 ? symbolMatch(symbols) : null].flatMap((part) => (part === null ? [] : [`(${part})`])).join(' AND ');
      const marks = marker.documents(
        pending.flatMap(({ shown }) => shown.map((row) => row.doc_id)),
        `{title body} : (${all})`,
        symbols.length > 0,
      );
      const shownGroups = pending.map(({ spec, shown }) => ({ spec, shown, sources: targetsOf(spec, shown) }));
      // A field of a snippet may hold some of the words and not the others: each word is marked wherever it is.
      const anyWord = (all.match(/"(?:[^"]|"")*"\*?/g) ?? []).join(' OR ');
      const hits = toHits(shownGroups, marks, (texts) => marker.texts(texts, anyWord, symbols.length > 0));
      const groups = pending.map(({ group }, index): SearchGroup => ({ ...group, hits: hits[index] ?? [] }));
      return { text: input.text, total: groups.reduce((sum, group) => sum + group.total, 0), groups };
    },

    filters(): SearchFilterOptions {
      readSchema();
      return {
        kinds: liveKinds.map((spec) => ({ kind: spec.kind, label: spec.label, rung: spec.rung })),
        rungs: allRungs,
        facets: liveFacets.map((source) => ({
          facet: source.facet,
          label: source.label,
          // A source that says who is me (people) names them as every list does: "Ana (you)".
          options: (sqlite.prepare(source.options).all() as { id: string; label: string; isMe?: number }[]).map((row) => ({
            id: String(row.id),
            label: row.isMe === undefined ? String(row.label) : personLabel({ name: String(row.label), isMe: row.isMe === 1 }),
          })),
        })),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
