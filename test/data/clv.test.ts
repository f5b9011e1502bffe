import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases } from '../../src/data/bgnbd.ts';
import { CLV_DEFAULTS, customerLifetimeValue } from '../../src/data/clv.ts';
import { conditionalExpectedAverageProfit } from '../../src/data/gammaGamma.ts';
import { expectClose } from '../engine/close.ts';

const bgnbd = { r: 0.2425929, alpha: 4.413532, a: 0.7928862, b: 2.425754 };
const gammaGamma = { p: 6.248803, q: 3.744588, v: 15.44775 };
const customer = { x: 2, tx: 30.43, T: 38.86, mbar: 22.35 };

describe('customerLifetimeValue(bgnbd, gammaGamma, customer, options)', () => {
  it('without discounting is margin x expected spend x expected purchases over the horizon', () => {
    const options = { ...CLV_DEFAULTS, annualDiscountRate: 0, marginRate: 0.3 };
    const expected =
      0.3 * conditionalExpectedAverageProfit(gammaGamma, customer.x, customer.mbar) * conditionalExpectedPurchases(bgnbd, options.horizon, customer.x, customer.tx, customer.T);
    expectClose(customerLifetimeValue(bgnbd, gammaGamma, customer, options), expected, 1e-9);
  });

  it('discounting lowers the value, and a longer horizon raises it', () => {
    const base = customerLifetimeValue(bgnbd, gammaGamma, customer);
    expect(customerLifetimeValue(bgnbd, gammaGamma, customer, { ...CLV_DEFAULTS, annualDiscountRate: 0.3 })).toBeLessThan(base);
    expect(customerLifetimeValue(bgnbd, gammaGamma, customer, { ...CLV_DEFAULTS, horizon: 2 * CLV_DEFAULTS.horizon })).toBeGreaterThan(base);
  });

  it('is 0 for a zero horizon and never NaN for x = 0 or huge x', () => {
    expect(customerLifetimeValue(bgnbd, gammaGamma, customer, { ...CLV_DEFAULTS, horizon: 0 })).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x, share, mbar) => {
        const T = 40;
        const tx = x === 0 ? 0 : share * T;
        const value = customerLifetimeValue(bgnbd, gammaGamma, { x, tx, T, mbar: x === 0 ? 0 : mbar });
        expect(Number.isFinite(value) && value >= 0).toBe(true);
      }),
    );
  });
});
