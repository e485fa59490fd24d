/**
 * A small seeded PRNG (mulberry32), so a trial's choices (when to kill, what to write) replay
 * from its seed. Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
  };
}

/** A seed for a run when none was given, printed so the run can be replayed. */
export function freshSeed() {
  return Math.floor(Math.random() * 0x7fffffff);
}

// Words with accents, an emoji, right-to-left text and a combining mark: all well-formed, so
// what is written is exactly what must come back.
const words = ['ladder', 'crew', 'dyad', 'self', 'morning', 'critic', 'gentle', 'café', 'naïve', 'Zoë', '🌱', 'שלום', 'مرحبا', 'e\u0301', 'über', '日記', 'ok'];

/** Readable text of about `length` UTF-16 units, chosen by `random`. */
export function prose(random: Random, length: number) {
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const word = random.pick(words);
    parts.push(word);
    size += word.length + 1;
    if (random.chance(0.08)) {
      parts.push('\n');
      size += 1;
    }
  }
  return parts.join(' ');
}
