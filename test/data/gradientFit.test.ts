// Large data sets are fitted by BFGS on an analytic gradient (issue 14, item 9):
// the same optimum as Nelder-Mead, in a fraction of the likelihood evaluations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DROPOUT_CONCENTRATION,
  bgnbdLogLikelihood,
  bgnbdLogLikelihoodGradient,
  fitBgNbd,
  GRADIENT_FIT_ENTRIES,
  prepareBgNbd,
  SUBSAMPLE_START_CUSTOMERS,
  type BgNbdParameters,
} from '../../src/data/bgnbd.ts';
import {
  fitGammaGamma,
  gammaGammaLogLikelihood,
  gammaGammaLogLikelihoodGradient,
  gammaGammaStart,
  GRADIENT_FIT_CUSTOMERS,
  prepareGammaGamma,
  SUBSAMPLE_START_BUYERS,
  type GammaGammaParameters,
} from '../../src/data/gammaGamma.ts';
import { minimize } from '../../src/data/optimize.ts';
import { simulateBgNbd } from '../../src/data/simulate.ts';
import { relative } from './fixtures.ts';

/** CDNOW-like customers with purchase days rounded to whole days (in weeks), as an import gives them. */
function simulatedSummary(customers: number) {
  const sim = simulateBgNbd({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { customers, seed: 7, minT: 26, maxT: 104 });
  const day = (weeks: number) => Math.round(weeks * 7) / 7;
  return { frequency: sim.frequency, recency: Float64Array.from(sim.recency, day), T: Float64Array.from(sim.T, day) };
}

function simulated(customers: number) {
  return prepareBgNbd(simulatedSummary(customers));
}

/** Mean spends of repeat buyers: nu ~ Gamma(3.7, 15.4), each purchase ~ Gamma(6.2, nu) (a Lehmer generator keeps it reproducible). */
function spends(customers: number) {
  let seed = 1;
  const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const gammaDraw = (shape: number): number => {
    // Marsaglia and Tsang (2000).
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const frequency = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const x = 1 + Math.floor(uniform() * 6);
    const nu = gammaDraw(3.7) / 15.4;
    let sum = 0;
    for (let k = 0; k < x; k++) sum += gammaDraw(6.2) / nu;
    frequency[i] = x;
    monetary[i] = sum / x;
  }
  return prepareGammaGamma(frequency, monetary);
}

const central = (f: (logs: number[]) => number, at: number[]): number[] =>
  at.map((_, i) => {
    const h = 1e-6;
    const up = at.slice();
    const down = at.slice();
    up[i] = (up[i] as number) + h;
    down[i] = (down[i] as number) - h;
    return (f(up) - f(down)) / (2 * h);
  });

const bg = (l: number[]): BgNbdParameters => ({ r: Math.exp(l[0] as number), alpha: Math.exp(l[1] as number), a: Math.exp(l[2] as number), b: Math.exp(l[3] as number) });
const gg = (l: number[]): GammaGammaParameters => ({ p: Math.exp(l[0] as number), q: Math.exp(l[1] as number), v: Math.exp(l[2] as number) });

describe('analytic gradients', () => {
  it('BG/NBD: the value of bgnbdLogLikelihood and its central differences in the log-parameters', () => {
    const data = simulated(3000);
    const at = [Math.log(0.3), Math.log(5), Math.log(0.6), Math.log(2)];
    const gradient = [0, 0, 0, 0];
    expect(relative(bgnbdLogLikelihoodGradient(bg(at), data, gradient), bgnbdLogLikelihood(bg(at), data))).toBeLessThan(1e-13);
    const expected = central((l) => bgnbdLogLikelihood(bg(l), data), at);
    gradient.forEach((g, i) => expect(Math.abs(g - (expected[i] as number))).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected[i] as number))));
  });

  it('Gamma-Gamma: the value of gammaGammaLogLikelihood and its central differences', () => {
    const data = spends(3000);
    const at = [Math.log(5), Math.log(3), Math.log(12)];
    const gradient = [0, 0, 0];
    expect(relative(gammaGammaLogLikelihoodGradient(gg(at), data, gradient), gammaGammaLogLikelihood(gg(at), data))).toBeLessThan(1e-13);
    const expected = central((l) => gammaGammaLogLikelihood(gg(l), data), at);
    gradient.forEach((g, i) => expect(Math.abs(g - (expected[i] as number))).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected[i] as number))));
  });
});

