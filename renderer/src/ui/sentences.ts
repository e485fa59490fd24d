/** "1 gathering and 2 shared lessons": the non-empty parts, joined for a sentence. */
export function listOf(parts: string[]) {
  const kept = parts.filter((part) => part !== '');
  return kept.length <= 1 ? (kept[0] ?? '') : `${kept.slice(0, -1).join(', ')} and ${kept.at(-1)}`;
}
