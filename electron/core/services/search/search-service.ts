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

/** Counts stop here ("1,000+"), and ranking looks at this many of the newest matches. */
const countLimit = 1_000;
const candidateLimit = 400;

export function createSearchService(sqlite: SqliteDatabase.Database) {
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
   * to them itself; the other filters are checked on `search_doc`. Ranking (bm25, titles weigh
   * more) looks at the newest `candidateLimit` matches, which keeps a search for a word found in
   * nearly every entry as quick as any other.
   */
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
    if (spec.liveIds !== undefined) where.push(`d.record_id IN (${spec.liveIds})`);
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

    const counted = sqlite.prepare(`SELECT count(*) FROM (SELECT 1 ${matches} LIMIT ${countLimit + 1})`).pluck().get(match, ...params) as number;
    if (counted === 0) return null;
    const ranked = sqlite
      .prepare(
        `SELECT doc_id, record_id, rung, day FROM (
           SELECT m.rowid AS doc_id, d.record_id, d.rung, d.day, bm25(search_text, 4.0, 1.0, 0.0) AS score
           ${matches} ORDER BY m.rowid DESC LIMIT ${candidateLimit}
         ) ORDER BY score, doc_id DESC LIMIT ? OFFSET ?`,
      )
      .all(match, ...params, input.limit, input.offset) as RankedRow[];
    const total = Math.min(counted, countLimit);
    const reachable = Math.min(total, candidateLimit);
    if (ranked.length === 0) {
      return { kind: spec.kind, label: spec.label, rung: spec.rung, total, totalIsCapped: counted > countLimit, hits: [], nextOffset: null };
    }

    // Highlights only for the hits shown: snippet() is the costly part.
    // One lookup per hit: FTS5 seeks straight to a rowid, where `rowid IN (…)` may walk every match.
    // The CAST matters: a JS number arrives as a real, and FTS5 then ignores the rowid constraint.
    const markOne = sqlite.prepare(
      `SELECT highlight(search_text, 0, char(2), char(3)) AS title,
              snippet(search_text, 1, char(2), char(3), '…', ${snippetTokens}) AS snippet
       FROM search_text WHERE search_text MATCH ? AND rowid = CAST(? AS INTEGER)`,
    );
    const marks = new Map(ranked.map((row) => [row.doc_id, markOne.get(match, row.doc_id) as { title: string; snippet: string } | undefined]));
    const columns = spec.targetColumns.map((c) => (/^\w+$/.test(c) ? `t."${c}"` : c)).join(', ');
    const sources = sqlite
      .prepare(`SELECT ${columns} FROM ${spec.targetFrom ?? `"${spec.table}" t`} WHERE t.id IN (${ranked.map(() => '?').join(',')})`)
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
      const groups: SearchGroup[] = [];
      for (const spec of kindsFor(input)) {
        const group = searchKind(spec, parsed.match, input);
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
