import { type FrontMatterValue, writeFrontMatter } from './front-matter';

/** The pieces every Markdown kind is written with (markdown-kinds.ts, markdown-groups.ts). */

export type Row = Record<string, unknown>;
export type Lookup = (sql: string, ...params: unknown[]) => Row[];

export const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** A stored code in words, for a file read by people: `peer_coach` → "peer coach". */
export const words = (code: unknown) => text(code).replaceAll('_', ' ');

export function section(heading: string, body: unknown) {
  const value = text(body).trim();
  return value === '' ? '' : `## ${heading}\n\n${value}\n\n`;
}

/** A bulleted list, one line per item. */
export function list(items: string[]) {
  return items.map((item) => `- ${item.replace(/\n+/g, ' ')}`).join('\n');
}

/** A list's names for the front matter, or nothing when there are none. */
export function names(rows: Row[], column = 'name'): string[] | undefined {
  const all = rows.map((row) => text(row[column]));
  return all.length > 0 ? all : undefined;
}

/** A Markdown file: front matter (the record's id, its type, `fields`, its times), a title, the body. */
export function note(row: Row, type: string, fields: Record<string, FrontMatterValue | undefined>, title: string, body: string) {
  const front = writeFrontMatter({ id: text(row.id), type, ...fields, created: text(row.created_at), updated: text(row.updated_at) });
  return `${front}\n${title ? `# ${title}\n\n` : ''}${body.trimEnd()}\n`;
}
