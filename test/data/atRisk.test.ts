import { describe, expect, it } from 'vitest';
import { atRiskCustomers } from '../../src/data/atRisk.ts';

describe('atRiskCustomers(pastRevenue, probabilityAlive, options)', () => {
  it('lists valuable customers who have probably left, most revenue first', () => {
    const revenue = [500, 900, 50, 700, 800];
    const alive = [0.2, 0.9, 0.1, 0.3, 0.4];
    expect(atRiskCustomers(revenue, alive, { maxProbabilityAlive: 0.5, topRevenueShare: 0.8, limit: 10 })).toEqual([4, 3, 0]);
    expect(atRiskCustomers(revenue, alive, { maxProbabilityAlive: 0.5, topRevenueShare: 0.8, limit: 2 })).toEqual([4, 3]);
  });
});
