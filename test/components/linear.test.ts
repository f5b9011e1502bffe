// The charts' linear scale and line paths against d3-scale's scaleLinear and
// d3-shape's line(), the references they replace: every coordinate, inverse,
// tick, nice domain and path string the same.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearScale } from '../../src/components/charts/linear.ts';
import { linePath, type XY } from '../../src/components/charts/scales.ts';

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

describe('linePath', () => {
  const point = fc.record({ x: value, y: value });

  it('is the path d3-shape line() draws through the same points, for any points and scales', () => {
    fc.assert(
      fc.property(fc.array(point, { maxLength: 40 }), pair, pair, (points, domain, range) => {
        const x = linearScale(domain, range);
        const y = linearScale([range[0], range[1]], [300, 0]);
        const d3 = line<XY>()
          .x((p) => x(p.x))
          .y((p) => y(p.y));
        expect(linePath(points, x, y)).toBe(d3(points) ?? '');
      }),
      { numRuns: 300 },
    );
  });

  it('writes M then L segments with three decimals, and closes a lone point', () => {
    const x = linearScale([0, 1], [0, 100]);
    const y = linearScale([0, 1], [100, 0]);
    expect(linePath([{ x: 0, y: 0 }, { x: 1 / 3, y: 0.5 }, { x: 1, y: 1 }], x, y)).toBe('M0,100L33.333,50L100,0');
    expect(linePath([{ x: 0.5, y: 0.5 }], x, y)).toBe('M50,50Z');
    expect(linePath([], x, y)).toBe('');
  });
});
