import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { archiveFormat, archiveFormatVersion } from '../../../../shared/domain/transfer';
import { LadderError } from '../../../../shared/errors';
import type { JobContext } from '../jobs/job-runner';
import { readFrontMatter } from './front-matter';
import { jsonProblemOffset, lineAndColumn } from './json-problem';
import { rowName, rowPlace } from './row-names';

/**
 * Reading what is to be imported, before anything is written: every problem is found here and
 * named with where it is (file, line, or JSON path), so a malformed import writes nothing.
 */

export type Row = Record<string, unknown>;

/** An entry to make from a note or a Day One entry (ids are given when it is written). */
export interface EntryDraft {
  title: string;
  body: string;
  entryDate: string;
  tags: string[];
  createdAt: string | null;
  updatedAt: string | null;
  /** Where it came from, for error messages. */
  origin: string;
}

const day = /^(\d{4})-(\d{2})-(\d{2})/;

function realDay(value: string): string | null {
  const match = day.exec(value);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}

function fail(message: string): never {
  throw new LadderError('validation', message, 'path');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail(`There is no file at ${file}. Check the path for a typo.`);
    if (code === 'EISDIR') return fail(`${file} is a folder. Choose a file inside it.`);
    if (code === 'EACCES' || code === 'EPERM') return fail(`Ladder is not allowed to open ${file}. Check who may read it.`);
    return fail(`Ladder could not read ${file}. Check that it is a file you may open.`);
  }
}

/** What a JSON file is expected to be, for messages that say so plainly. */
export interface JsonKind {
  /** "a Ladder export" */
  name: string;
  /** Which file to choose instead. */
  choose: string;
}

export const ladderExportKind: JsonKind = { name: 'a Ladder export', choose: 'Choose ladder-archive.json, inside a folder Ladder exported.' };
export const dayOneKind: JsonKind = { name: 'a Day One export', choose: 'Choose the JSON file from a Day One export.' };

