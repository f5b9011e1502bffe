import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcChanges, abcCrossTable, abcFigures, abcSegments, checkAbcThresholds } from '../../../src/engine/scoring/abc.ts';

const DEFAULT = { shareA: 0.2, shareB: 0.3 };
const letters = (segment: Uint8Array) => Array.from(segment, (g) => 'ABC'[g]).join('');

describe('abcSegments(measure, thresholds)', () => {
  it('10 distinct customers at 20/30/50 %: the best 2 are A, the next 3 B, the last 5 C', () => {
    expect(letters(abcSegments([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], DEFAULT))).toBe('AABBBCCCCC');
  });
  it('ranks by the measure, not by position', () => {
    expect(letters(abcSegments([1, 10, 2, 9, 3, 8, 4, 7, 5, 6], DEFAULT))).toBe('CACACBCBCB');
  });
  it('an exact tie at the A/B boundary stays together in A: [5, 4, 4, 4, 3, 2, 2, 1, 1, 0] -> A holds all three 4s', () => {
    expect(letters(abcSegments([5, 4, 4, 4, 3, 2, 2, 1, 1, 0], DEFAULT))).toBe('AAAABCCCCC');
  });
  it('an exact tie at the B/C boundary stays together in B', () => {
    // Ranks 3-5 are B by count; the 6th customer equals the 5th and joins B.
    expect(letters(abcSegments([9, 8, 7, 6, 5, 5, 3, 2, 1, 0], DEFAULT))).toBe('AABBBBCCCC');
  });
  it('everyone equal: everyone is A (nobody can be told apart)', () => {
    expect(letters(abcSegments([3, 3, 3, 3, 3], DEFAULT))).toBe('AAAAA');
  });
  it('adjusted thresholds 10/40/50 %', () => {
    expect(letters(abcSegments([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], { shareA: 0.1, shareB: 0.4 }))).toBe('ABBBBCCCCC');
  });
  it('no customers and a single customer', () => {
    expect(abcSegments([], DEFAULT).length).toBe(0);
    // 20 % of one customer rounds to nobody, 50 % to one: the single customer is B.
    expect(letters(abcSegments([42], DEFAULT))).toBe('B');
  });
  it('refuses thresholds that leave no room for C', () => {
    expect(checkAbcThresholds({ shareA: 0.7, shareB: 0.4 })).toBe('thresholdsInvalid');
    expect(checkAbcThresholds({ shareA: -0.1, shareB: 0.4 })).toBe('thresholdsInvalid');
    expect(() => abcSegments([1, 2], { shareA: 0.7, shareB: 0.4 })).toThrow(RangeError);
  });
  it('property: a larger measure never gets a worse segment, and A holds at least its share', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (values) => {
        const segment = abcSegments(values, DEFAULT);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if ((values[i] as number) > (values[j] as number)) expect(segment[i]).toBeLessThanOrEqual(segment[j] as number);
            if (values[i] === values[j]) expect(segment[i]).toBe(segment[j]);
          }
        }
        const countA = segment.filter((g) => g === 0).length;
        expect(countA).toBeGreaterThanOrEqual(Math.round(0.2 * values.length));
      }),
    );
  });
});

describe('abcFigures, abcChanges, abcCrossTable', () => {
  const revenue = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10];
  const value = [-5, 90, 80, 70, 60, 50, 40, 30, 20, 10];
  const byRevenue = abcSegments(revenue, DEFAULT);
  const byValue = abcSegments(value, DEFAULT);
  it('sums revenue, contribution and value per segment', () => {
    const figures = abcFigures(byRevenue, revenue, revenue, value);
    expect(figures.map((f) => f.customers)).toEqual([2, 3, 5]);
    expect(figures[0]?.revenue).toBe(190);
    expect(figures[0]?.value).toBe(85);
  });
  it('the biggest buyer with negative value moves from A to C, and two others move up: 3 changes', () => {
    // By value: A = {90, 80}, B = {70, 60, 50}, C = {40, 30, 20, 10, -5}.
    expect(letters(byValue)).toBe('CAABBBCCCC');
    expect(abcChanges(byRevenue, byValue)).toBe(3);
    expect(abcCrossTable(byRevenue, byValue)).toEqual([
      [1, 0, 1],
      [1, 2, 0],
      [0, 1, 4],
    ]);
  });
});
