// Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV", JMR
// 42(4); Hardie's note 025; MODEL.md section 6): a customer's transaction
// values are Gamma(p, nu) with nu ~ Gamma(q, v) across customers. Fitted on
// repeat buyers only (x > 0) from their mean repeat spend mbar.
//
// Log-likelihood per customer (as in lifetimes' GammaGammaFitter):
//   ln Gamma(p x + q) - ln Gamma(p x) - ln Gamma(q) + q ln v
//   + (p x - 1) ln mbar + p x ln x - (p x + q) ln(x mbar + v)
// A repeat buyer whose mean spend is not positive has no likelihood under the
// model (ln 0): such customers are left out of the fit and counted.
import { bfgsWithFallbacks, minimize, MINIMIZE_DEFAULTS, withOffset, type MinimizeOptions } from './optimize.ts';
import { logGamma } from './special.ts';

export interface GammaGammaParameters {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParameters {
  logLik: number;
  /** Repeat buyers in the likelihood. */
  customers: number;
  /** Repeat buyers left out because their mean spend was zero, negative or not finite. */
  excluded: number;
  converged: boolean;
  evaluations: number;
}

export interface GammaGammaData {
  customers: number;
  excluded: number;
  /** Distinct frequencies and the number of customers with each (for the ln Gamma terms). */
  xValues: Float64Array;
  xWeight: Float64Array;
  /** Per customer: x and x mbar (for -(p x + q) ln(x mbar + v)). */
  frequency: Float64Array;
  totalSpend: Float64Array;
  /** Sums over customers of x (ln mbar + ln x) and of ln mbar: the parts linear in p. */
  sumXLogXM: number;
  sumLogM: number;
}

export function prepareGammaGamma(frequency: ArrayLike<number>, monetary: ArrayLike<number>): GammaGammaData {
  const weights = new Map<number, number>();
  const xs: number[] = [];
  const spend: number[] = [];
  let sumXLogXM = 0;
  let sumLogM = 0;
  let excluded = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i] as number;
    if (!(x > 0) || !Number.isFinite(x)) continue;
    const m = monetary[i] as number;
    if (!(m > 0) || !Number.isFinite(m)) {
      excluded++;
      continue;
    }
    weights.set(x, (weights.get(x) ?? 0) + 1);
    xs.push(x);
    spend.push(x * m);
    sumXLogXM += x * (Math.log(m) + Math.log(x));
    sumLogM += Math.log(m);
  }
  const distinct = [...weights.keys()];
  return {
    customers: xs.length,
    excluded,
    xValues: Float64Array.from(distinct),
    xWeight: Float64Array.from(distinct, (x) => weights.get(x) ?? 0),
    frequency: Float64Array.from(xs),
    totalSpend: Float64Array.from(spend),
    sumXLogXM,
    sumLogM,
  };
}

/** Total log-likelihood (sum over the repeat buyers) of the prepared data. */
export function gammaGammaLogLikelihood(params: GammaGammaParameters, data: GammaGammaData): number {
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) return Number.NEGATIVE_INFINITY;
  const n = data.customers;
  let total = n * (q * Math.log(v) - logGamma(q)) + p * data.sumXLogXM - data.sumLogM;
  for (let k = 0; k < data.xValues.length; k++) {
    const px = p * (data.xValues[k] as number);
    total += (data.xWeight[k] as number) * (logGamma(px + q) - logGamma(px));
  }
  const { frequency, totalSpend } = data;
  for (let i = 0; i < n; i++) total -= (p * (frequency[i] as number) + q) * Math.log((totalSpend[i] as number) + v);
  return total;
}

/** Step of the central differences of the per-x part, in log-parameters. */
const CHEAP_STEP = 1e-5;

/** Everything but the per-customer sum -(p x + q) ln(x mbar + v): few terms (one per distinct x). */
function cheapLogLikelihood(p: number, q: number, v: number, data: GammaGammaData): number {
  let total = data.customers * (q * Math.log(v) - logGamma(q)) + p * data.sumXLogXM - data.sumLogM;
  for (let k = 0; k < data.xValues.length; k++) {
    const px = p * (data.xValues[k] as number);
    total += (data.xWeight[k] as number) * (logGamma(px + q) - logGamma(px));
  }
  return total;
}

