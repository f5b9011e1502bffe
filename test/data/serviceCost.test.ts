// A cost to serve per customer and year on real data (issue 15, defect 4):
// every value view of the Daten tab takes it from the same forecast, and the
// whale curve gets a real peak without a cost column.
import { describe, expect, it } from 'vitest';
import { discountedYearsAlive } from '../../src/data/aliveTime.ts';
import { CLV_DEFAULTS } from '../../src/data/clv.ts';
import { forecastCustomers } from '../../src/data/forecast.ts';
import { EXAMPLE_MARGIN_RATE, FORECAST_DEFAULTS } from '../../src/data/session.ts';
import { realValuation } from '../../src/data/valuation.ts';
import { focusBase, focusStrategy } from '../../src/engine/focus.ts';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { rank } from '../../src/engine/rank.ts';
import { focusValuation } from '../../src/data/valuation.ts';
import { expectClose } from '../engine/close.ts';
import { cdnowSession } from './cdnowSession.ts';

const WITHOUT = { ...FORECAST_DEFAULTS, marginRate: EXAMPLE_MARGIN_RATE };
const WITH = { ...WITHOUT, serviceCost: 5 };

describe('the Daten tab with a cost to serve of 5 per customer and year (CDNOW)', async () => {
  const { session } = await cdnowSession();
  const before = await session.forecastData(WITHOUT);
  const after = await session.forecastData(WITH);
  if (before === null || after === null) throw new Error('no forecast');

  it('takes s x the expected discounted years alive off the total CLV, and says how many years', () => {
    expect(before.totalYearsAlive).toBe(0);
    // 2,357 customers, most of whom the model thinks are gone: far fewer customer years than customers.
    expect(after.totalYearsAlive).toBeGreaterThan(200);
    expect(after.totalYearsAlive).toBeLessThan(2357);
    expectClose(after.totalClv, before.totalClv - 5 * after.totalYearsAlive, 1e-6 * before.totalClv);
    expect(after.totalExpectedPurchases).toBe(before.totalExpectedPurchases);
  });

  it('gives the whale curve a peak above the total before its end, where without it there is none', () => {
    expect(before.portfolio.whalePeakAt).toBeGreaterThan(0.99);
    expect(after.portfolio.whalePeak).toBeGreaterThan(1.05);
    expect(after.portfolio.whalePeakAt).toBeLessThan(0.9);
  });

  it('lists the best customers with their CLV net of the cost to serve', () => {
    const top = after.top[0];
    const same = before.top.find((row) => row.id === top?.id);
    expect(top).toBeDefined();
    expect(same).toBeDefined();
    expect(top?.clv).toBeLessThan(same?.clv ?? 0);
    expect((same?.clv ?? 0) - (top?.clv ?? 0)).toBeLessThanOrEqual(5 * 1.0001);
  });

  it('moves the 95 % band with the point forecast', async () => {
    const band = await session.forecastBand(WITH);
    expect(band).not.toBeNull();
    expect(band?.clv.lower).toBeLessThan(after.totalClv);
    expect(band?.clv.upper).toBeGreaterThan(after.totalClv);
  });

  it('drop and focus work on the same values: the value before the drop is the forecast total', async () => {
    const decisions = await session.dataDecisions({ dropShare: 0.1, stickiness: 0, focus: 0 });
    expect(decisions).not.toBeNull();
    expectClose(decisions?.drop.valueBefore ?? 0, after.totalClv, 1e-6 * before.totalClv);
    // The worst 10 % now include customers who cost more than they bring: dropping them gains.
    expect(decisions?.drop.naiveGain).toBeGreaterThan(0);
    expect(decisions?.negativeShare).toBeGreaterThan(0.1);
    expect(decisions?.assumptions.serviceCost).toBe(5);
    expect(decisions?.assumptions.annualCost).toBe(0);
  });
});

