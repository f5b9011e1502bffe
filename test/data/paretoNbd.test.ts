import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdCustomerLogLikelihood,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
  prepareParetoNbd,
} from '../../src/data/paretoNbd.ts';
import { expectClose } from '../engine/close.ts';
import { calibrationSummary, relative } from './fixtures.ts';
import { individualLogLikelihood, individualLogPurchases, paretoNbdIntegral } from './quadrature.ts';

const cdnow = calibrationSummary();
const data = prepareParetoNbd(cdnow);
/** shared/data/README.md, Pareto/NBD table, row "cdnow_calibration_summary.csv" (scipy and lifetimes agree within 1e-4 relative). */
const SHIPPED = { r: 0.55328, alpha: 10.5776, s: 0.60621, beta: 11.6679, logLik: -9594.9739 };
/** The figures of the issue: CLVTools and BTYD (pnbd.EstimateParameters) on CDNOW, rounded as published. */
const PUBLISHED = { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.67 };
const FITTED = { r: 0.5533, alpha: 10.58, s: 0.6062, beta: 11.67 };

describe('paretoNbdLogLikelihood on CDNOW (weeks, calibration to 1997-09-30)', () => {
  it('gives lifetimes\' optimum (0.55327, 10.57744, 0.60622, 11.66861) the README log-likelihood -9594.9739 (+-0.001)', () => {
    expectClose(paretoNbdLogLikelihood({ r: 0.55327, alpha: 10.57744, s: 0.60622, beta: 11.66861 }, data), SHIPPED.logLik, 1e-3);
    // README: a second point on the flat ridge with the same value to 4 decimals.
    expectClose(paretoNbdLogLikelihood({ r: 0.55315, alpha: 10.57633, s: 0.60625, beta: 11.6715 }, data), SHIPPED.logLik, 1e-3);
  });

  it('fits the README parameters to 3 significant digits (1e-3 relative) and the published CLVTools/BTYD ones to their rounding (2e-3)', () => {
    const fit = fitParetoNbd(cdnow);
    expect(fit.customers).toBe(2357);
    expect(fit.converged).toBe(true);
    expectClose(fit.logLik, SHIPPED.logLik, 1e-3);
    for (const key of ['r', 'alpha', 's', 'beta'] as const) {
      expect(relative(fit[key], SHIPPED[key]), key).toBeLessThan(1e-3);
      expect(relative(fit[key], PUBLISHED[key]), key).toBeLessThan(2e-3);
    }
  });

  it('reaches the same optimum from poor starts (the likelihood is flat along a ridge, so 1e-3 relative)', () => {
    for (const start of [
      { r: 5, alpha: 1, s: 0.05, beta: 200 },
      { r: 0.05, alpha: 100, s: 5, beta: 1 },
    ]) {
      const fit = fitParetoNbd(data, { starts: [start] });
      expectClose(fit.logLik, SHIPPED.logLik, 1e-3);
      for (const key of ['r', 'alpha', 's', 'beta'] as const) expect(relative(fit[key], SHIPPED[key]), `${key} from ${JSON.stringify(start)}`).toBeLessThan(1e-3);
    }
  });
});

describe('the closed forms against the model\'s double integral over lambda and mu (quadrature.ts)', () => {
  // Both branches of A0 (alpha >= beta and alpha < beta), a customer without repeat purchases and one with 40.
  const cases = [
    { params: FITTED, x: 2, tx: 30.43, T: 38.86 },
    { params: FITTED, x: 0, tx: 0, T: 38.86 },
    { params: { r: 1.3, alpha: 3, s: 0.4, beta: 30 }, x: 40, tx: 20, T: 52 },
    { params: { r: 0.8, alpha: 25, s: 2.5, beta: 4 }, x: 5, tx: 10, T: 60 },
  ];

  it('the likelihood (FHL 2005 note eq. 22 with the 2F1) equals the integral to 1e-9 relative', () => {
    for (const { params, x, tx, T } of cases) {
      const closed = paretoNbdCustomerLogLikelihood(params, x, tx, T);
      const integral = Math.log(paretoNbdIntegral(params, individualLogLikelihood(x, tx, T)));
      expectClose(closed, integral, 1e-9 * Math.max(1, Math.abs(integral)));
    }
  });

  it('P(X(t) = n) (FHL 2006 note eq. 20) equals the integral to 1e-9 for n = 0, 3, 10 in both branches', () => {
    for (const params of [FITTED, { r: 0.8, alpha: 25, s: 2.5, beta: 4 }]) {
      for (const n of [0, 3, 10]) {
        expectClose(paretoNbdProbabilityOfPurchases(params, 39, n), paretoNbdIntegral(params, individualLogPurchases(39, n)), 1e-9);
      }
    }
  });
});

