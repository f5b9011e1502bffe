import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portfolioMatrix, quadrantOf } from '../../../src/engine/scoring/matrix.ts';

describe('portfolioMatrix: value against potential (MODEL.md section 5)', () => {
  it('quadrants: high/high keep, low/high develop, high/low maintain, low/low reprice; the split itself counts as low', () => {
    expect(quadrantOf(10, 4, 5, 3)).toBe('keep');
    expect(quadrantOf(1, 4, 5, 3)).toBe('develop');
    expect(quadrantOf(10, 2, 5, 3)).toBe('maintain');
    expect(quadrantOf(1, 2, 5, 3)).toBe('reprice');
    expect(quadrantOf(5, 3, 5, 3)).toBe('reprice');
  });
  it('four customers: median value 25 splits them, one per quadrant', () => {
    const m = portfolioMatrix([10, 20, 30, 40], [4, 2, 5, 1], [1, 2, 3, 4]);
    expect(m.valueSplit).toBe(25);
    expect(m.quadrants.map((q) => [q.quadrant, q.customers, q.value])).toEqual([
      ['keep', 1, 30],
      ['develop', 1, 10],
      ['maintain', 1, 40],
      ['reprice', 1, 20],
    ]);
    expect(m.density.reduce((a, b) => a + b, 0)).toBe(4);
    expect(m.dots?.length).toBe(4);
  });
  it('many customers: a density instead of dots', () => {
    const n = 1000;
    const m = portfolioMatrix(Float64Array.from({ length: n }, (_, i) => i), new Float64Array(n).fill(3), new Float64Array(n));
    expect(m.dots).toBeNull();
    expect(m.density.reduce((a, b) => a + b, 0)).toBe(n);
  });
  it('a single customer has no NaN anywhere', () => {
    const m = portfolioMatrix([7], [3], [1]);
    expect(m.valueSplit).toBe(7);
    expect(m.valueRange.every(Number.isFinite)).toBe(true);
  });
});

describe('portfolioMatrix quantiles by selection equal those of a sorted copy', () => {
  const quantile = (sorted: number[], p: number): number => {
    const at = p * (sorted.length - 1);
    const lo = Math.floor(at);
    const hi = Math.ceil(at);
    return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
  };
  it('median split and the 1st-99th percentile range, with ties and any length', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 400 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const m = portfolioMatrix(values, values.map(() => 3), values.map(() => 1));
        expect(m.valueSplit + 0).toBe(quantile(sorted, 0.5) + 0);
        let lo = quantile(sorted, 0.01);
        let hi = quantile(sorted, 0.99);
        if (!(hi > lo)) {
          lo -= 1;
          hi += 1;
        }
        expect(m.valueRange.map((x) => x + 0)).toEqual([lo + 0, hi + 0]);
      }),
      { numRuns: 300 },
    );
  });
});
