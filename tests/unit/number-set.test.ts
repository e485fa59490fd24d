/** The export's set of path hashes: it must answer as a Set would, however many it holds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberSet } from '../../electron/core/services/transfer/number-set';

describe('NumberSet', () => {
  it('answers as a Set does, through many growths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 48 }), { maxLength: 3000 }), fc.array(fc.integer({ min: 1, max: 2 ** 48 }), { maxLength: 200 }), (added, asked) => {
        const set = new NumberSet();
        const model = new Set<number>();
        for (const value of added) {
          set.add(value);
          model.add(value);
        }
        expect(set.size).toBe(model.size);
        for (const value of [...added, ...asked]) expect(set.has(value)).toBe(model.has(value));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps apart numbers that share their low bits', () => {
    const set = new NumberSet();
    const sameLowBits = Array.from({ length: 5000 }, (_, i) => (i + 1) * 2 ** 32 + 7);
    for (const value of sameLowBits) set.add(value);
    expect(set.size).toBe(5000);
    expect(sameLowBits.every((value) => set.has(value))).toBe(true);
    expect(set.has(7)).toBe(false);
    expect(set.has(5001 * 2 ** 32 + 7)).toBe(false);
  });

  it('holds more than it was made for', () => {
    const set = new NumberSet(10);
    for (let value = 1; value <= 5000; value++) set.add(value * 7919);
    expect(set.size).toBe(5000);
    expect(set.has(5000 * 7919)).toBe(true);
    expect(set.has(5001 * 7919)).toBe(false);
  });

  it('refuses what it cannot hold', () => {
    const set = new NumberSet();
    expect(() => set.add(0)).toThrow(RangeError);
    expect(() => set.add(1.5)).toThrow(RangeError);
    expect(() => set.has(2 ** 53)).toThrow(RangeError);
  });
});
