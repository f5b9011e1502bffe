import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annuityFactor, paybackYears, singleCustomer } from '../../src/engine/customer.ts';
import { annuityOf } from '../../src/engine/valuation.ts';
import { DEFAULTS, UNBOUNDED_CAP_YEARS, type Scenario } from '../../src/engine/parameters.ts';
import { expectClose } from './close.ts';

const withDefaults = (overrides: Partial<Scenario>): Scenario => ({ ...DEFAULTS, ...overrides });

describe('singleCustomer(defaults) reproduces MODEL.md section 1', () => {
  const c = singleCustomer(DEFAULTS);

  it('annual margin m = 4 x (250 x 0.30 - 20) - 120 = 100', () => {
    expect(c.annualMargin).toBe(100);
  });

  it('CLV over 10 years = 100/1.08 x (1 - q^10)/(1 - q) with q = 0.8/1.08 = 339.3803', () => {
    const q = 0.8 / 1.08;
    expectClose(c.q, q, 1e-12);
    expectClose(c.clv, (100 / 1.08) * ((1 - q ** 10) / (1 - q)), 1e-9);
    expectClose(c.clv, 339.3803, 5e-5);
    expectClose(c.lifetimeProfit, 39.3803, 5e-5);
  });

  it('pays back after 6.1213 years: cumulative 298.14 after year 6, year 7 adds 15.296', () => {
    // Years 1..6: 100/1.08 x (0.8/1.08)^(t-1) sum to 298.1433; year 7 adds 100 x 0.8^6 / 1.08^7 = 15.2962.
    const afterSix = (100 / 1.08) * ((1 - (0.8 / 1.08) ** 6) / (1 - 0.8 / 1.08));
    const seventh = (100 * 0.8 ** 6) / 1.08 ** 7;
    expectClose(c.paybackYears, 6 + (300 - afterSix) / seventh, 1e-9);
    expectClose(c.paybackYears, 6.1213, 5e-5);
  });

  it('the textbook figure is 100 x 5 - 300 = 200', () => {
    expect(c.simpleLifetimeYears).toBe(5);
    expect(c.simpleLifetimeProfit).toBe(200);
  });

  it('l* = 4 and P(payback) = 0.8^3 = 51.2 %', () => {
    // profit(3) = 92.59 + 85.73 + 79.38 - 300 < 0; profit(4) adds 73.50 and is >= 0.
    expect(c.paybackLifetime).toBe(4);
    expectClose(c.paybackProbability, 0.512, 1e-12);
  });

  it('the J-curve starts at -A and its last point is CLV - A', () => {
    expect(c.jCurve[0]).toEqual({ year: 0, margin: 0, cumulative: -300 });
    expect(c.jCurve).toHaveLength(11);
    expectClose(c.jCurve[10]?.cumulative, c.lifetimeProfit, 1e-9);
  });

  it('the lifetime groups of 100 won customers sum to 100 % and their expected profit is the lifetime profit', () => {
    const shares = c.lifetimes.reduce((sum, g) => sum + g.share, 0);
    expectClose(shares, 1, 1e-12);
    expectClose(c.lifetimes[0]?.share, 0.2, 1e-12);
    const expected = c.lifetimes.reduce((sum, g) => sum + g.share * g.profit, 0);
    expectClose(expected, c.lifetimeProfit, 1e-9);
  });
});

