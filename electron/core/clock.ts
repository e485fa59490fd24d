/** Time as the core sees it; tests pass a fixed clock so dates are predictable. */
export interface Clock {
  /** Now, as an ISO 8601 timestamp in UTC. */
  now(): string;
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
};

export function fixedClock(start: string, stepMillis = 1): Clock {
  let current = Date.parse(start);
  return {
    now: () => {
      const value = new Date(current).toISOString();
      current += stepMillis;
      return value;
    },
  };
}
