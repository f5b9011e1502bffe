import { describe, expect, it } from 'vitest';
import { computeResults, createEngine } from '../../../src/engine/index.ts';
import { DEFAULTS } from '../../../src/engine/parameters.ts';
import { DEFAULT_SEGMENT_SETTINGS, computeSegments, type SegmentCustomers } from '../../../src/engine/scoring/segments.ts';
import { serviceLevels } from '../../../src/engine/scoring/serviceLevels.ts';
import { defaultSoftTraits } from '../../../src/engine/scoring/softFactors.ts';
import { segmentProfile } from '../../../src/engine/scoring/profile.ts';
import { expectClose } from '../close.ts';

function plainCustomers(values: number[]): SegmentCustomers {
  const n = values.length;
  const of = (f: (v: number, i: number) => number) => Float64Array.from(values, f);
  return {
    size: n,
    revenue: of((v) => 10 * Math.abs(v) + 100),
    contribution: of((v) => v / 4),
    margin: of((v) => v / 4),
    value: Float64Array.from(values),
    annuity: of(() => 4),
    serviceCost: of(() => 50),
    annualCost: of(() => 80),
    churn: of(() => 0.2),
    cost: of(() => 320),
    ordersPerYear: of(() => 4),
    orderValue: of(() => 250),
    monetary: of((v) => v),
    recencyMonths: of((_, i) => i + 1),
    purchases: of((_, i) => n - i),
    averageOrderValue: of(() => 120),
    returns: of(() => 0),
    catalogues: of(() => 4),
    mailings: of(() => 6),
    soft: defaultSoftTraits(n),
    leadSeed: 1,
    leads: null,
  };
}

const SCENARIO = DEFAULTS;

describe('computeSegments: edge cases give a clear problem, never NaN', () => {
  it('a single customer: "singleCustomer", no rank correlation, finite figures', () => {
    const result = computeSegments(plainCustomers([100]), DEFAULT_SEGMENT_SETTINGS, SCENARIO);
    expect(result.problems).toContain('singleCustomer');
    expect(result.rfmr.rankCorrelation).toBeNull();
    expect(Number.isFinite(result.service.assigned.value)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('NaN');
  });
  it('no customers: "noCustomers"', () => {
    const result = computeSegments(plainCustomers([]), DEFAULT_SEGMENT_SETTINGS, SCENARIO);
    expect(result.problems).toContain('noCustomers');
    expect(result.abc.byValue.map((s) => s.customers)).toEqual([0, 0, 0]);
  });
  it('weights summing to zero: "weightsZero" and no matrix; the rest is still computed', () => {
    const zero = { innovation: 0, coDevelopment: 0, reference: 0, strategicFit: 0, potential: 0 };
    const result = computeSegments(plainCustomers([1, 2, 3, 4, 5]), { ...DEFAULT_SEGMENT_SETTINGS, soft: { ...DEFAULT_SEGMENT_SETTINGS.soft, weights: zero } }, SCENARIO);
    expect(result.problems).toEqual(['weightsZero']);
    expect(result.matrix).toBeNull();
    expect(result.soft.meanPotential).toBeNull();
    expect(result.abc.byValue.map((s) => s.customers)).toEqual([1, 2, 2]);
  });
  it('invalid thresholds: "thresholdsInvalid" and the default 20/30/50 % are used', () => {
    const result = computeSegments(plainCustomers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), { ...DEFAULT_SEGMENT_SETTINGS, abc: { shareA: 0.8, shareB: 0.5 } }, SCENARIO);
    expect(result.problems).toEqual(['thresholdsInvalid']);
    expect(result.abc.byValue.map((s) => s.customers)).toEqual([2, 3, 5]);
  });
});

