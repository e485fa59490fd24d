import type { EntryKind, RungId } from './journal';

/** Where a prompt or template came from: written for Ladder, or by you. */
export type LibrarySource = 'ladder' | 'user';

/** A question to write from. Every rung has its own; archived prompts rest out of the way. */
export interface Prompt {
  id: string;
  rung: RungId;
  text: string;
  source: LibrarySource;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A shape to start an entry from: a title, a body with headings, and the rung it belongs to. */
export interface Template {
  id: string;
  name: string;
  body: string;
  rung: RungId | null;
  /** The kind of entry it starts. */
  kind: EntryKind;
  source: LibrarySource;
  createdAt: string;
  updatedAt: string;
}