describe('singleCustomer edge cases (MODEL.md section 1)', () => {
  it('unlimited horizon with u = 0 gives CLV = m / (d + c) = 100 / 0.28', () => {
    const c = singleCustomer(withDefaults({ horizon: null }));
    expectClose(c.clv, 100 / 0.28, 1e-9);
    expect(c.unbounded).toBe(false);
    expect(c.yearsCounted).toBeNull();
  });

  it('c = 0 with an unlimited horizon: CLV counts 100 years (m/d = 1250 without the cap), lifetime reported unbounded and capped', () => {
    const c = singleCustomer(withDefaults({ horizon: null, churnRate: 0 }));
    // Issue 14 item 12: the cap applies to every unlimited sum, 1250 x (1 - 1.08^-100).
    expectClose(c.clv, (100 / 0.08) * (1 - 1.08 ** -100), 1e-9);
    expect(c.expectedLifetimeYears).toBeNull();
    expect(c.unbounded).toBe(true);
    expect(c.simpleLifetimeProfit).toBe(100 * UNBOUNDED_CAP_YEARS - 300);
    expect(c.paybackProbability).toBe(1);
  });

  it('q = 1 (r(1+u) = 1+d) sums H equal terms: CLV = m/(1+d) x H', () => {
    const c = singleCustomer(withDefaults({ growthRate: 0.35 }));
    expectClose(c.q, 1, 1e-12);
    expectClose(c.clv, (100 / 1.08) * 10, 1e-6);
  });

  it('q >= 1 with an unlimited horizon is capped, flagged and finite', () => {
    const c = singleCustomer(withDefaults({ growthRate: 0.4, horizon: null }));
    expect(c.unbounded).toBe(true);
    expect(c.yearsCounted).toBe(UNBOUNDED_CAP_YEARS);
    expect(Number.isFinite(c.clv)).toBe(true);
  });

  it('negative m: the customer destroys value and never pays back', () => {
    const c = singleCustomer(withDefaults({ costPerOrder: 100 }));
    expect(c.annualMargin).toBe(4 * (75 - 100) - 120);
    expect(c.clv).toBeLessThan(0);
    expect(c.paybackYears).toBeNull();
    expect(c.paybackLifetime).toBeNull();
    expect(c.paybackProbability).toBe(0);
  });

  it('zero orders leave only the service cost: m = -120', () => {
    expect(singleCustomer(withDefaults({ ordersPerYear: 0 })).annualMargin).toBe(-120);
  });

  it('zero order value: m = 4 x (0 - 20) - 120 = -200', () => {
    expect(singleCustomer(withDefaults({ orderValue: 0 })).annualMargin).toBe(-200);
  });

  it('no acquisition cost pays back at once', () => {
    expect(singleCustomer(withDefaults({ acquisitionCost: 0 })).paybackYears).toBe(0);
  });

  it('churn 100 %: only the first year counts, CLV = m / (1 + d)', () => {
    const c = singleCustomer(withDefaults({ churnRate: 1 }));
    expectClose(c.clv, 100 / 1.08, 1e-9);
    expect(c.paybackYears).toBeNull();
  });
});

describe('annuityFactor and paybackYears', () => {
  it('annuityFactor(0.5, 0, 2) = 1 + 0.5', () => {
    expectClose(annuityFactor(0.5, 0, 2).factor, 1.5, 1e-12);
  });
  it('paybackYears interpolates within the first year: m = 100, d = 0, A = 50 -> 0.5', () => {
    expectClose(paybackYears(100, 0.5, 0, 50, 10), 0.5, 1e-12);
  });
  it('paybackYears is null when the converging sum cannot reach A', () => {
    // 100 x (1 + 0.5 + 0.25 + ...) = 200 < 250
    expect(paybackYears(100, 0.5, 0, 250, 1000)).toBeNull();
  });
});

describe('singleCustomer with a vanishing churn rate and an unlimited horizon', () => {
  it('reports the lifetime unbounded (capped at 100 years) instead of overflowing', () => {
    const c = singleCustomer(withDefaults({ horizon: null, churnRate: 5.56e-309, discountRate: 0 }));
    expect(c.expectedLifetimeYears).toBeNull();
    expect(c.unbounded).toBe(true);
    expect(c.simpleLifetimeProfit).toBe(100 * UNBOUNDED_CAP_YEARS - 300);
    expect(Number.isFinite(c.clv)).toBe(true);
  });

  it('keeps a long but finite lifetime below the cap: c = 0.02 -> 50 years', () => {
    expect(singleCustomer(withDefaults({ horizon: null, churnRate: 0.02 })).expectedLifetimeYears).toBeCloseTo(50, 9);
  });
});

