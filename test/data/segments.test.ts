// The imported customers as SegmentCustomers (src/data/segments.ts), on a
// hand-made table of five customers whose RFM cells, ABC segments and RFMR
// scores are computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_MONTH,
  hasSoftColumns,
  importedSegmentCustomers,
  importedServiceScenario,
  importedSoftTraits,
  observedYears,
  pointsColumn,
  segmentCustomersOfAnalysis,
  windowFigures,
} from '../../src/data/segments.ts';
import { analyzeBytes } from '../../src/data/analysis.ts';
import { CLV_DEFAULTS_DAYS } from '../../src/data/clv.ts';
import { forecastCustomers } from '../../src/data/forecast.ts';
import { summarizeCustomers } from '../../src/data/summary.ts';
import type { TransactionTable } from '../../src/data/table.ts';
import { DEFAULTS } from '../../src/engine/parameters.ts';
import { rfmCell } from '../../src/engine/scoring/rfm.ts';
import { computeSegments, DEFAULT_SEGMENT_SETTINGS, type SegmentSettings } from '../../src/engine/scoring/segments.ts';
import { defaultSoftTraits, DEFAULT_SOFT_SETTINGS } from '../../src/engine/scoring/softFactors.ts';
import type { Valuation } from '../../src/engine/valuation.ts';

// Rows: customer, day, revenue, margin, returns. The analysis end is day 1000
// (the last purchase); the 24-month window is days (269.5, 1000].
const ROWS: [number, number, number, number, number][] = [
  [0, 100, 50, 10, 0], // outside the window
  [0, 900, 100, 30, 1],
  [0, 900, 20, 5, 0], // same day: one purchase day
  [0, 1000, 200, 60, 0],
  [1, 200, 300, 90, 0], // outside the window: no purchase in 24 months
  [2, 500, 40, 8, 0],
  [2, 800, 60, 12, 2],
  [3, 950, 500, 100, 0],
  [4, 300, 10, 1, 0],
  [4, 400, 10, 1, 0],
  [4, 600, 10, 1, 0],
];

function table(withMargin = true, withReturns = true): TransactionTable {
  const n = ROWS.length;
  return {
    rows: n,
    customerIds: ['c0', 'c1', 'c2', 'c3', 'c4'],
    customer: Uint32Array.from(ROWS, (r) => r[0]),
    day: Int32Array.from(ROWS, (r) => r[1]),
    revenue: Float64Array.from(ROWS, (r) => r[2]),
    cost: null,
    margin: withMargin ? Float64Array.from(ROWS, (r) => r[3]) : null,
    returns: withReturns ? Float64Array.from(ROWS, (r) => r[4]) : null,
    quantity: null,
    channel: null,
    channels: [],
    line: Uint32Array.from(ROWS, (_, i) => i + 2),
  };
}

/** Years the data covers: days 100 to 1000 inclusive. */
const Y = 901 / 365.25;
/** Observed revenue per customer: 370, 300, 100, 500, 30. */
const REVENUE = [370, 300, 100, 500, 30];
/** Forecast CLV chosen by hand. */
const CLV = [400, 0, 150, 200, 50];
const G = 0.3;

/** A hand-made engine valuation: revenue per year, margin g * revenue, no costs. */
function valuation(): Valuation {
  const n = 5;
  const revenue = Float64Array.from(REVENUE, (r) => r / Y);
  return {
    size: n,
    revenue,
    margin: revenue.map((r) => G * r),
    annualCost: new Float64Array(n),
    serviceCost: new Float64Array(n),
    marginRate: new Float64Array(n).fill(G),
    churn: new Float64Array(n).fill(0.2),
    annuity: new Float64Array(n).fill(3),
    clv: Float64Array.from(CLV),
    cost: new Float64Array(n),
    cappedCount: 0,
  };
}

function customers(withMargin = true, withReturns = true) {
  const t = table(withMargin, withReturns);
  const summary = summarizeCustomers(t, { unit: 'day' });
  return importedSegmentCustomers({ table: t, summary, valuation: valuation(), observedYears: observedYears(summary) });
}

/** Default settings without the monetised soft factors, so value = forecast CLV exactly. */
const SETTINGS: SegmentSettings = {
  ...DEFAULT_SEGMENT_SETTINGS,
  soft: { ...DEFAULT_SOFT_SETTINGS, referralsOn: false, paymentOn: false },
};
const SCENARIO = importedServiceScenario(DEFAULTS, { annualDiscountRate: 0.1, horizonYears: 1 });