describe('realValuation with a cost to serve', () => {
  it('keeps clv = margin x annuity for every buyer with revenue and charges exactly s x D_i for every customer', async () => {
    const { session } = await cdnowSession();
    const payload = await session.keptPayload();
    if (payload === null) throw new Error('nothing loaded');
    const { bgnbd, gammaGamma, calibration, summary } = payload.analysis;
    const options = { ...CLV_DEFAULTS, marginRate: 0.3, serviceCost: 5 };
    const forecasts = forecastCustomers(bgnbd, gammaGamma, calibration, options.horizon, options);
    const years = forecasts.yearsAlive;
    if (years === null) throw new Error('years alive are computed with a cost to serve');
    const v = realValuation(
      { revenue: Array.from(calibration.index, (c) => summary.revenue[c] as number), cost: null, clv: forecasts.clv, frequency: calibration.frequency, T: calibration.T, yearsAlive: years },
      { observedYears: 1.5, marginRate: 0.3, annualDiscountRate: 0.1, horizonYears: 1, serviceCost: 5, periodsPerYear: CLV_DEFAULTS.periodsPerYear, bgnbd },
    );
    for (let k = 0; k < v.size; k++) {
      const x = calibration.frequency[k] as number;
      expectClose(years[k], discountedYearsAlive(bgnbd, x, calibration.recency[k] as number, calibration.T[k] as number, options), 1e-12);
      // The contract holds where there is a yearly contribution (a buyer with no revenue has none, valuation.ts).
      if ((v.revenue[k] as number) > 0) expectClose((v.margin[k] as number) * (v.annuity[k] as number), v.clv[k] as number, 1e-9);
      expectClose((v.serviceCost[k] as number) * (v.annuity[k] as number), 5 * (years[k] as number), 1e-9);
      expectClose(v.cost[k], 5 * (years[k] as number), 1e-9);
    }
    // Focus at f = 0 without a care budget gives back every customer's margin x annuity: the forecast of each buyer with revenue.
    const order = rank(v.clv, true);
    let total = 0;
    for (let k = 0; k < v.size; k++) total += (v.margin[k] as number) * (v.annuity[k] as number);
    const result = focusStrategy(focusBase(focusValuation(v, 0.1, 1), order), { ...DEFAULTS, discountRate: 0.1, horizon: 1, growthRate: 0, stickiness: 0, careBudgetPerCustomer: 0 });
    expectClose(result.valueAtNoFocus, total, 1e-6 * Math.abs(total));
  });

  it('is the valuation without one at s = 0, to the last bit', async () => {
    const { session } = await cdnowSession();
    const payload = await session.keptPayload();
    if (payload === null) throw new Error('nothing loaded');
    const { bgnbd, gammaGamma, calibration, summary } = payload.analysis;
    const forecasts = forecastCustomers(bgnbd, gammaGamma, calibration, CLV_DEFAULTS.horizon, { ...CLV_DEFAULTS, marginRate: 0.3 });
    expect(forecasts.yearsAlive).toBeNull();
    const input = { revenue: Array.from(calibration.index, (c) => summary.revenue[c] as number), cost: null, clv: forecasts.clv, frequency: calibration.frequency, T: calibration.T };
    const settings = { observedYears: 1.5, marginRate: 0.3, annualDiscountRate: 0.1, horizonYears: 1, periodsPerYear: CLV_DEFAULTS.periodsPerYear, bgnbd };
    const none = realValuation({ ...input, yearsAlive: null }, { ...settings, serviceCost: 0 });
    const zero = realValuation({ ...input, yearsAlive: new Float64Array(calibration.T.length).fill(0.5) }, { ...settings, serviceCost: 0 });
    expect(Array.from(zero.margin)).toEqual(Array.from(none.margin));
    expect(Array.from(zero.annuity)).toEqual(Array.from(none.annuity));
    expect(Array.from(none.serviceCost).every((s) => s === 0)).toBe(true);
  });
});
