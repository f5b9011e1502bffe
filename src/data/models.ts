// The three purchase models side by side (issue 16): BG/NBD (bgnbd.ts),
// MBG/NBD (mbgnbd.ts) and Pareto/NBD (paretoNbd.ts), behind one interface
// so that comparison, tracking, per-customer views and intervals treat them
// alike. A fitted model is plain data (it crosses the worker boundary); its
// forecasts come from forecasterOf.
import {
  bgnbdLogLikelihood,
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdData,
  type BgNbdParameters,
} from './bgnbd.ts';
import {
  fitMbgNbd,
  mbgnbdConditionalExpectedPurchases,
  mbgnbdExpectedPurchases,
  mbgnbdLogLikelihood,
  mbgnbdPosterior,
  mbgnbdProbabilityAlive,
} from './mbgnbd.ts';
import type { MinimizeOptions } from './optimize.ts';
import {
  fitParetoNbd,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdLogLikelihood,
  paretoNbdPosterior,
  paretoNbdProbabilityAlive,
  paretoNbdProbabilityOfPurchases,
  type ParetoNbdParameters,
} from './paretoNbd.ts';
import { bgnbdProbabilityOfPurchases, conditionalProbabilityOfPurchases } from './purchaseCounts.ts';

export const MODEL_NAMES = ['bgnbd', 'mbgnbd', 'pnbd'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

/** Parameter names in the order the papers and the CLI print them. */
export const PARAMETER_NAMES: Readonly<Record<ModelName, readonly string[]>> = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  mbgnbd: ['r', 'alpha', 'a', 'b'],
  pnbd: ['r', 'alpha', 's', 'beta'],
};

export interface FittedModel {
  name: ModelName;
  /** Values in the order of PARAMETER_NAMES[name]. */
  values: number[];
  logLik: number;
  customers: number;
  converged: boolean;
}

export interface Forecaster {
  probabilityAlive(x: number, tx: number, T: number): number;
  /** E[Y(t) | x, t_x, T]. */
  expectedPurchases(t: number, x: number, tx: number, T: number): number;
  /** P(Y(t) = n | x, t_x, T). */
  probabilityOfPurchases(t: number, n: number, x: number, tx: number, T: number): number;
  /** E[X(t)] of a customer in her first t periods after the first purchase (tracking charts). */
  newCustomerPurchases(t: number): number;
}

export function parametersOf(model: Pick<FittedModel, 'name' | 'values'>): Record<string, number> {
  const names = PARAMETER_NAMES[model.name];
  return Object.fromEntries(names.map((key, i) => [key, model.values[i] as number]));
}

function asBg(values: readonly number[]): BgNbdParameters {
  return { r: values[0] as number, alpha: values[1] as number, a: values[2] as number, b: values[3] as number };
}

function asPareto(values: readonly number[]): ParetoNbdParameters {
  return { r: values[0] as number, alpha: values[1] as number, s: values[2] as number, beta: values[3] as number };
}

export function modelLogLikelihood(name: ModelName, values: readonly number[], data: BgNbdData): number {
  if (name === 'bgnbd') return bgnbdLogLikelihood(asBg(values), data);
  if (name === 'mbgnbd') return mbgnbdLogLikelihood(asBg(values), data);
  return paretoNbdLogLikelihood(asPareto(values), data);
}

export interface FitModelOptions {
  /** A start for the optimiser, e.g. the full-data fit for a bootstrap resample. */
  start?: readonly number[];
  minimize?: MinimizeOptions;
}

export function fitModel(name: ModelName, data: BgNbdData, options: FitModelOptions = {}): FittedModel {
  const extra = options.minimize === undefined ? {} : { minimize: options.minimize };
  if (name === 'pnbd') {
    const fit = fitParetoNbd(data, options.start === undefined ? extra : { ...extra, starts: [asPareto(options.start)] });
    return { name, values: [fit.r, fit.alpha, fit.s, fit.beta], logLik: fit.logLik, customers: fit.customers, converged: fit.converged };
  }
  const starts = options.start === undefined ? extra : { ...extra, starts: [asBg(options.start)] };
  const fit = name === 'bgnbd' ? fitBgNbd(data, starts) : fitMbgNbd(data, starts);
  return { name, values: [fit.r, fit.alpha, fit.a, fit.b], logLik: fit.logLik, customers: fit.customers, converged: fit.converged };
}

export function forecasterOf(model: Pick<FittedModel, 'name' | 'values'>): Forecaster {
  if (model.name === 'pnbd') {
    const p = asPareto(model.values);
    return {
      probabilityAlive: (x, tx, T) => paretoNbdProbabilityAlive(p, x, tx, T),
      expectedPurchases: (t, x, tx, T) => paretoNbdConditionalExpectedPurchases(p, t, x, tx, T),
      probabilityOfPurchases: (t, n, x, tx, T) =>
        conditionalProbabilityOfPurchases(paretoNbdProbabilityAlive(p, x, tx, T), (k) => paretoNbdProbabilityOfPurchases(paretoNbdPosterior(p, x, T), t, k), n),
      newCustomerPurchases: (t) => paretoNbdExpectedPurchases(p, t),
    };
  }
  const p = asBg(model.values);
  if (model.name === 'mbgnbd') {
    return {
      probabilityAlive: (x, tx, T) => mbgnbdProbabilityAlive(p, x, tx, T),
      expectedPurchases: (t, x, tx, T) => mbgnbdConditionalExpectedPurchases(p, t, x, tx, T),
      probabilityOfPurchases: (t, n, x, tx, T) =>
        conditionalProbabilityOfPurchases(mbgnbdProbabilityAlive(p, x, tx, T), (k) => bgnbdProbabilityOfPurchases(mbgnbdPosterior(p, x, T), t, k), n),
      newCustomerPurchases: (t) => mbgnbdExpectedPurchases(p, t),
    };
  }
  return {
    probabilityAlive: (x, tx, T) => probabilityAlive(p, x, tx, T),
    expectedPurchases: (t, x, tx, T) => conditionalExpectedPurchases(p, t, x, tx, T),
    // A BG/NBD customer alive at T has lambda ~ Gamma(r + x, alpha + T), p ~ Beta(a, b + x) and starts afresh.
    probabilityOfPurchases: (t, n, x, tx, T) =>
      conditionalProbabilityOfPurchases(probabilityAlive(p, x, tx, T), (k) => bgnbdProbabilityOfPurchases({ r: p.r + x, alpha: p.alpha + T, a: p.a, b: p.b + x }, t, k), n),
    newCustomerPurchases: (t) => expectedPurchases(p, t),
  };
}
