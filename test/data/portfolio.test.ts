import { describe, expect, it } from 'vitest';
import { realPortfolio } from '../../src/data/portfolio.ts';
import { expectClose } from '../engine/close.ts';

describe('realPortfolio(revenue, contribution, value)', () => {
  it('gives the simulator views for real customers: top-20 % share, whale peak and deciles', () => {
    // Ten customers: one whale, eight ordinary, one loss-maker.
    const revenue = [1000, 100, 100, 100, 100, 100, 100, 100, 100, 100];
    const contribution = [500, 20, 20, 20, 20, 20, 20, 20, 20, -100];
    const portfolio = realPortfolio(revenue, contribution, contribution);
    expect(portfolio.customers).toBe(10);
    expectClose(portfolio.top20RevenueShare, 1100 / 1900, 1e-12);
    expectClose(portfolio.whalePeak, 660 / 560, 1e-12);
    expect(portfolio.negativeCount).toBe(1);
    expect(portfolio.deciles[0]).toMatchObject({ decile: 1, customers: 1, revenue: 1000, value: 500 });
    expect(portfolio.deciles[9]).toMatchObject({ decile: 10, value: -100 });
    expect(portfolio.valueOrder[0]).toBe(0);
    expect(portfolio.valueOrder[9]).toBe(9);
  });

  it('refuses arrays of different lengths', () => {
    expect(() => realPortfolio([1, 2], [1], [1, 2])).toThrow(RangeError);
  });
});