describe('forecasts', () => {
  it('E[X(t)] is the mean of P(X(t) = n), and the s = 1 limit r beta / alpha ln(1 + t / beta) is continuous', () => {
    let mean = 0;
    for (let n = 0; n < 500; n++) mean += n * paretoNbdProbabilityOfPurchases(FITTED, 39, n);
    expectClose(mean, paretoNbdExpectedPurchases(FITTED, 39), 1e-9);
    const atOne = paretoNbdExpectedPurchases({ r: 0.5, alpha: 10, s: 1, beta: 12 }, 39);
    expectClose(atOne, (0.5 * 12) / 10 * Math.log(1 + 39 / 12), 1e-14);
    expectClose(paretoNbdExpectedPurchases({ r: 0.5, alpha: 10, s: 1 + 1e-9, beta: 12 }, 39), atOne, 1e-8);
  });

  it('conditional E[Y(t)] is FHL 2005 note eq. 20 with P(alive) from eq. 18', () => {
    const { r, alpha, s, beta } = FITTED;
    const [x, tx, T, t] = [2, 30.43, 38.86, 39];
    const alive = paretoNbdProbabilityAlive(FITTED, x, tx, T);
    const eq20 = (((r + x) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1)) * alive;
    expectClose(paretoNbdConditionalExpectedPurchases(FITTED, t, x, tx, T), eq20, 1e-12);
  });

  it('P(alive) is 1 - P(dead), the share of the likelihood from "alive at T", by the integral', () => {
    const [x, tx, T] = [3, 12, 38];
    const aliveShare = paretoNbdIntegral(FITTED, (lambda, mu) => x * Math.log(lambda) - (lambda + mu) * T) / paretoNbdIntegral(FITTED, individualLogLikelihood(x, tx, T));
    expectClose(paretoNbdProbabilityAlive(FITTED, x, tx, T), aliveShare, 1e-9);
  });

  it('property: P(X(t) = n) sums to 1, P(alive) is in [0, 1] and falls with the time since the last purchase, E[Y(t)] rises with t', () => {
    const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
    fc.assert(
      // Means r t / alpha up to 30 purchases: the sum then needs a few hundred terms of n + 1 2F1s each.
      fc.property(positive(0.05, 2), positive(4, 50), positive(0.05, 5), positive(0.5, 50), positive(1, 60), (r, alpha, s, beta, t) => {
        const params = { r, alpha, s, beta };
        let sum = 0;
        for (let n = 0; n < 3000; n++) {
          const p = paretoNbdProbabilityOfPurchases(params, t, n);
          sum += p;
          if (n > 50 && p < 1e-17) break;
        }
        expect(Math.abs(sum - 1)).toBeLessThan(1e-7);
        const early = paretoNbdProbabilityAlive(params, 3, 10, 40);
        const late = paretoNbdProbabilityAlive(params, 3, 30, 40);
        expect(early).toBeGreaterThanOrEqual(0);
        expect(late).toBeLessThanOrEqual(1);
        expect(late).toBeGreaterThan(early);
        expect(paretoNbdProbabilityAlive(params, 3, 10, 60)).toBeLessThan(early);
        expect(paretoNbdConditionalExpectedPurchases(params, 2 * t, 3, 10, 40)).toBeGreaterThan(paretoNbdConditionalExpectedPurchases(params, t, 3, 10, 40));
      }),
      { numRuns: 25 },
    );
  });

  it('stays finite for a customer with 5,000 purchases and for alpha = beta', () => {
    // About 50 purchases a week: a silent last week makes her probably dead, a silent last hour probably not.
    expect(Number.isFinite(paretoNbdCustomerLogLikelihood(FITTED, 5000, 99, 100))).toBe(true);
    expect(paretoNbdProbabilityAlive(FITTED, 5000, 99, 100)).toBeLessThan(1e-10);
    expect(paretoNbdProbabilityAlive(FITTED, 5000, 99.99, 100)).toBeGreaterThan(0.5);
    const equal = { r: 0.5, alpha: 10, s: 0.6, beta: 10 };
    expectClose(paretoNbdCustomerLogLikelihood(equal, 3, 20, 38), paretoNbdCustomerLogLikelihood({ ...equal, beta: 10 * (1 + 1e-9) }, 3, 20, 38), 1e-7);
  });
});
