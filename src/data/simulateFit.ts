// "Simulate, fit, compare" (issue 16, item 8): customers drawn from known
// BG/NBD and Gamma-Gamma parameters, fitted back, and the recovered values
// with their Hessian intervals set against the true ones, for growing N. It
// teaches how much data a forecast needs: the intervals narrow like 1/sqrt(N),
// and the CLV forecast under the recovered values closes in on the true one.
import { fitBgNbd, prepareBgNbd, type BgNbdParameters } from './bgnbd.ts';
import { CLV_DEFAULTS, customerLifetimeValue } from './clv.ts';
import { fitGammaGamma, prepareGammaGamma, type GammaGammaParameters } from './gammaGamma.ts';
import { gammaGammaHessianIntervals, hessianIntervals, type ParameterInterval } from './intervals.ts';
import { simulateBgNbd } from './simulate.ts';
import { gamma } from '../engine/random.ts';

export interface SimulateFitInput {
  bgnbd: BgNbdParameters;
  gammaGamma: GammaGammaParameters;
  seed: number;
  /** Observation window in weeks; customers join over its first 30 % (a cohort acquired over a while, like CDNOW's 12 of 39 weeks). */
  weeks: number;
}

export interface SimulateFitRun {
  customers: number;
  /** Customers with at least one repeat purchase (the Gamma-Gamma fit sees only them). */
  repeatBuyers: number;
  /** Recovered BG/NBD parameters r, alpha, a, b with 95 % intervals; null when the information matrix is singular. */
  bgnbd: ParameterInterval[] | null;
  /** Recovered Gamma-Gamma p, q, v; null when there are too few repeat buyers for intervals. */
  gammaGamma: ParameterInterval[] | null;
  /** Expected one-year revenue (repeat purchases, 10 % discount) of a new customer under the recovered parameters; null without a finite forecast. */
  clvRecovered: number | null;
}

export interface SimulateFitResult {
  /** The same CLV under the true parameters. */
  clvTrue: number;
  runs: SimulateFitRun[];
}

/** The customer counts the section compares. */
export const SIMULATION_SIZES = [100, 1_000, 10_000, 100_000] as const;

/** A seed of its own for the spend draws, so that spend stays independent of the purchase process (which uses the main seed's streams). */
const SPEND_SEED_OFFSET = 0x5bd1e995;

/**
 * Mean repeat spend per customer: nu ~ Gamma(q, v) (rate v), each purchase
 * Gamma(p, nu), so the mean of x purchases is Gamma(p x, x nu) (FHL 2005 JMR,
 * section 3). Zero for customers without repeat purchases.
 */
export function simulateMeanSpend(params: GammaGammaParameters, frequency: ArrayLike<number>, seed: number): Float64Array {
  const spendSeed = (seed ^ SPEND_SEED_OFFSET) >>> 0;
  const monetary = new Float64Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    if (!(x > 0)) continue;
    const nu = gamma(params.q, spendSeed, i, 0) / params.v;
    monetary[i] = gamma(params.p * x, spendSeed, i, 1) / (x * nu);
  }
  return monetary;
}

/** The CLV the section shows: a new customer (no purchases yet, observed for no time). */
export function newCustomerClv(bgnbd: BgNbdParameters, gammaGamma: GammaGammaParameters): number {
  return customerLifetimeValue(bgnbd, gammaGamma, { x: 0, tx: 0, T: 0, mbar: 0 }, CLV_DEFAULTS);
}

export function simulateAndFitOnce(input: SimulateFitInput, customers: number): SimulateFitRun {
  const sample = simulateBgNbd(input.bgnbd, { customers, seed: input.seed, minT: 0.7 * input.weeks, maxT: input.weeks });
  const data = prepareBgNbd(sample);
  const bg = fitBgNbd(data);
  const bgIntervals = hessianIntervals({ name: 'bgnbd', values: [bg.r, bg.alpha, bg.a, bg.b], logLik: bg.logLik, customers: bg.customers, converged: bg.converged }, data);
  const spendData = prepareGammaGamma(sample.frequency, simulateMeanSpend(input.gammaGamma, sample.frequency, input.seed));
  const gg = spendData.customers >= 3 ? fitGammaGamma(spendData) : null;
  const ggIntervals = gg === null ? null : gammaGammaHessianIntervals(gg, spendData);
  const clv = gg === null ? Number.NaN : newCustomerClv(bg, gg);
  return {
    customers,
    repeatBuyers: spendData.customers,
    bgnbd: bgIntervals?.intervals ?? null,
    gammaGamma: ggIntervals,
    clvRecovered: Number.isFinite(clv) ? clv : null,
  };
}

/** Every size in turn (customer i keeps her history as N grows: the samples are nested); onRun reports each as it is done. */
export function simulateAndFit(input: SimulateFitInput, sizes: readonly number[] = SIMULATION_SIZES, onRun?: (run: SimulateFitRun, done: number, total: number) => void): SimulateFitResult {
  const runs: SimulateFitRun[] = [];
  for (const size of sizes) {
    const run = simulateAndFitOnce(input, size);
    runs.push(run);
    onRun?.(run, runs.length, sizes.length);
  }
  return { clvTrue: newCustomerClv(input.bgnbd, input.gammaGamma), runs };
}
