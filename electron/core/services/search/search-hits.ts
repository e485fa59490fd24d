import type { SearchHit, SearchRung, TextPiece } from '../../../../shared/domain/search';
import type { SearchKindSpec, SnippetPart } from './registry';
import { type Marks, toPieces } from './search-marks';

/** A document found, as `search_doc` has it. */
export interface FoundDoc {
  record_id: string;
  rung: string;
  day: string | null;
  doc_id: number;
}

/** One kind's hits to show, with the source rows read for them (by record id). */
export interface ShownGroup {
  spec: SearchKindSpec;
  shown: FoundDoc[];
  sources: Map<string, Record<string, unknown>>;
}

const allRungs: readonly string[] = ['self', 'dyads', 'crews', 'congregations', 'network'];

/** Pieces with neighbours of the same kind joined ("now: " and the plain words after it are one piece). */
function joined(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (piece.text === '') continue;
    if (last !== undefined && last.hit === piece.hit) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/**
 * The hits as the Search page reads them: each title and snippet marked where the words are, with
 * what the kind adds from its record (" (you)", a round's crew, a commitment's wordings apart).
 * `markTexts` marks the fields of those snippets, all hits' at once, in order.
 */
export function toHits(groups: ShownGroup[], marks: Map<number, Marks>, markTexts: (texts: string[]) => string[]): SearchHit[][] {
  const partsOf = groups.map(({ spec, shown, sources }) => shown.map((row) => spec.snippetFrom?.(sources.get(row.record_id) ?? { id: row.record_id })));
  const marked = markTexts(partsOf.flat(2).flatMap((part) => (part === undefined ? [] : [part.text])));
  let next = 0;
  const snippetOf = (parts: SnippetPart[]) =>
    joined(parts.flatMap((part) => [{ text: part.lead ?? '', hit: false }, ...toPieces(marked[next++] ?? ''), { text: part.end ?? '', hit: false }]));

  return groups.map(({ spec, shown, sources }, groupIndex) =>
    shown.map((row, index): SearchHit => {
      const source = sources.get(row.record_id) ?? { id: row.record_id };
      const untitled = spec.untitled?.(source);
      const parts = partsOf[groupIndex]?.[index];
      const before = spec.titleBefore?.(source) ?? '';
      const after = spec.titleAfter?.(source) ?? '';
      return {
        kind: spec.kind,
        id: row.record_id,
        title: joined([{ text: before, hit: false }, ...toPieces(marks.get(row.doc_id)?.title ?? ''), { text: after, hit: false }]),
        ...(untitled ? { untitled } : {}),
        snippet: parts === undefined ? toPieces(marks.get(row.doc_id)?.snippet ?? '') : snippetOf(parts),
        day: row.day,
        rung: (allRungs.includes(row.rung) ? row.rung : spec.rung) as SearchRung,
        target: spec.open(source),
      };
    }),
  );
}
