import type { z } from 'zod';

/**
 * One request the renderer may make: its validated input and the type of its result.
 * `writes` tells the router whether the request changes the archive, so a read-only archive
 * (one made by a newer Ladder) can still be read but never written.
 */
export interface RequestSpec<Input extends z.ZodType, Result> {
  input: Input;
  writes: boolean;
  /** Phantom field: carries the result type only. */
  result: Result;
}

export function read<Input extends z.ZodType>(input: Input) {
  return { returns: <Result>(): RequestSpec<Input, Result> => ({ input, writes: false, result: undefined as Result }) };
}

export function write<Input extends z.ZodType>(input: Input) {
  return { returns: <Result>(): RequestSpec<Input, Result> => ({ input, writes: true, result: undefined as Result }) };
}
