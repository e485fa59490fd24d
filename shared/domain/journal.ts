import type { SelfEnergy } from './self';

/** The five rungs of the ladder, smallest first. An entry may be tagged with one of them. */
export const rungIds = ['self', 'dyads', 'crews', 'congregations', 'network'] as const;
export type RungId = (typeof rungIds)[number];

/**
 * What kind of writing an entry is. Most are plain journal entries; the others are made by
 * quick capture, the guided protector reflection, or logged after therapy.
 */
export const entryKinds = ['journal', 'quick_capture', 'protector_reflection', 'therapy_log'] as const;
export type EntryKind = (typeof entryKinds)[number];

/** Each kind's name, the same in the journal, in search and in an export's file names. */
export const entryKindLabels: Record<EntryKind, string> = {
  journal: 'Journal entry',
  quick_capture: 'Quick capture',
  protector_reflection: 'Protector reflection',
  therapy_log: 'Log of therapy work',
};

/** What an entry without a title is called: a plain one is "Untitled", the others go by their kind. */
export function untitledEntryName(kind: string): string {
  return kind !== 'journal' && kind in entryKindLabels ? entryKindLabels[kind as EntryKind] : 'Untitled';
}

/** A journal entry: the Self level's basic unit of writing. Body is Markdown. */
export interface Entry {
  id: string;
  title: string;
  body: string;
  /** The day the entry is about, `YYYY-MM-DD` (defaults to today, may be changed). */
  entryDate: string;
  kind: EntryKind;
  /** The rung the entry is about, if the writer tagged one. */
  rung: RungId | null;
  /** The prompt the entry answered, if any. */
  promptId: string | null;
  /** The parts that showed up, in the order they were named. */
  partIds: string[];
  tags: string[];
  /** The Self-energy check attached to the entry, if one was made. */
  selfEnergy: SelfEnergy | null;
  createdAt: string;
  updatedAt: string;
}

/** What the writer gives an entry: everything but its id and its times, which Ladder keeps. */
export type EntryFields = Omit<Entry, 'id' | 'createdAt' | 'updatedAt'>;

/** What the journal list needs of an entry: no full body, so a page stays small. */
export interface EntrySummary {
  id: string;
  title: string;
  excerpt: string;
  entryDate: string;
  kind: EntryKind;
  rung: RungId | null;
  promptId: string | null;
  partIds: string[];
  tags: string[];
  updatedAt: string;
}

export interface EntryPage {
  entries: EntrySummary[];
  /** Pass back as `after` to get the next (older) page; null at the end of the journal. */
  nextCursor: string | null;
}