describe('the gradient fit of large data finds the Nelder-Mead optimum', () => {
  it('BG/NBD on 60,000 simulated customers: same parameters to 1e-5, same log-likelihood to 1e-10, a fifth of the evaluations', () => {
    const data = simulated(60_000);
    expect(data.entryWeight.length).toBeGreaterThanOrEqual(GRADIENT_FIT_ENTRIES);
    const fast = fitBgNbd(data);
    const objective = (l: readonly number[]) => -bgnbdLogLikelihood(bg([...l]), data) / data.customers;
    const slow = minimize(objective, [[0, Math.log(fast.alpha / fast.r), 0, 0]]);
    const p = bg(slow.x);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(fast[key], p[key]), key).toBeLessThan(1e-5);
    expect(relative(fast.logLik, bgnbdLogLikelihood(p, data))).toBeLessThan(1e-10);
    expect(fast.logLik).toBeGreaterThanOrEqual(bgnbdLogLikelihood(p, data) - 1e-6);
    expect(fast.evaluations * 5).toBeLessThan(slow.evaluations);
  }, 120_000);

  it('BG/NBD on 200,000 customers starts where a tenth of them ends: the optimum of the whole data, to 1e-6', () => {
    const summary = simulatedSummary(SUBSAMPLE_START_CUSTOMERS);
    const started = fitBgNbd(summary);
    // Prepared data skip the sample start: a plain search over every customer.
    const plain = fitBgNbd(prepareBgNbd(summary));
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(relative(started[key], plain[key]), key).toBeLessThan(1e-6);
    expect(started.logLik).toBeGreaterThanOrEqual(plain.logLik - 1e-6);
    expect(started.converged).toBe(true);
  }, 120_000);

  it('Gamma-Gamma on 200,000 repeat buyers starts where a tenth of them ends: the optimum of the whole data, to 1e-6', () => {
    const data = spends(SUBSAMPLE_START_BUYERS);
    const started = fitGammaGamma(data);
    // An explicit start skips the sample: a plain search over every buyer from the usual start.
    const plain = fitGammaGamma(data, { starts: [gammaGammaStart(data)] });
    for (const key of ['p', 'q', 'v'] as const) expect(relative(started[key], plain[key]), key).toBeLessThan(1e-6);
    expect(started.logLik).toBeGreaterThanOrEqual(plain.logLik - 1e-6);
  }, 120_000);

  it('Gamma-Gamma on 30,000 repeat buyers: the same parameters and log-likelihood, a quarter of the evaluations', () => {
    const data = spends(30_000);
    expect(data.customers).toBeGreaterThanOrEqual(GRADIENT_FIT_CUSTOMERS);
    const fast = fitGammaGamma(data);
    const objective = (l: readonly number[]) => -gammaGammaLogLikelihood(gg([...l]), data) / data.customers;
    const slow = minimize(objective, [[Math.log(2), Math.log(3), Math.log(30)]]);
    const p = gg(slow.x);
    for (const key of ['p', 'q', 'v'] as const) expect(relative(fast[key], p[key]), key).toBeLessThan(1e-5);
    expect(relative(fast.logLik, gammaGammaLogLikelihood(p, data))).toBeLessThan(1e-10);
    expect(fast.evaluations * 4).toBeLessThan(slow.evaluations);
  }, 120_000);

  it('Gamma-Gamma on 30,000 buyers without spread between customers: the limit q, v -> infinity (v / q fixed) in BFGS evaluations only', () => {
    // Every purchase ~ Gamma(6.2, 6.2 / 35) for everyone: one nu, so the likelihood rises towards q -> infinity.
    let seed = 5;
    const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const frequency = new Float64Array(30_000);
    const monetary = new Float64Array(30_000);
    for (let i = 0; i < frequency.length; i++) {
      const x = 1 + (i % 5);
      let sum = 0;
      // An Erlang(6) draw per purchase: shape 6, mean 35.
      for (let k = 0; k < x; k++) for (let j = 0; j < 6; j++) sum -= (35 / 6) * Math.log(uniform());
      frequency[i] = x;
      monetary[i] = sum / x;
    }
    const fit = fitGammaGamma(prepareGammaGamma(frequency, monetary));
    expect(fit.q).toBeGreaterThan(1e3);
    expect(relative((fit.p * fit.v) / (fit.q - 1), 35)).toBeLessThan(0.01);
    expect(relative(fit.p, 6)).toBeLessThan(0.05);
    expect(fit.evaluations).toBeLessThan(1000);
  }, 120_000);
});

