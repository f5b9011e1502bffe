import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedYearsAlive, survivalAfter } from '../../src/data/aliveTime.ts';
import { probabilityAlive } from '../../src/data/bgnbd.ts';
import { CLV_DEFAULTS, customerLifetimeValue, discountedPurchases, type ClvOptions } from '../../src/data/clv.ts';
import { conditionalExpectedAverageProfit } from '../../src/data/gammaGamma.ts';
import { logHypergeometric2F1 } from '../../src/data/special.ts';
import { expectClose } from '../engine/close.ts';

// The published CDNOW fit (Fader, Hardie and Lee 2005).
const cdnow = { r: 0.2425929, alpha: 4.413532, a: 0.7928862, b: 2.425754 };
const gammaGamma = { p: 6.248803, q: 3.744588, v: 15.44775 };

/**
 * P(alive at T + u | x, t_x, T) straight from the BG/NBD's definition, by
 * brute force: the joint posterior over the purchase rate lambda (trapezoid
 * on ln lambda) and the dropout probability p (midpoint rule on w = p^a,
 * which takes away the density's p^(a - 1) pole), with the individual
 * likelihood (1 - p)^x lambda^x e^(-lambda T) of a customer alive at T plus,
 * for x > 0, p (1 - p)^(x - 1) lambda^x e^(-lambda t_x) of one who dropped
 * out after her last purchase. Alive at T, she survives u more periods with
 * e^(-lambda p u). No hypergeometric function, no P(alive) formula.
 */
function survivalByIntegral(params: typeof cdnow, x: number, tx: number, T: number, u: number): number {
  const { r, alpha, a, b } = params;
  const W_STEPS = 1500;
  let alive = 0;
  let total = 0;
  for (let lu = -40; lu <= 6; lu += 0.04) {
    const lambda = Math.exp(lu);
    const logLambda = r * lu - alpha * lambda + x * lu;
    for (let j = 0; j < W_STEPS; j++) {
      const p = ((j + 0.5) / W_STEPS) ** (1 / a);
      const logP = (b - 1) * Math.log1p(-p);
      const stay = Math.exp(logLambda + logP + x * Math.log1p(-p) - lambda * T);
      const gone = x > 0 ? Math.exp(logLambda + logP + Math.log(p) + (x - 1) * Math.log1p(-p) - lambda * tx) : 0;
      alive += stay * Math.exp(-lambda * p * u);
      total += stay + gone;
    }
  }
  return alive / total;
}

const YEAR: ClvOptions = { horizon: 52, annualDiscountRate: 0, periodsPerYear: 52, step: 52 / 12, marginRate: 1, serviceCost: 0 };

describe('survivalAfter(params, x, T, u) x P(alive): the chance of being alive u periods after T', () => {
  it('agrees with the BG/NBD posterior integrated by brute force', () => {
    for (const [x, tx, T] of [
      [0, 0, 38.86],
      [2, 30.43, 38.86],
      [7, 37, 39],
      [1, 2, 39],
    ] as const) {
      for (const u of [4, 26, 104]) {
        const closed = probabilityAlive(cdnow, x, tx, T) * survivalAfter(cdnow, x, T, u);
        expectClose(closed, survivalByIntegral(cdnow, x, tx, T, u), 2e-4 * closed + 1e-9);
      }
    }
  });

  it('its fast series equals the general hypergeometric function, and so does the fallback for r > a + b', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        (r, alpha, a, b, x, T, u) => {
          const general = Math.exp(logHypergeometric2F1(r + x, a, a + b + x, -u / (alpha + T)));
          const fast = survivalAfter({ r, alpha, a, b }, x, T, u);
          // Where the general function gives up (NaN, e.g. r just below a + b), the fast series still answers.
          if (!Number.isFinite(general)) return fast > 0 && fast <= 1;
          return Math.abs(fast - general) <= 1e-9 * general;
        },
      ),
    );
  });

  it('is 1 at u = 0 and falls with u', () => {
    expect(survivalAfter(cdnow, 3, 30, 0)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.double({ min: 0.1, max: 500, noNaN: true }), fc.double({ min: 0.01, max: 500, noNaN: true }), (x, T, u) => {
        const now = survivalAfter(cdnow, x, T, u);
        const later = survivalAfter(cdnow, x, T, u * 1.5);
        return now > 0 && now < 1 && later <= now;
      }),
    );
  });
});

