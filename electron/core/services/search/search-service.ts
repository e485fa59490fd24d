import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../../../shared/contract';
import type { SearchFilterOptions, SearchGroup, SearchHit, SearchResults, SearchRung, TextPiece } from '../../../../shared/domain/search';
import { LadderError } from '../../../../shared/errors';
import { parseSearch } from './fts-query';
import { type FacetName, facetSources, type SearchKindSpec, searchKinds } from './registry';

const allRungs: SearchRung[] = ['self', 'dyads', 'crews', 'congregations', 'network'];
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

interface RankedRow {
  record_id: string;
  rung: string;
  day: string | null;
  doc_id: number;
}

/** A prefix standing for more words than this is left to FTS5 to expand. */
const maxExpansion = 24;

function quotedWord(text: string) {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Counts stop here ("1,000+"), and ranking looks at this many of the newest matches. */
const countLimit = 1_000;
const candidateLimit = 400;

export function createSearchService(sqlite: SqliteDatabase.Database) {
  // A search runs a few statements for each of twenty-odd kinds; preparing one over the FTS5
  // table costs more than running it, so each SQL text is prepared once (each is always used
  // in the same mode, plucked or not).
  const statements = new Map<string, SqliteDatabase.Statement>();
  function prepare(text: string) {
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= 300) statements.clear();
      statement = sqlite.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  }

  let tablesAt = -1;
  let tables = new Set<string>();
  function existingTables() {
    const version = sqlite.pragma('schema_version', { simple: true }) as number;
    if (version !== tablesAt) {
      tables = new Set(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
      tablesAt = version;
    }
    return tables;
  }

  const liveKinds = () => searchKinds.filter((spec) => existingTables().has(spec.table));
  const liveFacets = () => facetSources.filter((source) => existingTables().has(source.table));

  function kindsFor(input: ParsedInput<'search.query'>): SearchKindSpec[] {
    let kinds = liveKinds();
    if (input.kind !== undefined) {
      kinds = kinds.filter((spec) => spec.kind === input.kind);
      if (kinds.length === 0) throw new LadderError('validation', 'Search does not know that kind of record.', 'kind');
    }
    const facets = Object.keys(input.filters.facets ?? {});
    const offered = new Set(liveFacets().map((source) => source.facet as string));
    for (const facet of facets) {
      if (!offered.has(facet)) throw new LadderError('validation', `Search cannot filter by "${facet}" in this archive.`, `filters.facets.${facet}`);
    }
    // A kind that cannot carry a facet being filtered on has no hits under that filter.
    return kinds.filter((spec) => facets.every((facet) => spec.facets?.[facet as FacetName] !== undefined));
  }

  /**
   * One kind's page of hits. The kind and rung are tokens in the index (`meta`), so FTS5 narrows
   * to them itself; the other filters are checked on `search_doc`. Ranking looks at the newest
   * `candidateLimit` matches: those with the words in their title first, then the rest, newest
   * first within each. (bm25 read every match of every word in the whole index to weigh them:
   * 130–530 ms a search at 100,000 entries in the benchmark; this reads the newest matches only.)
   */
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
    if (match !== `${terms.map(quotedWord).join(' ')}*` || !existingTables().has('search_vocab')) return match;
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
  function docsOf(docIds: number[]): RankedRow[] {
    if (docIds.length === 0) return [];
    const rows = prepare(`SELECT doc_id, record_id, rung, day FROM search_doc WHERE doc_id IN (${docIds.map(() => '?').join(',')})`)
      .all(...docIds) as RankedRow[];
    const byId = new Map(rows.map((row) => [row.doc_id, row]));
    return docIds.flatMap((docId) => byId.get(docId) ?? []);
  }

  function searchKind(spec: SearchKindSpec, userMatch: string, input: ParsedInput<'search.query'>): SearchGroup | null {
    const { filters } = input;
    const scope = [`meta : "k${spec.kind.replaceAll('_', '')}"`];
    if (filters.rung !== undefined) scope.push(`meta : "r${filters.rung}"`);
    const match = `${scope.join(' AND ')} AND {title body} : (${userMatch})`;
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [facet, value] of Object.entries(filters.facets ?? {})) {
      where.push(`d.record_id IN (${spec.facets?.[facet as FacetName] ?? 'SELECT NULL'})`);
      params.push(value);
    }
    // Checked row by row (a primary-key lookup each) rather than as `IN (…)`, which listed every
    // live id of the kind first: 20,000 check-ins, 4 ms, on every search (benchmark).
    if (spec.liveIds !== undefined) where.push(`EXISTS (SELECT 1 FROM (${spec.liveIds}) live WHERE live.id = d.record_id)`);
    if (filters.from !== undefined) {
      where.push('d.day >= ?');
      params.push(filters.from);
    }
    if (filters.to !== undefined) {
      where.push('d.day <= ?');
      params.push(filters.to);
    }
    const filtered = where.length > 0 ? `AND ${where.join(' AND ')}` : '';
    const matches = `FROM search_text m JOIN search_doc d ON d.doc_id = m.rowid WHERE search_text MATCH ? ${filtered}`;

    // The newest matches, one more than counted: how many there are, and the candidates to rank.
    // Without filters on `search_doc`, its rows are read for the candidates only (a third of the time).
    const newest =
      where.length > 0
        ? (prepare(`SELECT m.rowid AS doc_id, d.record_id, d.rung, d.day ${matches} ORDER BY m.rowid DESC LIMIT ${countLimit + 1}`)
            .all(match, ...params) as RankedRow[])
        : (prepare(`SELECT rowid FROM search_text WHERE search_text MATCH ? ORDER BY rowid DESC LIMIT ${countLimit + 1}`)
            .pluck()
            .all(match) as number[]);
    const counted = newest.length;
    if (counted === 0) return null;
    const candidates = where.length > 0 ? (newest as RankedRow[]).slice(0, candidateLimit) : docsOf((newest as number[]).slice(0, candidateLimit));
    const oldest = candidates.at(-1)?.doc_id ?? 0;
    const inTitle = new Set(
      prepare(`SELECT rowid FROM search_text WHERE search_text MATCH ? AND rowid >= CAST(? AS INTEGER)`)
        .pluck()
        .all(`${scope.join(' AND ')} AND title : (${userMatch})`, oldest) as number[],
    );
    const ranked = [...candidates.filter((row) => inTitle.has(row.doc_id)), ...candidates.filter((row) => !inTitle.has(row.doc_id))].slice(
      input.offset,
      input.offset + input.limit,
    );
    const total = Math.min(counted, countLimit);
    const reachable = Math.min(total, candidateLimit);
    if (ranked.length === 0) {
      return { kind: spec.kind, label: spec.label, rung: spec.rung, total, totalIsCapped: counted > countLimit, hits: [], nextOffset: null };
    }

    // Highlights only for the hits shown: snippet() is the costly part.
    // One lookup per hit: FTS5 seeks straight to a rowid, where `rowid IN (…)` may walk every match.
    // The CAST matters: a JS number arrives as a real, and FTS5 then ignores the rowid constraint.
    const markOne = prepare(
      `SELECT highlight(search_text, 0, char(2), char(3)) AS title,
              snippet(search_text, 1, char(2), char(3), '…', ${snippetTokens}) AS snippet
       FROM search_text WHERE search_text MATCH ? AND rowid = CAST(? AS INTEGER)`,
    );
    const marks = new Map(ranked.map((row) => [row.doc_id, markOne.get(match, row.doc_id) as { title: string; snippet: string } | undefined]));
    const columns = spec.targetColumns.map((c) => (/^\w+$/.test(c) ? `t."${c}"` : c)).join(', ');
    const sources = prepare(`SELECT ${columns} FROM ${spec.targetFrom ?? `"${spec.table}" t`} WHERE t.id IN (${ranked.map(() => '?').join(',')})`)
      .all(...ranked.map((row) => row.record_id)) as Record<string, unknown>[];
    const sourceById = new Map(sources.map((source) => [String(source.id), source]));
    const hits: SearchHit[] = ranked.map((row) => ({
      kind: spec.kind,
      id: row.record_id,
      title: toPieces(marks.get(row.doc_id)?.title ?? ''),
      snippet: toPieces(marks.get(row.doc_id)?.snippet ?? ''),
      day: row.day,
      rung: (allRungs.includes(row.rung as SearchRung) ? row.rung : spec.rung) as SearchRung,
      target: spec.open(sourceById.get(row.record_id) ?? { id: row.record_id }),
    }));
    const shown = input.offset + hits.length;
    return {
      kind: spec.kind,
      label: spec.label,
      rung: spec.rung,
      total,
      totalIsCapped: counted > countLimit,
      hits,
      nextOffset: shown < reachable ? shown : null,
    };
  }

  return {
    query(input: ParsedInput<'search.query'>): SearchResults {
      const parsed = parseSearch(input.text);
      const empty: SearchResults = { text: input.text, total: 0, groups: [] };
      if (parsed.match === null) return empty;
      const match = expandPrefix(parsed.match, parsed.terms);
      const groups: SearchGroup[] = [];
      for (const spec of kindsFor(input)) {
        const group = searchKind(spec, match, input);
        if (group) groups.push(group);
      }
      return { text: input.text, total: groups.reduce((sum, group) => sum + group.total, 0), groups };
    },

    filters(): SearchFilterOptions {
      return {
        kinds: liveKinds().map((spec) => ({ kind: spec.kind, label: spec.label, rung: spec.rung })),
        rungs: allRungs,
        facets: liveFacets().map((source) => ({
          facet: source.facet,
          label: source.label,
          options: (sqlite.prepare(source.options).all() as { id: string; label: string }[]).map((row) => ({ id: String(row.id), label: String(row.label) })),
        })),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
