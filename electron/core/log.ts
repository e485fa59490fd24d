/**
 * What Ladder writes to its log about an unexpected failure. A message can quote what the user
 * wrote (a value SQLite refused, a parser's excerpt), and logs leave the archive's protection, so
 * only the error's kind, its code and where it happened are written, never its message.
 */
export function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown ${error === null ? 'null' : typeof error}`;
  const code = (error as { code?: unknown }).code;
  const kind = typeof code === 'string' ? `${error.name} (${code})` : error.name;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .map((line) => line.trim());
  return [kind, ...frames].join('\n    ');
}

export function logFailure(name: string, error: unknown) {
  console.error(`[ladder] ${name} failed: ${describeFailure(error)}`);
}