/**
 * The log-likelihood and its gradient in (ln p, ln q, ln v), equal in value to
 * gammaGammaLogLikelihood: the per-customer sum analytically (d/dp = -sum x ln(x mbar + v),
 * d/dq = -sum ln(x mbar + v), d/dv = -sum (p x + q)/(x mbar + v)), the rest by central differences.
 */
export function gammaGammaLogLikelihoodGradient(params: GammaGammaParameters, data: GammaGammaData, gradient: number[]): number {
  const { p, q, v } = params;
  if (!(p > 0 && q > 0 && v > 0)) return Number.NEGATIVE_INFINITY;
  const { frequency, totalSpend } = data;
  let total = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  for (let i = 0; i < data.customers; i++) {
    const x = frequency[i] as number;
    const shifted = (totalSpend[i] as number) + v;
    const logShifted = Math.log(shifted);
    const weight = p * x + q;
    total -= weight * logShifted;
    dp -= x * logShifted;
    dq -= logShifted;
    dv -= weight / shifted;
  }
  const logs = [Math.log(p), Math.log(q), Math.log(v)];
  const cheap = (at: number[]): number => cheapLogLikelihood(Math.exp(at[0] as number), Math.exp(at[1] as number), Math.exp(at[2] as number), data);
  const analytic = [p * dp, q * dq, v * dv];
  for (let i = 0; i < 3; i++) {
    const up = logs.slice();
    const down = logs.slice();
    up[i] = (up[i] as number) + CHEAP_STEP;
    down[i] = (down[i] as number) - CHEAP_STEP;
    gradient[i] = (analytic[i] as number) + (cheap(up) - cheap(down)) / (2 * CHEAP_STEP);
  }
  return total + cheapLogLikelihood(p, q, v, data);
}

/** From this many repeat buyers on, BFGS on the gradient first (as bgnbd.ts); fewer, CDNOW among them, keep Nelder-Mead exactly. */
export const GRADIENT_FIT_CUSTOMERS = 20_000;

export interface GammaGammaFitOptions {
  starts?: readonly GammaGammaParameters[];
  minimize?: MinimizeOptions;
  /** Likelihood evaluations so far, reported while the fit runs (progress). */
  onEvaluations?: (evaluations: number) => void;
}

/**
 * A start from the data: p = 2, q = 3 and v matching the mean spend
 * (E[Z] = p v / (q - 1)). Only saves evaluations; the tests start far away.
 */
export function gammaGammaStart(data: GammaGammaData): GammaGammaParameters {
  let spend = 0;
  let purchases = 0;
  for (let i = 0; i < data.customers; i++) {
    spend += data.totalSpend[i] as number;
    purchases += data.frequency[i] as number;
  }
  const mean = purchases > 0 && spend > 0 ? spend / purchases : 1;
  return { p: 2, q: 3, v: mean };
}

/** As in bgnbd.ts: a log-parameter beyond e^12 counts as running off to the boundary. */
const LOG_BOUND = 12;

const fallbackStarts = (base: GammaGammaParameters): GammaGammaParameters[] => [
  { p: 1, q: 2, v: base.v / 2 },
  { p: 5, q: 5, v: base.v * 2 },
];

/** From this many repeat buyers on, a fit starts where a fit of every SUBSAMPLE_STEP-th of them ended. */
export const SUBSAMPLE_START_BUYERS = 200_000;
const SUBSAMPLE_STEP = 10;

/** Every `step`-th repeat buyer, prepared anew. */
function everyNth(data: GammaGammaData, step: number): GammaGammaData {
  const count = Math.ceil(data.customers / step);
  const frequency = Float64Array.from({ length: count }, (_, i) => data.frequency[i * step] as number);
  const mean = Float64Array.from({ length: count }, (_, i) => (data.totalSpend[i * step] as number) / (data.frequency[i * step] as number));
  return prepareGammaGamma(frequency, mean);
}

