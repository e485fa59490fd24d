/**
 * Reading Electronegativity's CSV report and holding it against the accepted list.
 * Pure functions (no scanner, no file system), so the gate itself is unit-tested.
 */

export const severities = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof severities)[number];

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** Relative to the repository root, with forward slashes. */
  file: string;
  location: string;
  /** The offending source line (or the CSP), as the scanner printed it; '' when it gives none. */
  sample: string;
  description: string;
}

export interface Accepted {
  check: string;
  file: string;
  /** Must equal the finding's sample (whitespace collapsed), so a second, new call is not waved through. */
  sample: string;
  reason: string;
}

const expectedHeader = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

/** RFC 4180-ish: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The findings in one report. `prefix` is the scanned folder relative to the repository root
 * (the scanner prints paths relative to the folder it was given). Throws on anything that does
 * not look like a report, so a scanner that crashed or changed its format fails the run.
 */
export function parseReport(csv: string, prefix: string): Finding[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header.map((cell) => cell.trim().toLowerCase()).join() !== expectedHeader.join()) {
    throw new Error(`Not an Electronegativity CSV report (header: ${JSON.stringify(header)})`);
  }
  return rows.map((cells) => {
    const [check = '', severity = '', confidence = '', file = '', location = '', sample = '', description = ''] = cells.map((cell) => cell.trim());
    if (!(severities as readonly string[]).includes(severity)) throw new Error(`Unknown severity "${severity}" in ${JSON.stringify(cells)}`);
    const joined = file === 'N/A' ? file : `${prefix.replace(/\/+$/, '')}/${file.replace(/\\/g, '/').replace(/^\.?\//, '')}`;
    return {
      check,
      severity: severity as Severity,
      confidence,
      file: joined,
      location,
      sample: sample === 'N/A' ? '' : collapse(sample),
      description,
    };
  });
}

export function matches(finding: Finding, accepted: Accepted): boolean {
  return finding.check === accepted.check && finding.file === accepted.file && finding.sample === collapse(accepted.sample);
}

export interface Verdict {
  /** Above informational and not on the accepted list: these fail the run. */
  fresh: Finding[];
  accepted: { finding: Finding; reason: string }[];
  informational: Finding[];
  /** Accepted entries the scan no longer produces: worth removing from the list. */
  stale: Accepted[];
}

export function judge(findings: Finding[], acceptedList: Accepted[]): Verdict {
  const verdict: Verdict = { fresh: [], accepted: [], informational: [], stale: [] };
  const used = new Set<Accepted>();
  for (const finding of findings) {
    if (finding.severity === 'INFORMATIONAL') {
      verdict.informational.push(finding);
      continue;
    }
    const entry = acceptedList.find((candidate) => matches(finding, candidate));
    if (entry) {
      used.add(entry);
      verdict.accepted.push({ finding, reason: entry.reason });
    } else verdict.fresh.push(finding);
  }
  verdict.stale = acceptedList.filter((entry) => !used.has(entry));
  return verdict;
}

/** Checks the accepted list's shape: every entry names a check and a file and gives a real reason. */
export function validateAccepted(value: unknown): Accepted[] {
  const list = (value as { accepted?: unknown } | null)?.accepted;
  if (!Array.isArray(list)) throw new Error('The accepted list must be { "accepted": [...] }');
  return list.map((entry: unknown, index) => {
    const { check, file, sample, reason } = (entry ?? {}) as Record<string, unknown>;
    if (typeof check !== 'string' || check === '') throw new Error(`accepted[${index}].check is missing`);
    if (typeof file !== 'string' || file === '') throw new Error(`accepted[${index}].file is missing`);
    if (typeof sample !== 'string') throw new Error(`accepted[${index}].sample must be a string ('' when the scanner prints N/A)`);
    if (typeof reason !== 'string' || reason.trim().length < 40) {
      throw new Error(`accepted[${index}] (${check} in ${file}) needs a written reason of at least a sentence`);
    }
    return { check, file, sample, reason };
  });
}

export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

const short = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

export function describeVerdict(verdict: Verdict): string {
  const rows = [['status', 'severity', 'check', 'where', 'sample']];
  const add = (status: string, finding: Finding) =>
    rows.push([status, finding.severity, finding.check, `${finding.file}:${finding.location}`, short(finding.sample, 60)]);
  for (const finding of verdict.fresh) add('NEW', finding);
  for (const { finding } of verdict.accepted) add('accepted', finding);
  for (const finding of verdict.informational) add('info', finding);
  const lines = [rows.length > 1 ? table(rows) : 'No findings at all.'];
  for (const entry of verdict.stale) lines.push(`note: accepted ${entry.check} in ${entry.file} no longer appears; remove it from the list.`);
  return lines.join('\n');
}

/**
 * NODE_OPTIONS for the scanner's process: what was there, plus `--require` of `preload`. Node
 * reads the value as words split at spaces, with double quotes around a word that has any and a
 * backslash escaping the next character, so a JSON string is read back as the path it holds
 * (a Windows path's backslashes and a space in a user's name included).
 */
export function withPreload(nodeOptions: string | undefined, preload: string): string {
  return `${nodeOptions ?? ''} --require ${JSON.stringify(preload)}`.trim();
}
