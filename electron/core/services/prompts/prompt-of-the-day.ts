/**
 * Picks the prompt of the day by rendezvous hashing: every prompt gets a score from the day,
 * the rung and its own id, and the highest wins. The same day always gives the same prompt;
 * archiving another prompt never changes it, and a new prompt only takes part from tomorrow.
 */

/** FNV-1a, 32-bit: small, stable across platforms, and well spread for short strings. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function pickForDay<T extends { id: string; createdAt: string }>(candidates: readonly T[], day: string, rung: string): T | null {
  // Prompts written on or after the day wait until tomorrow, so today's prompt stays put.
  const settled = candidates.filter((c) => c.createdAt < day);
  const pool = settled.length > 0 ? settled : candidates;
  let best: T | null = null;
  let bestScore = -1;
  for (const candidate of pool) {
    const score = fnv1a(`${day}|${rung}|${candidate.id}`);
    if (score > bestScore || (score === bestScore && best !== null && candidate.id < best.id)) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** The computer's own calendar day for a moment, `YYYY-MM-DD`. */
export function localDayOf(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
