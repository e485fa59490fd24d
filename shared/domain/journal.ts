/** A journal entry: the Self level's basic unit of writing. Body is Markdown. */
export interface Entry {
  id: string;
  title: string;
  body: string;
  /** The day the entry is about, `YYYY-MM-DD` (defaults to today, may be changed). */
  entryDate: string;
  createdAt: string;
  updatedAt: string;
}

/** What the journal list needs of an entry: no full body, so a page stays small. */
export interface EntrySummary {
  id: string;
  title: string;
  excerpt: string;
  entryDate: string;
  updatedAt: string;
}

export interface EntryPage {
  entries: EntrySummary[];
  /** Pass back as `after` to get the next (older) page; null at the end of the journal. */
  nextCursor: string | null;
}