describe('serviceLevels (MODEL.md section 4 response)', () => {
  it('every segment at the reference budget b (x = 1) equals the focus view at f = 0, and equals equal service', () => {
    const engine = createEngine();
    const segments = engine.segments(DEFAULTS, {
      ...DEFAULT_SEGMENT_SETTINGS,
      soft: { ...DEFAULT_SEGMENT_SETTINGS.soft, referralsOn: false, paymentOn: false },
      service: { levels: [{ cost: 30 }], assignment: [0, 0, 0] },
    });
    const focus = computeResults(DEFAULTS).focus;
    expectClose(segments.service.assigned.value, focus.valueAtNoFocus, 1e-6 * Math.abs(focus.valueAtNoFocus));
    expectClose(segments.service.equal.value, segments.service.assigned.value, 1e-6);
  });
  it('one customer, hand-computed: spend 60 with b = 30 gives x = 2 (saturated at 2), churn 0.2 x 2^-0.3', () => {
    const s = { ...DEFAULTS, stickiness: 0, horizon: 1 };
    const input = {
      revenue: [1000], margin: [100], serviceCost: [50], annualCost: [80], churn: [0.2], cost: [0], segment: Uint8Array.from([0]),
    };
    const result = serviceLevels(input, { levels: [{ cost: 60 }], assignment: [0, 0, 0] }, s);
    // Horizon 1: value = margin' / 1.08, margin' = 2^0.1 x (100 + 50) - 50 - 60.
    expectClose(result.assigned.value, (Math.pow(2, 0.1) * 150 - 110) / 1.08, 1e-9);
    expectClose(result.assigned.keptAfter1, 1 - 0.2 * Math.pow(2, -0.3), 1e-12);
  });
});

describe('segmentProfile', () => {
  it('means per segment and the A/C ratio', () => {
    const rows = segmentProfile(Uint8Array.from([0, 0, 1, 2, 2]), [{ id: 'x', values: [10, 20, 5, 2, 4] }]);
    expect(rows).toEqual([{ id: 'x', meanA: 15, meanB: 5, meanC: 3, ratio: 5 }]);
  });
});

describe('engine.segments on the default portfolio', () => {
  const engine = createEngine();
  const result = engine.segments(DEFAULTS, DEFAULT_SEGMENT_SETTINGS);
  it('ABC by value: 2,000 / 3,000 / 5,000 customers; every definition covers everyone', () => {
    expect(result.customers).toBe(10_000);
    for (const figures of [result.abc.byRevenue, result.abc.byContribution, result.abc.byValue]) {
      expect(figures.reduce((a, s) => a + s.customers, 0)).toBe(10_000);
    }
    expect(result.abc.byValue.map((s) => s.customers)).toEqual([2000, 3000, 5000]);
    expect(result.abc.changes.revenueValue).toBeGreaterThan(0);
  });
  it('the 125 RFM cells hold every customer; the RFMR score agrees with value only partly', () => {
    expect(result.rfm.count.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(result.rfmr.rankCorrelation).not.toBeNull();
    expect(result.rfmr.rankCorrelation ?? 0).toBeGreaterThan(0);
    expect(result.rfmr.rankCorrelation ?? 1).toBeLessThan(1);
    expect(result.rfmr.top20Overlap ?? 0).toBeGreaterThan(0.2);
  });
  it('soft factors change the value by their totals', () => {
    expectClose(result.soft.value, result.soft.baseValue + result.soft.referralValue + result.soft.paymentValue, 1e-6);
    expect(result.soft.paymentValue).toBeLessThan(0);
  });
  it('is reproducible from the seed and does not change the other figures', () => {
    const again = createEngine().segments(DEFAULTS, DEFAULT_SEGMENT_SETTINGS);
    expect(again.rfmr).toEqual(result.rfmr);
    expect(again.leads.value).toBe(result.leads.value);
    expect(engine.compute(DEFAULTS).portfolio.totals).toEqual(computeResults(DEFAULTS).portfolio.totals);
  });
  it('the lead plan by value per hour beats the watering can', () => {
    expect(result.leads.value).toBeGreaterThan(result.leads.wateringCanValue);
    expect(result.leads.hoursUsed).toBeLessThanOrEqual(DEFAULT_SEGMENT_SETTINGS.leads.capacityHours);
  });
  it('A customers buy more often than C customers', () => {
    const orders = result.profile.find((r) => r.id === 'ordersPerYear');
    expect(orders?.meanA ?? 0).toBeGreaterThan(orders?.meanC ?? 0);
  });
});

describe('engine.segments after slider moves equals a fresh engine (the cached history is the one the sliders ask for)', () => {
  const small = { ...DEFAULTS, customers: 3000 };
  it('order value, then orders per year, then order value back: every figure as computed from scratch', () => {
    const engine = createEngine();
    engine.segments(small, DEFAULT_SEGMENT_SETTINGS);
    for (const moved of [
      { ...small, orderValue: 310 },
      { ...small, orderValue: 310, ordersPerYear: 6 },
      { ...small, orderValue: 120, ordersPerYear: 6 },
      small,
    ]) {
      expect(engine.segments(moved, DEFAULT_SEGMENT_SETTINGS)).toEqual(createEngine().segments(moved, DEFAULT_SEGMENT_SETTINGS));
    }
  });
});
