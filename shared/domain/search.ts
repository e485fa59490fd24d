/** What search finds: hits grouped by the kind of record, with highlighted text. */

export type SearchRung = 'self' | 'dyads' | 'crews' | 'congregations' | 'network';

/** A piece of text; `hit` marks the words that matched. Rendered as text, never as HTML. */
export interface TextPiece {
  text: string;
  hit: boolean;
}

/** Where a hit opens: a page and the record inside it, exactly what `go(page, detail)` takes. */
export interface SearchTarget {
  page: SearchRung;
  detail: { kind: string; id: string };
}

export interface SearchHit {
  kind: string;
  id: string;
  title: TextPiece[];
  /** What to call it when its title is empty, when its kind says more than "Untitled" (an untitled quick capture is "Quick capture"). */
  untitled?: string;
  snippet: TextPiece[];
  /** The day the record is about, when it has one (`YYYY-MM-DD`). */
  day: string | null;
  rung: SearchRung;
  target: SearchTarget;
}

export interface SearchGroup {
  kind: string;
  /** Plural label for the group's heading ("Journal entries"). */
  label: string;
  rung: SearchRung;
  /** Counting stops at 1,000: then `totalIsCapped` is true and the UI says "1,000+". */
  total: number;
  totalIsCapped: boolean;
  hits: SearchHit[];
  /** Pass back as `offset` with this `kind` for the next page; null when all are shown. */
  nextOffset: number | null;
}

export interface SearchResults {
  text: string;
  total: number;
  groups: SearchGroup[];
}

/** A value a facet filter can take (a person, a part, a tag), for the filter's menu. */
export interface FacetOption {
  id: string;
  label: string;
}

/** The filters this archive offers: a facet whose records do not exist yet is simply absent. */
export interface SearchFilterOptions {
  kinds: { kind: string; label: string; rung: SearchRung }[];
  rungs: SearchRung[];
  facets: { facet: string; label: string; options: FacetOption[] }[];
}
