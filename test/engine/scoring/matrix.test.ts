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
