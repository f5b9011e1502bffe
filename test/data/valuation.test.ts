import { describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/data/analysis.ts';
import { CLV_DEFAULTS } from '../../src/data/clv.ts';
import { dataDecisions, decisionBase } from '../../src/data/decisions.ts';
import { forecastCustomers } from '../../src/data/forecast.ts';
import { costByCustomer, focusValuation, missingForecasts, realValuation, yearlyChurn, type RealValuationSettings } from '../../src/data/valuation.ts';
import { prefixSums } from '../../src/engine/curve.ts';
import { dropWorst } from '../../src/engine/drop.ts';
import { focusBase, focusStrategy } from '../../src/engine/focus.ts';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { rank } from '../../src/engine/rank.ts';
import { annuityOf } from '../../src/engine/valuation.ts';
import { expectClose } from '../engine/close.ts';

// r = 1, alpha = 52 weeks, a = 1, b = 3, 52 weeks a year: numbers that work out by hand.
const SETTINGS: RealValuationSettings = {
  observedYears: 2,
  marginRate: 0.5,
  annualDiscountRate: 0.1,
  horizonYears: 1,
  serviceCost: 0,
  periodsPerYear: 52,
  bgnbd: { r: 1, alpha: 52, a: 1, b: 3 },
};

// Three customers: a regular (x = 1, T = 52), a newcomer without a forecast, one without revenue.
const TINY = {
  revenue: [400, 100, 0],
  cost: [40, 20, 10],
  clv: [330, 0, 5],
  frequency: [1, 0, 3],
  T: [52, 0, 52],
  yearsAlive: null,
};

describe('yearlyChurn(bgnbd, x, T, periodsPerYear)', () => {
  it('is 1 - (1 - a/(a+b+x))^((r+x)/(alpha+T) P)', () => {
    // x = 1, T = 52: p = 1/5, E = 2/104 * 52 = 1 -> c = 0.2.
    expectClose(yearlyChurn(SETTINGS.bgnbd, 1, 52, 52), 0.2, 1e-12);
    // x = 0, T = 0: p = 1/4, E = 1/52 * 52 = 1 -> c = 0.25.
    expectClose(yearlyChurn(SETTINGS.bgnbd, 0, 0, 52), 0.25, 1e-12);
    // x = 3, T = 52: p = 1/7, E = 4/104 * 52 = 2 -> c = 1 - (6/7)^2.
    expectClose(yearlyChurn(SETTINGS.bgnbd, 3, 52, 52), 1 - 36 / 49, 1e-12);
  });

  it('is clamped like the engine (0.01..1)', () => {
    expect(yearlyChurn({ r: 1, alpha: 52, a: 0.0001, b: 100 }, 0, 0, 52)).toBe(0.01);
    expect(yearlyChurn({ r: 1000, alpha: 1, a: 1, b: 0.1 }, 0, 0, 52)).toBeLessThanOrEqual(1);
  });
});

describe('realValuation(customers, settings)', () => {
  const v = realValuation(TINY, SETTINGS);

  it('takes revenue and cost per observed year, margin = g revenue, clv from the forecast', () => {
    expect(Array.from(v.revenue)).toEqual([200, 50, 0]);
    expect(Array.from(v.margin)).toEqual([100, 25, 0]);
    expect(Array.from(v.annualCost)).toEqual([20, 10, 5]);
    expect(Array.from(v.serviceCost)).toEqual([0, 0, 0]);
    expect(Array.from(v.marginRate)).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(v.clv)).toEqual([330, 0, 5]);
  });

  it('annuity = clv / margin where margin > 0, else the horizon factor; cost = annual cost x annuity', () => {
    expectClose(v.annuity[0], 3.3, 1e-12);
    expectClose(v.annuity[1], 0, 1e-12);
    // No revenue: one year discounted at 10 %.
    expectClose(v.annuity[2], 1 / 1.1, 1e-12);
    expectClose(v.cost[0], 66, 1e-12);
    expectClose(v.cost[1], 0, 1e-12);
    expectClose(v.cost[2], 5 / 1.1, 1e-12);
    expectClose((v.margin[0] as number) * (v.annuity[0] as number), 330, 1e-9);
  });

  it('derives churn from BG/NBD', () => {
    expectClose(v.churn[0], 0.2, 1e-12);
    expectClose(v.churn[1], 0.25, 1e-12);
  });

  it('has no cost to serve without a cost column', () => {
    const none = realValuation({ ...TINY, cost: null }, SETTINGS);
    expect(Array.from(none.cost)).toEqual([0, 0, 0]);
  });

  it('refuses arrays of different lengths', () => {
    expect(() => realValuation({ ...TINY, clv: [1] }, SETTINGS)).toThrow(RangeError);
  });
});