describe('discountedYearsAlive(params, x, tx, T, options)', () => {
  it('is pi^2 / 12 for a new customer with r = a = b = 1, alpha = one year, over one year undiscounted', () => {
    // S(u) = 2F1(1, 1; 2; -u/alpha) = ln(1 + u/alpha) / (u/alpha), and int_0^1 ln(1 + v)/v dv = pi^2/12.
    expectClose(discountedYearsAlive({ r: 1, alpha: 52, a: 1, b: 1 }, 0, 0, 0, YEAR), Math.PI ** 2 / 12, 1e-10);
  });

  it('discounts each month to its end, as the CLV discounts its purchases', () => {
    // The same customer at 10 % a year: sum over months of (1.1)^(-k/12) int_{(k-1)/12}^{k/12} ln(1 + v)/v dv.
    let expected = 0;
    for (let k = 1; k <= 12; k++) {
      let month = 0;
      const n = 2000;
      for (let i = 0; i < n; i++) {
        const v = (k - 1) / 12 + (i + 0.5) / (12 * n);
        month += Math.log1p(v) / v / (12 * n);
      }
      expected += month / 1.1 ** (k / 12);
    }
    expectClose(discountedYearsAlive({ r: 1, alpha: 52, a: 1, b: 1 }, 0, 0, 0, { ...YEAR, annualDiscountRate: 0.1 }), expected, 1e-9);
  });

  it('is P(alive) x the integral of survivalAfter, to 1e-8 of a year against a fine trapezoid', () => {
    // The last customer is a day old: S(u) falls fastest there, over alpha + T = 4.6 weeks.
    for (const [x, tx, T] of [
      [2, 30.43, 38.86],
      [0, 0, 0.14],
      [12, 38, 39],
    ] as const) {
      const n = 40_000;
      let integral = 0;
      for (let i = 0; i <= n; i++) integral += (i === 0 || i === n ? 0.5 : 1) * survivalAfter(cdnow, x, T, (104 * i) / n);
      integral *= 104 / n;
      // Monthly steps, as the forecast takes them; undiscounted, so the steps add up to the whole integral.
      const options = { ...YEAR, horizon: 104 };
      expectClose(discountedYearsAlive(cdnow, x, tx, T, options), (probabilityAlive(cdnow, x, tx, T) * integral) / 52, 1e-8);
    }
  });

  it('lies between 0 and P(alive) x the discounted years of the horizon', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: 0.25, max: 10, noNaN: true }),
        (x, share, T, d, years) => {
          const tx = x === 0 ? 0 : share * T;
          const options = { ...CLV_DEFAULTS, annualDiscountRate: d, horizon: years * CLV_DEFAULTS.periodsPerYear };
          const D = discountedYearsAlive(cdnow, x, tx, T, options);
          const upper = (probabilityAlive(cdnow, x, tx, T) * years) / (1 + d) ** (1 / 12);
          return D >= 0 && D <= upper * (1 + 1e-12);
        },
      ),
    );
  });

  it('is 0 for a zero horizon', () => {
    expect(discountedYearsAlive(cdnow, 2, 30, 38, { ...YEAR, horizon: 0 })).toBe(0);
  });
});

describe('customerLifetimeValue with a cost to serve', () => {
  it('is the revenue CLV less s x the discounted years alive', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86, mbar: 22.35 };
    const options = { ...CLV_DEFAULTS, marginRate: 0.3, serviceCost: 12 };
    const revenue =
      0.3 * conditionalExpectedAverageProfit(gammaGamma, customer.x, customer.mbar) * discountedPurchases(cdnow, customer.x, customer.tx, customer.T, options);
    const years = discountedYearsAlive(cdnow, customer.x, customer.tx, customer.T, options);
    expect(years).toBeGreaterThan(0.1);
    expectClose(customerLifetimeValue(cdnow, gammaGamma, customer, options), revenue - 12 * years, 1e-9);
    expect(customerLifetimeValue(cdnow, gammaGamma, customer, { ...options, serviceCost: 0 })).toBe(revenue);
  });
});
