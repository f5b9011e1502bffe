import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixSums, runningSums } from '../../src/engine/curve.ts';
import { rank, rankInto } from '../../src/engine/rank.ts';

const finiteDoubles = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), { maxLength: 300 });

describe('rank(values, descending)', () => {
  it('orders [3, -1, 0, 2.5, -7] descending as indices 0, 3, 2, 1, 4', () => {
    expect(Array.from(rank([3, -1, 0, 2.5, -7], true))).toEqual([0, 3, 2, 1, 4]);
  });

  it('returns a permutation whose values never increase (descending) or decrease (ascending)', () => {
    fc.assert(
      fc.property(finiteDoubles, fc.boolean(), (values, descending) => {
        const order = rank(values, descending);
        expect([...order].sort((a, b) => a - b)).toEqual(values.map((_, i) => i));
        for (let k = 1; k < order.length; k++) {
          const a = Math.fround(values[order[k - 1] as number] as number);
          const b = Math.fround(values[order[k] as number] as number);
          if (descending) expect(a).toBeGreaterThanOrEqual(b);
          else expect(a).toBeLessThanOrEqual(b);
        }
      }),
    );
  });

  it('keeps equal values in index order (stable)', () => {
    expect(Array.from(rank([1, 1, 1], true))).toEqual([0, 1, 2]);
  });

  it('is exactly the stable sort by float32 value, ties by customer number, in both directions', () => {
    const withTies = fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true })), { maxLength: 3000 });
    fc.assert(
      fc.property(withTies, fc.boolean(), (values, descending) => {
        const expected = values
          // The keys are the float32 bit patterns, so -0 ranks just below +0.
          .map((v, i) => ({ key: Math.fround(v), negativeZero: Object.is(Math.fround(v), -0) ? 1 : 0, i }))
          .sort((a, b) => (descending ? b.key - a.key || a.negativeZero - b.negativeZero : a.key - b.key || b.negativeZero - a.negativeZero) || a.i - b.i)
          .map((e) => e.i);
        expect(Array.from(rank(values, descending))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('hands back the values in rank order, and their running sums equal prefixSums bit for bit', () => {
    fc.assert(
      fc.property(finiteDoubles, fc.boolean(), (values, descending) => {
        const n = values.length;
        const order = new Uint32Array(n);
        const sorted = new Float64Array(n);
        rankInto(values, order, descending, sorted);
        expect(Array.from(order)).toEqual(Array.from(rank(values, descending)));
        expect(Array.from(sorted)).toEqual(Array.from(order, (i) => values[i]));
        expect(Array.from(runningSums(sorted, n))).toEqual(Array.from(prefixSums(values, order)));
      }),
    );
  });
});
