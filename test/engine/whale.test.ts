import { describe, expect, it } from 'vitest';
import { prefixSums } from '../../src/engine/curve.ts';
import { rank } from '../../src/engine/rank.ts';
import { whaleFigures } from '../../src/engine/whale.ts';
import { expectClose } from './close.ts';

describe('whaleFigures(cumulative value, best first)', () => {
  // Values 50, 30, 20, -10, -40: total 50, cumulative 50, 80, 100, 90, 50.
  const values = new Float64Array([-10, 50, -40, 20, 30]);
  const figures = whaleFigures(prefixSums(values, rank(values, true)));

  it('peaks at 100 / 50 = 200 % after 3 of 5 customers', () => {
    expectClose(figures.whalePeak, 2, 1e-12);
    expectClose(figures.whalePeakAt, 0.6, 1e-12);
  });

  it('the best 20 % (one customer) earn 50 / 50 = 100 %', () => {
    expectClose(figures.top20ValueShare, 1, 1e-12);
  });

  it('the worst 10 % (rounded to one customer) destroy 40 / 50 = 80 %', () => {
    expectClose(figures.worst10ValueShare, -0.8, 1e-12);
  });

  it('ends at 100 % of the total', () => {
    expect(figures.whale?.at(-1)).toEqual({ x: 1, y: 1 });
  });

  it('is undefined (null) when the total value is not positive, instead of flipping signs', () => {
    const losing = new Float64Array([10, -20]);
    const f = whaleFigures(prefixSums(losing, rank(losing, true)));
    expect(f.whale).toBeNull();
    expect(f.whalePeak).toBeNull();
  });
});
