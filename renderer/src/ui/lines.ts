/**
 * A box of "one per line" items (agreements) as its items: each line trimmed, blank lines left
 * out, and a line written twice kept once (the same agreement twice is a slip, not two).
 */
export function linesOf(text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [...new Set(lines)];
}
