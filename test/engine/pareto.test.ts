import { describe, expect, it } from 'vitest';
import { paretoFigures } from '../../src/engine/pareto.ts';
import { rank } from '../../src/engine/rank.ts';
import { expectClose } from './close.ts';

describe('paretoFigures(revenue, ascending order)', () => {
  // Five customers: four buy 1, one buys 6; total 10.
  const revenue = new Float64Array([1, 6, 1, 1, 1]);
  const figures = paretoFigures(revenue, rank(revenue, false));

  it('the top 20 % (one customer) bring 6 / 10', () => {
    expectClose(figures.top20RevenueShare, 0.6, 1e-12);
  });

  it('80 % of revenue needs 3 of 5 customers (6, 7, 8 of 10)', () => {
    expectClose(figures.customersFor80Revenue, 0.6, 1e-12);
  });

  it('Gini = 2 x (1+2+3+4+30) / (5 x 10) - 6/5 = 0.4 (mean absolute difference 40 / (2 x 25 x 2))', () => {
    expectClose(figures.gini, 0.4, 1e-12);
  });

  it('the Lorenz curve runs from (0,0) to (1,1) through (0.8, 0.4)', () => {
    expect(figures.lorenz[0]).toEqual({ x: 0, y: 0 });
    expect(figures.lorenz.at(-1)).toEqual({ x: 1, y: 1 });
    expect(figures.lorenz).toContainEqual({ x: 0.8, y: 0.4 });
  });

  it('equal revenue gives Gini 0 and the line of equality', () => {
    const equal = new Float64Array(100).fill(5);
    const f = paretoFigures(equal, rank(equal, false));
    expectClose(f.gini, 0, 1e-12);
    expectClose(f.top20RevenueShare, 0.2, 1e-12);
  });

  it('no revenue at all is reported as equality, not NaN', () => {
    const none = new Float64Array(10);
    const f = paretoFigures(none, rank(none, false));
    expect(f.gini).toBe(0);
    expect(f.lorenz.every((p) => Number.isFinite(p.y))).toBe(true);
  });
});