function isFolder(file: string) {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * JSON.parse, with the failure said plainly: a folder, an empty file, a file that is not JSON at
 * all, or JSON broken at line L, column C (never the parser's own words).
 */
export function parseJsonFile(file: string, kind: JsonKind = ladderExportKind): unknown {
  const name = path.basename(file);
  if (isFolder(file)) fail(`${file} is a folder, and ${kind.name} is a file. ${kind.choose}`);
  const text = readText(file).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const given = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const offset = Number.isNaN(given) ? jsonProblemOffset(text) : given;
    const start = text.trimStart();
    if (start === '') return fail(`${name} is empty, so it is not ${kind.name}. ${kind.choose}`);
    if (!start.startsWith('{') && !start.startsWith('[')) return fail(`${name} is not ${kind.name}: it is not JSON at all. ${kind.choose}`);
    if (offset < 0 || offset >= text.length) return fail(`${name} is not valid JSON: it ends too early. It may have been cut short while it was copied.`);
    const { line, column } = lineAndColumn(text, offset);
    return fail(`${name} is not valid JSON: the problem is at line ${line}, column ${column}.`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A row that is not a `{ … }` object: "Entry 3 in this file is not a record: …". */
function notARecord(table: string, index: number) {
  return `${rowName(table, index)} is not a record: each record should be written between { and }.`;
}

/** A Ladder export: checked for its format and version; rows are checked against the archive later. */
export function readLadderArchive(file: string, data: unknown = parseJsonFile(file)): Record<string, Row[]> {
  const name = path.basename(file);
  if (!isObject(data) || data.format !== archiveFormat) fail(`${name} is not a Ladder export: its "format" is not "${archiveFormat}".`);
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail(`${name} does not say which version of Ladder's export it is: its "formatVersion" should be a whole number, like 1.`);
  }
  if (version > archiveFormatVersion) fail(`${name} was made by a newer Ladder (format ${version}); update Ladder to import it.`);
  if (!isObject(data.tables)) fail(`${name} holds no records Ladder can read: its "tables" part is missing or not laid out as Ladder writes it.`);
  const tables: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(data.tables)) {
    if (!Array.isArray(rows)) fail(`${name}: its records of the kind "${table}" should be a list, in [ and ], and they are not.`);
    rows.forEach((row, index) => {
      if (!isObject(row)) fail(notARecord(table, index));
    });
    tables[table] = rows as Row[];
  }
  return tables;
}

const tablesOpening = ',"tables":{';
const tableLine = /^("(?:[^"\\]|\\.)*"):\[$/;

/** Whether the file starts like our own export: a one-line header that opens "tables" (BOM aside). */
export function hasExportLayout(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    const firstLine = /^\uFEFF?(\{[^\n]*)\n/.exec(text)?.[1]?.replace(/\r$/, '');
    return firstLine?.endsWith(tablesOpening) ?? false;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** One step of reading a Ladder export: a table begins, or one of its rows (with its line's length). */
export type ExportItem = { kind: 'table'; table: string } | { kind: 'row'; table: string; index: number; row: Row; size: number };

/**
 * Met part way through a file that started like our export but is laid out some other way
 * (hand-edited, a row split over lines): the caller starts again with the whole-file reading,
 * which has the same checks and messages.
 */
export class OtherLayout extends Error {
  constructor() {
    super('The file is not laid out as Ladder writes its exports.');
    this.name = 'OtherLayout';
  }
}

/**
 * A Ladder export in the layout `writeExport` makes (header line, `"table":[` lines, one row per
 * line; see `hasExportLayout`), read line by line and handed on a row at a time, so a large export
 * never sits in memory, neither as one string nor as its rows. Throws `OtherLayout` when the file
 * turns out to be laid out any other way.
 */
export async function* streamLadderExport(file: string, onRead: (bytes: number) => void): AsyncGenerator<ExportItem> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let state: 'header' | 'table' | 'rows' | 'end' | 'done' = 'header';
  let table = '';
  let index = 0;
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber += 1;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (state === 'header') {
        let header: unknown;
        try {
          header = JSON.parse(`${line}}}`) as unknown;
        } catch {
          throw new OtherLayout();
        }
        // Format and version are checked before any row is read.
        readLadderArchive(file, header);
        state = 'table';
      } else if (state === 'table') {
        const match = tableLine.exec(line);
        if (!match?.[1]) throw new OtherLayout();
        try {
          table = JSON.parse(match[1]) as string;
        } catch {
          throw new OtherLayout();
        }
        index = 0;
        state = 'rows';
        yield { kind: 'table', table };
      } else if (state === 'rows') {
        if (line === ']' || line === '],') {
          state = line === ']' ? 'end' : 'table';
          continue;
        }
        let row: unknown;
        try {
          row = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
        } catch {
          brokenRow(file, rowPlace(table, index));
          throw new OtherLayout();
        }
        if (!isObject(row)) fail(notARecord(table, index));
        onRead(stream.bytesRead);
        yield { kind: 'row', table, index, row, size: line.length };
        index += 1;
      } else if (state === 'end') {
        if (line !== '}}') throw new OtherLayout();
        state = 'done';
      } else if (line.trim() !== '') throw new OtherLayout();
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (state !== 'done') throw new OtherLayout();
}

/** The rows of a Ladder export read whole (`readLadderArchive`), as the streamed reading hands them on. */
export function* ladderArchiveItems(tables: Record<string, Row[]>): Generator<ExportItem> {
  for (const [table, rows] of Object.entries(tables)) {
    yield { kind: 'table', table };
    for (const [index, row] of rows.entries()) yield { kind: 'row', table, index, row, size: 0 };
  }
}

/**
 * A row line that is not JSON on its own. A hand-edited file may have split a row over lines, so
 * the whole file decides; if it is broken too, the message also names the row.
 */
function brokenRow(file: string, at: string) {
  try {
    parseJsonFile(file);
  } catch (error) {
    if (error instanceof LadderError) throw new LadderError('validation', `${error.message.replace(/\.$/, '')} (at ${at}).`, 'path');
    throw error;
  }
}

/** The first `# heading` of a note as its title, taken out of the body. */
function splitTitle(body: string): { title: string | null; body: string } {
  const match = /^\s*#\s+(.+?)\s*#*\s*(?:\n|$)/.exec(body);
  if (!match) return { title: null, body };
  return { title: match[1] ?? null, body: body.slice(match[0].length).replace(/^\n+/, '') };
}

function localDay(date: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const noteExtensions = new Set(['.md', '.markdown', '.txt']);
const maxNotes = 50_000;

function listNotes(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      if (item.name.startsWith('.')) continue;
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.isFile() && noteExtensions.has(path.extname(item.name).toLowerCase())) found.push(full);
      if (found.length > maxNotes) fail(`${root} holds more than ${maxNotes.toLocaleString('en')} notes; import a smaller folder at a time.`);
    }
  };
  let stat;
  try {
    stat = statSync(root);
  } catch {
    fail(`There is no folder at ${root}. Check the path for a typo.`);
  }
  if (!stat.isDirectory()) fail(`${root} is a file, and this kind of import needs a folder. Choose the folder that holds the notes.`);
  try {
    walk(root);
  } catch (error) {
    if (error instanceof LadderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') fail(`Ladder is not allowed to look inside ${root} (or a folder in it). Check who may read it.`);
    fail(`Ladder could not look inside ${root}. Check that it is a folder you may open.`);
  }
  // Said plainly, rather than offering to import nothing.
  if (found.length === 0) {
    fail(`There are no Markdown files (.md, .markdown or .txt) in ${root} or the folders inside it, so there is nothing to import. Choose the folder that holds your notes.`);
  }
  return found.sort();
}

/** A folder of Markdown notes (daily notes and the like), each one an entry. */
export async function readMarkdownFolder(root: string, ctx: JobContext): Promise<EntryDraft[]> {
  const files = listNotes(root);
  ctx.progress(0, files.length, 'Reading notes');
  const drafts: EntryDraft[] = [];
  for (const [index, file] of files.entries()) {
    const relative = path.relative(root, file);
    const note = readFrontMatter(readText(file));
    const stem = path.basename(file, path.extname(file));
    let entryDate: string | null = null;
    const dateField = note.fields.date;
    if (dateField !== undefined) {
      entryDate = typeof dateField === 'string' ? realDay(dateField) : null;
      if (!entryDate) {
        const line = readText(file).split(/\r?\n/).findIndex((l) => /^date\s*:/i.test(l)) + 1;
        fail(`${relative} has a date (on line ${line}) that Ladder cannot read: it should be a day like 2026-11-26.`);
      }
    }
    entryDate ??= realDay(stem.replace(/^.*?(\d{4}-\d{2}-\d{2}).*$/, '$1')) ?? localDay(statSync(file).mtime);
    const heading = splitTitle(note.body);
    const titleField = note.fields.title;
    const title = (typeof titleField === 'string' ? titleField : null) ?? heading.title ?? stem.replace(/^\d{4}-\d{2}-\d{2}[\s_-]*/, '');
    const tagsField = note.fields.tags ?? note.fields.tag;
    const tags = (Array.isArray(tagsField) ? tagsField : typeof tagsField === 'string' ? tagsField.split(/[,\s]+/) : [])
      .map((tag) => tag.replace(/^#/, '').trim())
      .filter((tag) => tag !== '');
    drafts.push({ title: title.slice(0, 200), body: (titleField ? note.body : heading.body).trim(), entryDate, tags, createdAt: null, updatedAt: null, origin: relative });
    ctx.progress(index + 1);
    await ctx.tick();
  }
  return drafts;
}

/** The day a moment falls on in a time zone (Day One keeps each entry's zone). */
function dayIn(iso: Date, timeZone: unknown): string {
  if (typeof timeZone === 'string') {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(iso);
    } catch {
      // An unknown zone: fall back to the computer's own.
    }
  }
  return localDay(iso);
}

/** Day One's JSON export: `{ entries: [{ text, creationDate, modifiedDate?, tags?, timeZone? }] }`. */
export async function readDayOne(file: string, ctx: JobContext): Promise<EntryDraft[]> {
  const data = parseJsonFile(file, dayOneKind);
  const name = path.basename(file);
  if (!isObject(data) || !Array.isArray(data.entries)) fail(`${name} is not a Day One export: it has no "entries" list.`);
  const entries = data.entries as unknown[];
  if (entries.length === 0) fail(`${name} holds no Day One entries, so there is nothing to import.`);
  ctx.progress(0, entries.length, 'Reading Day One entries');
  const drafts: EntryDraft[] = [];
  for (const [index, raw] of entries.entries()) {
    const at = `Entry ${(index + 1).toLocaleString('en')} in ${name}`;
    if (!isObject(raw)) fail(`${at} is not an entry: each entry should be written between { and }.`);
    const created = typeof raw.creationDate === 'string' ? new Date(raw.creationDate) : null;
    if (!created || Number.isNaN(created.getTime())) {
      fail(
        raw.creationDate === undefined
          ? `${at} has no date and time it was written (creationDate).`
          : `${at} has a date and time it was written (creationDate) that Ladder cannot read: it should look like 2024-03-01T08:30:00Z.`,
      );
    }
    const modified = typeof raw.modifiedDate === 'string' && !Number.isNaN(new Date(raw.modifiedDate).getTime()) ? new Date(raw.modifiedDate) : created;
    if (raw.text !== undefined && typeof raw.text !== 'string') fail(`${at} has words (text) that are not text, so Ladder cannot read them.`);
    if (raw.tags !== undefined && (!Array.isArray(raw.tags) || raw.tags.some((t) => typeof t !== 'string'))) {
      fail(`${at} has tags (tags) that Ladder cannot read: they should be a list of words, like ["walks", "family"].`);
    }
    // Day One escapes Markdown punctuation in its export ("\." "\-"); the words read better without.
    const text = (typeof raw.text === 'string' ? raw.text : '').replace(/\\([.\-!()[\]#*_+>])/g, '$1');
    const heading = splitTitle(text);
    drafts.push({
      title: (heading.title ?? '').slice(0, 200),
      body: heading.body.trim(),
      entryDate: dayIn(created, raw.timeZone),
      tags: ((raw.tags as string[] | undefined) ?? []).map((t) => t.trim()).filter((t) => t !== ''),
      createdAt: created.toISOString(),
      updatedAt: modified.toISOString(),
      origin: at,
    });
    ctx.progress(index + 1);
    await ctx.tick();
  }
  return drafts;
}