export function fitGammaGamma(input: GammaGammaData, options: GammaGammaFitOptions = {}): GammaGammaFit {
  const data = input;
  if (options.starts === undefined && data.customers >= SUBSAMPLE_START_BUYERS) {
    // As for BG/NBD: the sample only chooses where the whole data's search begins.
    const { onEvaluations: report, ...quiet } = options;
    const sample = fitGammaGamma(everyNth(data, SUBSAMPLE_STEP), quiet);
    const starts = [{ p: sample.p, q: sample.q, v: sample.v }];
    const whole = fitGammaGamma(data, report === undefined ? { ...quiet, starts } : { ...quiet, starts, onEvaluations: report });
    return { ...whole, evaluations: whole.evaluations + sample.evaluations };
  }
  const scale = Math.max(data.customers, 1);
  const objective = (x: readonly number[]): number =>
    -gammaGammaLogLikelihood({ p: Math.exp(x[0] as number), q: Math.exp(x[1] as number), v: Math.exp(x[2] as number) }, data) / scale;
  const toLog = (s: GammaGammaParameters): number[] => [Math.log(s.p), Math.log(s.q), Math.log(s.v)];
  const base = gammaGammaStart(data);
  const chosen = options.minimize ?? MINIMIZE_DEFAULTS;
  const report = options.onEvaluations;
  const settings: MinimizeOptions = report === undefined ? chosen : { ...chosen, onIteration: report };
  if (data.customers >= GRADIENT_FIT_CUSTOMERS) {
    const withGradient = (x: readonly number[], gradient: number[]): number => {
      const value = -gammaGammaLogLikelihoodGradient({ p: Math.exp(x[0] as number), q: Math.exp(x[1] as number), v: Math.exp(x[2] as number) }, data, gradient) / scale;
      for (let i = 0; i < 3; i++) gradient[i] = -(gradient[i] as number) / scale;
      return value;
    };
    // A boundary optimum (q, v -> infinity on spend without spread between customers) or a stalled search: the fallback starts too.
    const fast = bfgsWithFallbacks(withGradient, toLog(options.starts?.[0] ?? base), fallbackStarts(base).map(toLog), LOG_BOUND, report);
    // Nelder-Mead would cost thousands of evaluations over all buyers: only for a value that is not finite.
    if (Number.isFinite(fast.value)) {
      const [lp, lq, lv] = fast.x as [number, number, number];
      const params = { p: Math.exp(lp), q: Math.exp(lq), v: Math.exp(lv) };
      return { ...params, logLik: gammaGammaLogLikelihood(params, data), customers: data.customers, excluded: data.excluded, converged: fast.converged, evaluations: fast.evaluations };
    }
  }
  let best = minimize(objective, (options.starts ?? [base]).map(toLog), settings);
  let evaluations = best.evaluations;
  if (best.x.some((v) => Math.abs(v) > LOG_BOUND) || !Number.isFinite(best.value)) {
    const fallback = minimize(objective, fallbackStarts(base).map(toLog), withOffset(settings, evaluations));
    evaluations += fallback.evaluations;
    if (fallback.value < best.value) best = fallback;
  }
  const [lp, lq, lv] = best.x as [number, number, number];
  const params = { p: Math.exp(lp), q: Math.exp(lq), v: Math.exp(lv) };
  return {
    ...params,
    logLik: data.customers > 0 ? gammaGammaLogLikelihood(params, data) : 0,
    customers: data.customers,
    excluded: data.excluded,
    converged: best.converged,
    evaluations,
  };
}

/**
 * E[Z | x, mbar]: expected mean transaction value of a customer with x repeat
 * purchases of mean value mbar (Fader, Hardie and Lee 2005 JMR eq. 5; lifetimes'
 * conditional_expected_average_profit): a weighted mean of the population
 * mean p v / (q - 1) and the customer's own mbar, w = p x / (p x + q - 1).
 * For x = 0 it is the population mean. Needs q > 1 (finite mean).
 */
export function conditionalExpectedAverageProfit(params: GammaGammaParameters, x: number, mbar: number): number {
  const { p, q, v } = params;
  const populationMean = (p * v) / (q - 1);
  if (!(x > 0)) return populationMean;
  const w = (p * x) / (p * x + q - 1);
  return (1 - w) * populationMean + w * mbar;
}