describe('focusValuation(valuation, d, H)', () => {
  it('keeps clv and cost, with the annuity of the retention model', () => {
    const v = realValuation(TINY, { ...SETTINGS, horizonYears: 3 });
    const f = focusValuation(v, 0.1, 3);
    for (let i = 0; i < 3; i++) {
      expectClose(f.annuity[i], annuityOf(v.churn[i] as number, 1, 1.1, 3), 1e-12);
      expectClose((f.margin[i] as number) * (f.annuity[i] as number), (v.margin[i] as number) * (v.annuity[i] as number), 1e-9);
      expectClose((f.annualCost[i] as number) * (f.annuity[i] as number), v.cost[i] as number, 1e-9);
    }
  });

  it('with no care budget and stickiness 0, focus f = 0 gives back the forecast of every customer with revenue', () => {
    const v = realValuation(TINY, { ...SETTINGS, horizonYears: 3 });
    const order = rank(v.clv, true);
    const result = focusStrategy(focusBase(focusValuation(v, 0.1, 3), order), {
      ...DEFAULTS,
      discountRate: 0.1,
      horizon: 3,
      growthRate: 0,
      stickiness: 0,
      careBudgetPerCustomer: 0,
    });
    // 330 + 0; the third customer has a forecast of 5 but no observed revenue, so no yearly margin to care for.
    expectClose(result.valueAtNoFocus, 330, 1e-9);
  });
});

function sampleCsv(customers: number): Uint8Array {
  const lines = ['customer_id,date,revenue,cost'];
  for (let c = 1; c <= customers; c++) {
    for (let k = 0; k <= c % 5; k++) {
      const day = String(1 + ((c * 3 + k * 11) % 28)).padStart(2, '0');
      const month = String(1 + ((c + k * 4) % 12)).padStart(2, '0');
      lines.push(`C${c},2024-${month}-${day},${(12 + (c % 13) * 6.5 + k * 4).toFixed(2)},${(2 + (c % 7)).toFixed(2)}`);
    }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('dropWorst on real data', () => {
  it('with stickiness 0 gains minus the CLV of the dropped customers', async () => {
    const outcome = await analyzeBytes(sampleCsv(60), { unit: 'week' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { summary, calibration, bgnbd, gammaGamma, imported } = outcome.analysis;
    const options = { ...CLV_DEFAULTS, marginRate: 0.3 };
    const forecasts = forecastCustomers(bgnbd, gammaGamma, calibration, options.horizon, options);
    const clv = new Float64Array(summary.customers);
    calibration.index.forEach((c, k) => {
      clv[c] = forecasts.clv[k] as number;
    });
    const cost = costByCustomer(imported.table, summary.customers, summary.observationEnd);
    expect(cost).not.toBeNull();
    const v = realValuation(
      { revenue: summary.revenue, cost, clv, frequency: summary.frequency, T: summary.T, yearsAlive: null },
      { ...SETTINGS, marginRate: 0.3, periodsPerYear: CLV_DEFAULTS.periodsPerYear, bgnbd },
    );
    const valueOrder = rank(v.clv, true);
    const valuePrefix = prefixSums(v.clv, valueOrder);
    const revenueOrder = rank(summary.revenue, true);
    const revenuePosition = new Uint32Array(revenueOrder.length);
    revenueOrder.forEach((c, k) => {
      revenuePosition[c] = k;
    });
    const drop = dropWorst({ valuation: v, valueOrder, valuePrefix, revenuePosition }, { ...DEFAULTS, dropShare: 0.2, stickiness: 0 });
    const worst = Array.from(clv).sort((p, q) => p - q).slice(0, 12);
    expect(drop.droppedCount).toBe(12);
    expectClose(drop.naiveGain, -worst.reduce((p, q) => p + q, 0), 1e-9);
    expectClose(drop.realisticGain, drop.naiveGain, 1e-12);
    expectClose(drop.valueBefore, clv.reduce((p, q) => p + q, 0), 1e-9);

    // With sticky costs the realistic gain is lower by stickiness x the dropped customers' cost.
    const sticky = dropWorst({ valuation: v, valueOrder, valuePrefix, revenuePosition }, { ...DEFAULTS, dropShare: 0.2, stickiness: 0.5 });
    expect(sticky.stickyCost).toBeGreaterThanOrEqual(0);
    expectClose(sticky.realisticGain, drop.naiveGain - sticky.stickyCost, 1e-9);

    // The worker's path (decisions.ts) gives the same figures.
    const decisions = dataDecisions(
      decisionBase({
        valuation: v,
        observedRevenue: summary.revenue,
        observedYears: SETTINGS.observedYears,
        marginRate: 0.3,
        annualDiscountRate: SETTINGS.annualDiscountRate,
        horizonYears: 1,
        hasCost: true,
        serviceCost: 0,
        missingForecasts: 0,
      }),
      { dropShare: 0.2, stickiness: 0, focus: 0.5 },
    );
    expectClose(decisions.drop.naiveGain, drop.naiveGain, 1e-9);
    expect(decisions.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(60);
    expect(decisions.focus.sweep).toHaveLength(21);
  });
});

describe('missingForecasts(clv)', () => {
  it('counts forecasts that are not finite; realValuation values them at 0', () => {
    const clv = [10, Number.NaN, Number.POSITIVE_INFINITY];
    expect(missingForecasts(clv)).toBe(2);
    const v = realValuation({ ...TINY, clv }, SETTINGS);
    expect(Array.from(v.clv)).toEqual([10, 0, 0]);
  });
});