describe('imported customers as SegmentCustomers', () => {
  it('years covered: first purchase to the analysis end, both days counted', () => {
    const summary = summarizeCustomers(table(), { unit: 'day' });
    expect(observedYears(summary)).toBeCloseTo(Y, 12);
  });

  it('window figures: purchase days, revenue and returns of the last 24 months', () => {
    const c = customers();
    // c0: days 900 (two rows merged) and 1000; c1: none; c2: 500, 800; c3: 950; c4: 300, 400, 600.
    expect(Array.from(c.purchases)).toEqual([2, 0, 2, 1, 3]);
    expect(Array.from(c.monetary)).toEqual([320, 0, 100, 500, 30]);
    expect(Array.from(c.averageOrderValue)).toEqual([160, 0, 50, 500, 10]);
    expect(Array.from(c.returns)).toEqual([1, 0, 2, 0, 0]);
    expect(Array.from(c.catalogues)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(c.mailings)).toEqual([0, 0, 0, 0, 0]);
  });

  it('a purchase 730 days before the end is in the window, 731 days before is not', () => {
    const t: Pick<TransactionTable, 'rows' | 'customer' | 'day' | 'revenue' | 'returns'> = {
      rows: 2,
      customer: Uint32Array.from([0, 1]),
      day: Int32Array.from([270, 269]),
      revenue: Float64Array.from([5, 7]),
      returns: null,
    };
    const w = windowFigures(t, 2, 1000);
    expect(Array.from(w.purchases)).toEqual([1, 0]);
    expect(Array.from(w.monetary)).toEqual([5, 0]);
  });

  it('recency in months at the analysis end; revenue, contribution and value per the header', () => {
    const c = customers();
    const days = [0, 800, 200, 50, 400];
    days.forEach((d, i) => expect(c.recencyMonths[i]).toBeCloseTo(d / DAYS_PER_MONTH, 12));
    REVENUE.forEach((r, i) => expect(c.revenue[i]).toBeCloseTo(r / Y, 9));
    // Margin column per customer: 105, 90, 20, 100, 3, per year.
    [105, 90, 20, 100, 3].forEach((m, i) => expect(c.contribution[i]).toBeCloseTo(m / Y, 9));
    expect(Array.from(c.value)).toEqual(CLV);
    // Purchase days over the years covered; revenue per purchase day.
    [3, 1, 2, 1, 3].forEach((k, i) => expect(c.ordersPerYear[i]).toBeCloseTo(k / Y, 9));
    [370 / 3, 300, 50, 500, 10].forEach((v, i) => expect(c.orderValue[i]).toBeCloseTo(v, 9));
    expect(c.soft).toEqual(defaultSoftTraits(5));
    expect(c.leads).toBeNull();
  });

  it('without a margin column the contribution is the valuation margin g * revenue; without returns 0', () => {
    const c = customers(false, false);
    REVENUE.forEach((r, i) => expect(c.contribution[i]).toBeCloseTo((G * r) / Y, 9));
    expect(Array.from(c.returns)).toEqual([0, 0, 0, 0, 0]);
  });

  it('RFM quintiles by hand: each customer in its own cell', () => {
    const result = computeSegments(customers(), SETTINGS, SCENARIO);
    // Recency (fewer months better): c1 800 d -> 1, c4 400 -> 2, c2 200 -> 3, c3 50 -> 4, c0 0 -> 5.
    // Frequency: c1 0 -> 1, c3 1 -> 2, c0 and c2 tie at 2 -> both 3, c4 3 -> 5.
    // Monetary: c1 0 -> 1, c4 30 -> 2, c2 100 -> 3, c0 320 -> 4, c3 500 -> 5.
    const cells: [number, number, number, number][] = [
      [5, 3, 4, 0],
      [1, 1, 1, 1],
      [3, 3, 3, 2],
      [4, 2, 5, 3],
      [2, 5, 2, 4],
    ];
    for (const [r, f, m, i] of cells) {
      const cell = rfmCell(r, f, m);
      expect(result.rfm.count[cell]).toBe(1);
      expect(result.rfm.value[cell]).toBe(CLV[i]);
      expect(result.rfm.revenue[cell]).toBeCloseTo((REVENUE[i] ?? Number.NaN) / Y, 9);
    }
    expect(result.rfm.count.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('ABC 20 / 30 / 50 % by revenue, contribution and value by hand', () => {
    const result = computeSegments(customers(), SETTINGS, SCENARIO);
    // 5 customers: A = round(1) = 1, A + B = round(2.5) = 3.
    // Revenue: c3 500 | c0 370, c1 300 | c2 100, c4 30.
    // Contribution: c0 105 | c3 100, c1 90 | c2 20, c4 3.
    // Value: c0 400 | c3 200, c2 150 | c4 50, c1 0.
    expect(result.abc.byRevenue.map((s) => s.customers)).toEqual([1, 2, 2]);
    expect(result.abc.byRevenue[0]?.revenue).toBeCloseTo(500 / Y, 9);
    expect(result.abc.byRevenue[1]?.revenue).toBeCloseTo(670 / Y, 9);
    expect(result.abc.byContribution[0]?.contribution).toBeCloseTo(105 / Y, 9);
    expect(result.abc.byContribution[1]?.contribution).toBeCloseTo(190 / Y, 9);
    expect(result.abc.byValue.map((s) => s.value)).toEqual([400, 350, 50]);
    // revenue vs contribution: c3 A->B, c0 B->A; revenue vs value: also c1 B->C, c2 C->B;
    // contribution vs value: c1 B->C, c2 C->B.
    expect(result.abc.changes).toEqual({ revenueContribution: 2, revenueValue: 4, contributionValue: 2 });
    expect(result.abc.revenueToValue).toEqual([
      [0, 1, 0],
      [1, 0, 1],
      [0, 1, 1],
    ]);
  });

  it('RFMR with the default table by hand, and its rank agreement with value', () => {
    const result = computeSegments(customers(), SETTINGS, SCENARIO);
    // start 25 + recency + 6 per purchase + order value band - 5 per return:
    // c0: 25 + 40 + 12 + 25 - 5 = 97;  c1: 25 - 25 + 0 + 5 = 5;  c2: 25 + 15 + 12 + 15 - 10 = 57;
    // c3: 25 + 40 + 6 + 40 = 111;      c4: 25 - 5 + 18 + 5 = 43.
    expect(result.rfmr.minScore).toBe(5);
    expect(result.rfmr.maxScore).toBe(111);
    expect(result.rfmr.meanScore).toBeCloseTo(313 / 5, 12);
    // Ranks by score c3, c0, c2, c4, c1 and by value c0, c3, c2, c4, c1: sum d^2 = 2, rho = 1 - 12 / 120.
    expect(result.rfmr.rankCorrelation).toBeCloseTo(0.9, 12);
    expect(result.history.meanPurchases).toBeCloseTo(8 / 5, 12);
    expect(result.history.shareWithoutPurchase).toBeCloseTo(1 / 5, 12);
  });

  it('service scenario: forecast discount rate and horizon, no growth, care response from the simulator', () => {
    expect(SCENARIO.discountRate).toBe(0.1);
    expect(SCENARIO.horizon).toBe(1);
    expect(SCENARIO.growthRate).toBe(0);
    expect(SCENARIO.stickiness).toBe(DEFAULTS.stickiness);
    expect(SCENARIO.careBudgetPerCustomer).toBe(DEFAULTS.careBudgetPerCustomer);
  });
});

describe('soft factors of imported customers', () => {
  it('no columns: exactly the neutral defaults', () => {
    expect(importedSoftTraits(3, null)).toEqual(defaultSoftTraits(3));
    expect(hasSoftColumns(null)).toBe(false);
    expect(hasSoftColumns({ points: {} })).toBe(false);
  });

  it('point columns are rounded and clamped to 1-5; missing entries get 3; factors default to 1', () => {
    expect(Array.from(pointsColumn(5, [0, 2.4, 7, Number.NaN]))).toEqual([1, 2, 5, 3, 3]);
    const traits = importedSoftTraits(2, { points: { strategicFit: [5, 1] }, referralFactor: [2, Number.NaN] });
    expect(hasSoftColumns({ points: { strategicFit: [5, 1] } })).toBe(true);
    expect(Array.from(traits.points.strategicFit)).toEqual([5, 1]);
    expect(Array.from(traits.points.innovation)).toEqual([3, 3]);
    expect(Array.from(traits.referralFactor)).toEqual([2, 1]);
    expect(Array.from(traits.latenessFactor)).toEqual([1, 1]);
  });
});

describe('the whole path from a file', () => {
  it('value is the forecast CLV of every calibration customer; the sum matches the forecast', async () => {
    const csv = [
      'customer,date,revenue',
      'a,2024-01-01,10',
      'a,2024-02-01,20',
      'a,2024-05-01,35',
      'b,2024-01-15,50',
      'b,2024-03-15,40',
      'b,2024-05-20,70',
      'c,2024-02-10,5',
      'd,2024-04-01,100',
      'd,2024-06-01,80',
      'd,2024-06-20,60',
      // Enough repeat buyers with varied spend that the Gamma-Gamma fit has a finite optimum (issue 14: else no figures).
      'e,2024-01-20,25',
      'e,2024-04-11,45',
      'f,2024-03-03,15',
      'f,2024-03-30,12',
      'f,2024-06-10,18',
    ].join('\n');
    const outcome = await analyzeBytes(new TextEncoder().encode(csv), { unit: 'day' });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const analysis = outcome.analysis;
    const options = { marginRate: 1, annualDiscountRate: 0.1, horizonYears: 1, serviceCost: 0 };
    const clvOptions = { ...CLV_DEFAULTS_DAYS, horizon: 365.25 };
    const forecasts = forecastCustomers(analysis.bgnbd, analysis.gammaGamma, analysis.calibration, clvOptions.horizon, clvOptions);
    const c = segmentCustomersOfAnalysis(analysis, forecasts, options, clvOptions.periodsPerYear);
    expect(c.size).toBe(6);
    const total = Array.from(forecasts.clv).reduce((a, b) => a + b, 0);
    const sum = Array.from({ length: c.size }, (_, i) => c.value[i] as number).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(total, 9);
    // The same call again returns the kept customers.
    expect(segmentCustomersOfAnalysis(analysis, forecasts, options, clvOptions.periodsPerYear)).toBe(c);
    const result = computeSegments(c, DEFAULT_SEGMENT_SETTINGS, importedServiceScenario(DEFAULTS, options));
    expect(result.customers).toBe(6);
    expect(result.rfm.count.reduce((a, b) => a + b, 0)).toBe(6);
  });
});