/**
 * Customers whose last purchase falls anywhere in their time with the firm,
 * as in bench/data.ts's generated summary: no drop-out shows, so the BG/NBD
 * likelihood keeps rising as a + b -> infinity with a / (a + b) fixed.
 */
function withoutVisibleDropout(customers: number) {
  let seed = 12345;
  const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    const age = 1 + Math.floor(uniform() * 730);
    const x = uniform() < 0.35 ? 0 : Math.min(age, Math.floor(-Math.log(uniform()) * 4) + 1);
    frequency[c] = x;
    recency[c] = x === 0 ? 0 : Math.max(x, Math.floor(uniform() * age)) / 7;
    T[c] = age / 7;
  }
  return { frequency, recency, T };
}

describe('BG/NBD gradient fit on large summaries (issue 15, bench importSummary)', () => {
  it('the gradient equals central differences of the log-likelihood at any parameters (whole x summed exactly)', () => {
    const data = simulated(3_000);
    fc.assert(
      fc.property(
        fc.double({ min: Math.log(0.05), max: Math.log(5), noNaN: true }),
        fc.double({ min: Math.log(0.5), max: Math.log(50), noNaN: true }),
        fc.double({ min: Math.log(0.1), max: Math.log(10), noNaN: true }),
        fc.double({ min: Math.log(0.5), max: Math.log(50), noNaN: true }),
        (lr, lalpha, la, lb) => {
          const at = [lr, lalpha, la, lb];
          const gradient = [0, 0, 0, 0];
          const value = bgnbdLogLikelihoodGradient(bg(at), data, gradient);
          expect(relative(value, bgnbdLogLikelihood(bg(at), data))).toBeLessThan(1e-12);
          const expected = central((l) => bgnbdLogLikelihood(bg(l), data), at);
          gradient.forEach((g, i) => expect(Math.abs(g - (expected[i] as number))).toBeLessThan(1e-4 * Math.max(1, Math.abs(expected[i] as number))));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('without visible drop-out the fit stops at the concentration cap in few evaluations, at the best p, r and alpha there', () => {
    const data = prepareBgNbd(withoutVisibleDropout(100_000));
    expect(data.entryWeight.length).toBeGreaterThanOrEqual(GRADIENT_FIT_ENTRIES);
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(relative(fit.a + fit.b, MAX_DROPOUT_CONCENTRATION)).toBeLessThan(1e-12);
    // Was several hundred (a search along the ridge, then the fallback starts); now a few dozen.
    expect(fit.evaluations).toBeLessThan(80);
    // A maximum on the cap: moving r, alpha or p = a / (a + b) either way lowers the likelihood.
    const p = fit.a / (fit.a + fit.b);
    const at = (r: number, alpha: number, share: number) =>
      bgnbdLogLikelihood({ r, alpha, a: share * MAX_DROPOUT_CONCENTRATION, b: (1 - share) * MAX_DROPOUT_CONCENTRATION }, data);
    for (const step of [1.001, 0.999]) {
      expect(at(fit.r * step, fit.alpha, p)).toBeLessThan(fit.logLik);
      expect(at(fit.r, fit.alpha * step, p)).toBeLessThan(fit.logLik);
      expect(at(fit.r, fit.alpha, p * step)).toBeLessThan(fit.logLik);
    }
  }, 120_000);
});
