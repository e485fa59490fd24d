import { crc32 } from 'node:zlib';

/**
 * Journal entries that can tell whether they arrived whole: the title names the record and its
 * version, and the body ends with a checksum over both. A torn write, a mix of two versions or a
 * truncated body shows up as a checksum that does not match.
 */
export interface RecordText {
  title: string;
  body: string;
}

export interface RecordId {
  number: number;
  version: number;
}

const trailer = '\n--crc32 ';

function checksum(title: string, content: string) {
  return crc32(`${title}\u0000${content}`).toString(16).padStart(8, '0');
}

export function recordText(number: number, version: number, filler: string): RecordText {
  const title = `record ${number} v${version}`;
  const content = `record ${number} version ${version}\n${filler}`;
  return { title, body: `${content}${trailer}${checksum(title, content)}` };
}

/** The record an entry holds, or why it is not a whole record. */
export function readRecord(title: string, body: string): RecordId | { problem: string } {
  const titleMatch = /^record (\d+) v(\d+)$/.exec(title);
  if (!titleMatch) return { problem: `title ${JSON.stringify(title.slice(0, 40))} is not a record title` };
  const at = body.lastIndexOf(trailer);
  if (at < 0) return { problem: `body of ${title} has no checksum (${body.length} chars)` };
  const content = body.slice(0, at);
  if (body.slice(at + trailer.length) !== checksum(title, content)) return { problem: `checksum of ${title} does not match its text` };
  const number = Number(titleMatch[1]);
  const version = Number(titleMatch[2]);
  if (!content.startsWith(`record ${number} version ${version}\n`)) return { problem: `body of ${title} belongs to another record` };
  return { number, version };
}
