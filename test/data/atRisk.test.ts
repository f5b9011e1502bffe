import { describe, expect, it } from 'vitest';
import { atRiskCustomers } from '../../src/data/atRisk.ts';
import { dayFromCivil, parseDay } from '../../src/data/dates.ts';
import { cdnowSession } from './cdnowSession.ts';

describe('atRiskCustomers(pastRevenue, probabilityAlive, options)', () => {
  it('lists valuable customers who have probably left, most revenue first', () => {
    const revenue = [500, 900, 50, 700, 800];
    const alive = [0.2, 0.9, 0.1, 0.3, 0.4];
    expect(atRiskCustomers(revenue, alive, { maxProbabilityAlive: 0.5, topRevenueShare: 0.8, limit: 10 })).toEqual([4, 3, 0]);
    expect(atRiskCustomers(revenue, alive, { maxProbabilityAlive: 0.5, topRevenueShare: 0.8, limit: 2 })).toEqual([4, 3]);
  });
});

describe('the win-back list of the data session speaks of one moment (issue 15, defect 1)', () => {
  async function cdnowAtRisk() {
    const { session, result } = await cdnowSession();
    return { session, dataEnd: result.observationEnd };
  }

  it('as of the end of the data (the default), nobody who bought in the last two months is called probably gone', async () => {
    const { session, dataEnd } = await cdnowAtRisk();
    const rows = await session.atRisk();
    expect(rows.length).toBeGreaterThan(0);
    expect(dataEnd).toBe(dayFromCivil(1998, 6, 30));
    for (const row of rows) {
      expect(row.probabilityAlive, row.id).toBeLessThan(0.5);
      // Before the fix, P(alive) as of 1997-09-30 stood beside purchases of 1998-06-17, -24 and -27.
      expect(parseDay(row.lastPurchase, 'YYYY-MM-DD'), `${row.id} last bought ${row.lastPurchase}`).toBeLessThan(dataEnd - 60);
    }
    expect(await session.atRisk('dataEnd')).toEqual(rows);
  });

  it('as of the calibration end, the last purchase shown is the last one the fit saw', async () => {
    const { session } = await cdnowAtRisk();
    const rows = await session.atRisk('calibrationEnd');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(parseDay(row.lastPurchase, 'YYYY-MM-DD'), row.id).toBeLessThanOrEqual(dayFromCivil(1997, 9, 30));
    // The two moments give different lists: later purchases bring some customers back, and show others gone.
    expect(rows.map((r) => r.id)).not.toEqual((await session.atRisk('dataEnd')).map((r) => r.id));
  });
});
