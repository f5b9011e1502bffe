import { describe, expect, it } from 'vitest';
import { MAX_RECENCY_MONTHS, poissonQuantile, simulateHistory } from '../../../src/engine/scoring/history.ts';
import { expectClose } from '../close.ts';

describe('poissonQuantile(lambda, u, z)', () => {
  it('P(0) = e^-2 = 0.1353 for lambda 2: u below it gives 0, above it 1', () => {
    expect(poissonQuantile(2, 0.13, 0)).toBe(0);
    expect(poissonQuantile(2, 0.14, 0)).toBe(1);
    // P(<= 1) = 3 e^-2 = 0.406
    expect(poissonQuantile(2, 0.41, 0)).toBe(2);
  });
  it('no rate, no purchases; above 50 the normal approximation', () => {
    expect(poissonQuantile(0, 0.99, 3)).toBe(0);
    expect(poissonQuantile(100, 0.5, 1)).toBe(110);
  });
});

describe('simulateHistory: the documented 24-month purchase history', () => {
  const n = 20000;
  const input = {
    seed: 1,
    ordersPerYear: new Float64Array(n).fill(4),
    orderValue: new Float64Array(n).fill(250),
    orderCostFactor: new Float64Array(n).fill(1),
  };
  const h = simulateHistory(input);
  it('purchases average 2 x F = 8 in 24 months, and a share e^-8 has none', () => {
    expectClose(h.purchases.reduce((a, b) => a + b, 0) / n, 8, 0.1);
  });
  it('recency lies within 24 months after a purchase, and up to 60 months without one', () => {
    for (let i = 0; i < n; i++) {
      const r = h.recencyMonths[i] as number;
      if ((h.purchases[i] as number) > 0) expect(r).toBeLessThanOrEqual(24);
      else expect(r).toBeGreaterThan(24);
      expect(r).toBeLessThanOrEqual(MAX_RECENCY_MONTHS);
    }
    // The latest of N uniform times lies 24 / (N + 1) months back; over N ~ Poisson(8),
    // E[24 / (N + 1)] = 24 (1 - e^-8) / 8 = 3.00 (the rare N = 0 adds about 0.01).
    expectClose(h.recencyMonths.reduce((a, b) => a + b, 0) / n, (24 * (1 - Math.exp(-8))) / 8, 0.06);
  });
  it('monetary = purchases x order value; mailings = 6 + purchases; reproducible from the seed', () => {
    expect(h.monetary[0]).toBe((h.purchases[0] as number) * 250);
    expect(h.mailings[3]).toBe(6 + (h.purchases[3] as number));
    expect(Array.from(simulateHistory(input).purchases.slice(0, 50))).toEqual(Array.from(h.purchases.slice(0, 50)));
  });
});