describe('the 100-year cap of an unlimited horizon, applied to every CLV (issue 14 item 12)', () => {
  const open = (churnRate: number): Scenario => withDefaults({ horizon: null, churnRate, growthRate: 0, discountRate: 0 });

  it('churn 0, d = 0: 100 equal years, CLV = m x 100 = 10,000', () => {
    const c = singleCustomer(open(0));
    expect(c.q).toBe(1);
    expectClose(c.clv, 10_000, 1e-9);
    expect(c.unbounded).toBe(true);
    expect(c.yearsCounted).toBe(100);
  });

  it('churn 0.0001, d = 0: CLV = 100 x (1 - 0.9999^100) / 0.0001 = 9,950.66, not m / c = 1,000,000', () => {
    const c = singleCustomer(open(0.0001));
    // 0.9999^100 = e^(100 ln 0.9999) = e^(-0.01000050) = 0.99004934
    expectClose(c.clv, (100 * (1 - 0.9999 ** 100)) / 0.0001, 1e-6);
    expectClose(c.clv, 9950.66, 5e-3);
    expect(c.unbounded).toBe(true);
  });

  it('churn 0.00001, d = 0: CLV = 100 x (1 - 0.99999^100) / 0.00001 = 9,995.05, not 10,000,000', () => {
    // 0.99999^100 = e^(-0.001000005) = 0.99900050
    expectClose(singleCustomer(open(0.00001)).clv, 9995.05, 5e-3);
  });

  it('CLV falls as churn rises through 0, 0.00001, 0.0001, 0.001 and 0.01', () => {
    const clvs = [0, 0.00001, 0.0001, 0.001, 0.01].map((churn) => singleCustomer(open(churn)).clv);
    for (let k = 1; k < clvs.length; k++) expect(clvs[k], `churn step ${k}`).toBeLessThan(clvs[k - 1] as number);
  });

  it('c = 0, d = 8 %: 100 discounted years, CLV = 1250 x (1 - 1.08^-100) = 1249.43, flagged', () => {
    const c = singleCustomer(withDefaults({ horizon: null, churnRate: 0 }));
    expectClose(c.clv, 1250 * (1 - 1.08 ** -100), 1e-9);
    expectClose(c.clv, 1249.43, 5e-3);
    expect(c.unbounded).toBe(true);
  });

  it('where the years past 100 add less than 0.01 %, the figure is the closed form m / (d + c) and not flagged', () => {
    // q = 0.8 / 1.08 = 0.741: q^100 = 9e-14.
    const c = singleCustomer(withDefaults({ horizon: null }));
    expectClose(c.clv, 100 / 0.28, 1e-9);
    expect(c.unbounded).toBe(false);
    expect(c.yearsCounted).toBeNull();
  });

  it('an unlimited horizon is exactly a 100-year horizon for every q, in the customer and per portfolio customer', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.2, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (churn, growth, discount) => {
          const q = ((1 - churn) * (1 + growth)) / (1 + discount);
          expect(annuityFactor(q, discount, null).factor).toBe(annuityFactor(q, discount, UNBOUNDED_CAP_YEARS).factor);
          expect(annuityOf(churn, 1 + growth, 1 + discount, null)).toBe(annuityOf(churn, 1 + growth, 1 + discount, UNBOUNDED_CAP_YEARS));
        },
      ),
    );
  });

  it('CLV is monotone in churn for any margin, growth and discount with an unlimited horizon', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -0.2, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (a, b, growthRate, discountRate) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const clvAt = (churnRate: number) => singleCustomer(withDefaults({ horizon: null, churnRate, growthRate, discountRate })).clv;
          // m = 100 > 0: more churn never adds value (a float's last bit aside).
          expect(clvAt(high)).toBeLessThanOrEqual(clvAt(low) * (1 + 1e-12));
        },
      ),
    );
  });

  it('"what becomes of 100 customers" adds up to the capped lifetime profit, also near churn 0', () => {
    for (const churnRate of [0, 0.0001, 0.01, 0.2]) {
      const c = singleCustomer(withDefaults({ horizon: null, churnRate, discountRate: 0 }));
      const expected = c.lifetimes.reduce((sum, g) => sum + g.share * g.profit, 0);
      expectClose(expected, c.lifetimeProfit, 1e-6);
    }
  });
});
