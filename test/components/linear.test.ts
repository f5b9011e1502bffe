// The charts' linear scale against d3-scale's scaleLinear, the reference it
// replaces: every coordinate, inverse, tick and nice domain the same number.
import { scaleLinear } from 'd3-scale';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../src/components/charts/linear.ts';

// Chart magnitudes: money to a billion, shares to a millionth (d3-array's ticks itself fails on subnormal spans).
const value = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-6),
);
const pair = fc.tuple(value, value);
const count = fc.integer({ min: 1, max: 20 });

describe('linearScale', () => {
  it('maps, inverts, ticks and nices exactly as d3-scale does, for any domain and range', () => {
    fc.assert(
      fc.property(pair, pair, fc.array(value, { maxLength: 5 }), count, (domain, range, xs, n) => {
        const ours = linearScale(domain, range);
        const d3 = scaleLinear().domain(domain).range(range);
        for (const x of [...xs, domain[0], domain[1]]) {
          expect(ours(x)).toBe(d3(x));
          expect(ours.invert(x)).toBe(d3.invert(x));
        }
        expect(ours.ticks(n)).toEqual(d3.ticks(n));
        expect(ours.ticks()).toEqual(d3.ticks());
        expect(ours.nice(n).domain()).toEqual(d3.copy().nice(n).domain());
        expect(ours.nice().domain()).toEqual(d3.copy().nice().domain());
        expect(ours.range()).toEqual(d3.range());
      }),
      { numRuns: 500 },
    );
  });

  it('maps the ends of the domain to the ends of the range, reversed axes included', () => {
    const y = linearScale([0, 100], [244, 24]);
    expect(y(0)).toBe(244);
    expect(y(100)).toBe(24);
    expect(y(50)).toBe(134);
    expect(y.invert(134)).toBe(50);
    // An empty domain sits in the middle of the range, as in d3.
    expect(linearScale([5, 5], [0, 200])(5)).toBe(100);
  });

  it('widens a domain to round values: [0.13, 0.87] with 5 ticks to [0, 1]', () => {
    expect(linearScale([0.13, 0.87]).nice(5).domain()).toEqual([0, 1]);
    expect(linearScale([0, 1]).ticks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
