/**
 * YAML front matter, the small part of YAML that Markdown notes use. Written with JSON values
 * (JSON is valid YAML), read leniently: `key: value`, quoted or not, `[a, b]` lists and `- item` lists.
 */

export type FrontMatterValue = string | number | boolean | null | string[];

export function writeFrontMatter(fields: Record<string, FrontMatterValue | undefined>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

function scalar(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1).replaceAll("''", "'");
  return value;
}

export interface ParsedNote {
  fields: Record<string, string | string[]>;
  body: string;
  /** The line the body starts on (1-based), for error messages. */
  bodyLine: number;
}

/** Splits a note into its front matter (if any) and body. Unknown or odd lines are skipped, never fatal. */
export function readFrontMatter(text: string): ParsedNote {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) return { fields: {}, body: normalized, bodyLine: 1 };
  const end = normalized.indexOf('\n---', 4);
  if (end === -1) return { fields: {}, body: normalized, bodyLine: 1 };
  const header = normalized.slice(4, end);
  const afterFence = normalized.indexOf('\n', end + 4);
  const body = afterFence === -1 ? '' : normalized.slice(afterFence + 1);
  const fields: Record<string, string | string[]> = {};
  let listKey: string | null = null;
  for (const line of header.split('\n')) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      const list = fields[listKey];
      fields[listKey] = [...(Array.isArray(list) ? list : []), scalar(item[1] ?? '')];
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase();
    const raw = (pair[2] ?? '').trim();
    listKey = raw === '' ? key : null;
    if (raw.startsWith('[') && raw.endsWith(']')) {
      fields[key] = raw
        .slice(1, -1)
        .split(',')
        .map((part) => scalar(part))
        .filter((part) => part !== '');
    } else if (raw !== '') fields[key] = scalar(raw);
  }
  return { fields, body, bodyLine: header.split('\n').length + 3 };
}
