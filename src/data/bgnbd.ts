// BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the
// Easy Way", Marketing Science 24(2); MODEL.md section 6): while alive a
// customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha) and
// drops out after each purchase with probability p ~ Beta(a, b).
//
// Likelihood per customer (FHL 2005 eq. 6, in logs as in lifetimes):
//   ln L = A1 + A2 + ln(e^A3 + [x > 0] e^A4)
//   A1 = ln Gamma(r + x) - ln Gamma(r) + r ln alpha
//   A2 = ln B(a, b + x) - ln B(a, b)
//   A3 = -(r + x) ln(alpha + T)
//   A4 = ln a - ln(b + x - 1) - (r + x) ln(alpha + t_x)
// Every term stays finite for x = 0 and for huge x (no Gamma(x) itself is
// ever formed). Fitted by maximum likelihood on log-parameters (optimize.ts).
import { bfgsWithFallbacks, minimize, MINIMIZE_DEFAULTS, withOffset, type MinimizeOptions } from './optimize.ts';
import { hypergeometric2F1, logGamma, logSumExp } from './special.ts';

export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Frequency x (repeat purchases), recency t_x and age T per customer, in one time unit. */
export interface RecencyFrequency {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

export interface BgNbdFit extends BgNbdParameters {
  logLik: number;
  /** Customers in the likelihood (rows with T < 0, recency outside [0, T] or non-finite values are left out). */
  customers: number;
  converged: boolean;
  evaluations: number;
}

/**
 * The calibration data compressed for fast likelihood evaluations: customers
 * with equal (x, t_x, T) share one weighted entry, and logarithms are taken
 * once per distinct T and t_x (with purchase dates in whole days these are few).
 */
export interface BgNbdData {
  customers: number;
  /** Customers without repeat purchases: weight per distinct T. */
  zeroWeight: Float64Array;
  zeroT: Float64Array;
  /** Distinct values of x (> 0), T and t_x among repeat buyers. */
  xValues: Float64Array;
  tValues: Float64Array;
  recencyValues: Float64Array;
  /** Repeat-buyer entries: indices into the distinct values, and weights. */
  entryX: Uint32Array;
  entryT: Uint32Array;
  entryRecency: Uint32Array;
  entryWeight: Float64Array;
}

function indexer(): { index(value: number): number; values(): Float64Array } {
  const seen = new Map<number, number>();
  const list: number[] = [];
  return {
    index(value: number): number {
      let at = seen.get(value);
      if (at === undefined) {
        at = list.length;
        seen.set(value, at);
        list.push(value);
      }
      return at;
    },
    values: () => Float64Array.from(list),
  };
}

export function isValidCustomer(x: number, tx: number, T: number): boolean {
  return Number.isFinite(x) && Number.isFinite(tx) && Number.isFinite(T) && x >= 0 && T >= 0 && tx >= 0 && tx <= T;
}

export function prepareBgNbd(data: RecencyFrequency): BgNbdData {
  const n = data.frequency.length;
  const zeroT = indexer();
  const zeroWeights: number[] = [];
  const xs = indexer();
  const ts = indexer();
  const recencies = indexer();
  // First the distinct values of each column, then entries keyed by one number: a string key per
  // customer ("x,T,t_x") made this the slowest step of a 5M-row summary import (issue 15, bench).
  const repeatX = new Uint32Array(n);
  const repeatT = new Uint32Array(n);
  const repeatRecency = new Uint32Array(n);
  let repeaters = 0;
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i] as number;
    const tx = data.recency[i] as number;
    const T = data.T[i] as number;
    if (!isValidCustomer(x, tx, T)) continue;
    customers++;
    if (x === 0) {
      const at = zeroT.index(T);
      zeroWeights[at] = (zeroWeights[at] ?? 0) + 1;
      continue;
    }
    repeatX[repeaters] = xs.index(x);
    repeatT[repeaters] = ts.index(T);
    repeatRecency[repeaters] = recencies.index(tx);
    repeaters++;
  }
  const tValues = ts.values();
  const recencyValues = recencies.values();
  const entries = new Map<number, number>();
  const entryX: number[] = [];
  const entryT: number[] = [];
  const entryRecency: number[] = [];
  const entryWeight: number[] = [];
  for (let k = 0; k < repeaters; k++) {
    const xi = repeatX[k] as number;
    const ti = repeatT[k] as number;
    const ri = repeatRecency[k] as number;
    const key = (xi * tValues.length + ti) * recencyValues.length + ri;
    const at = entries.get(key);
    if (at !== undefined) {
      entryWeight[at] = (entryWeight[at] as number) + 1;
    } else {
      entries.set(key, entryX.length);
      entryX.push(xi);
      entryT.push(ti);
      entryRecency.push(ri);
      entryWeight.push(1);
    }
  }
  return {
    customers,
    zeroWeight: Float64Array.from(zeroWeights),
    zeroT: zeroT.values(),
    xValues: xs.values(),
    tValues,
    recencyValues,
    entryX: Uint32Array.from(entryX),
    entryT: Uint32Array.from(entryT),
    entryRecency: Uint32Array.from(entryRecency),
    entryWeight: Float64Array.from(entryWeight),
  };
}

/** Scratch arrays per data set, so an optimiser's thousands of evaluations allocate nothing. */
interface Scratch {
  logT: Float64Array;
  logRecency: Float64Array;
  constantX: Float64Array;
  dropoutX: Float64Array;
}
const scratchOf = new WeakMap<BgNbdData, Scratch>();

/** Total log-likelihood (sum over customers) of the prepared data. */
export function bgnbdLogLikelihood(params: BgNbdParameters, data: BgNbdData): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
  let scratch = scratchOf.get(data);
  if (scratch === undefined) {
    scratch = {
      logT: new Float64Array(data.tValues.length),
      logRecency: new Float64Array(data.recencyValues.length),
      constantX: new Float64Array(data.xValues.length),
      dropoutX: new Float64Array(data.xValues.length),
    };
    scratchOf.set(data, scratch);
  }
  const { logT, logRecency, constantX, dropoutX } = scratch;
  const logAlpha = Math.log(alpha);
  const logGammaR = logGamma(r);
  const logGammaB = logGamma(b);
  const logGammaAB = logGamma(a + b);
  const logA = Math.log(a);

  let total = 0;
  // x = 0: A1 = r ln alpha, A2 = 0, only A3.
  for (let k = 0; k < data.zeroT.length; k++) {
    total += (data.zeroWeight[k] as number) * r * (logAlpha - Math.log(alpha + (data.zeroT[k] as number)));
  }
  for (let k = 0; k < data.tValues.length; k++) logT[k] = Math.log(alpha + (data.tValues[k] as number));
  for (let k = 0; k < data.recencyValues.length; k++) logRecency[k] = Math.log(alpha + (data.recencyValues[k] as number));
  for (let k = 0; k < data.xValues.length; k++) {
    const x = data.xValues[k] as number;
    // A1 + A2 (ln B(a, b + x) - ln B(a, b) = ln G(b + x) + ln G(a + b) - ln G(b) - ln G(a + b + x)).
    constantX[k] = logGamma(r + x) - logGammaR + r * logAlpha + logGamma(b + x) + logGammaAB - logGammaB - logGamma(a + b + x);
    dropoutX[k] = logA - Math.log(b + x - 1);
  }
  const n = data.entryWeight.length;
  for (let e = 0; e < n; e++) {
    const xi = data.entryX[e] as number;
    const rx = r + (data.xValues[xi] as number);
    const a3 = -rx * (logT[data.entryT[e] as number] as number);
    const a4 = (dropoutX[xi] as number) - rx * (logRecency[data.entryRecency[e] as number] as number);
    total += (data.entryWeight[e] as number) * ((constantX[xi] as number) + logSumExp(a3, a4));
  }
  return total;
}

/** The parts of the log-likelihood that are cheap (per distinct T of non-repeaters and per distinct x), without the per-entry sum. */
function cheapLogLikelihood(params: BgNbdParameters, data: BgNbdData, weightX: Float64Array): number {
  const { r, alpha, a, b } = params;
  const logAlpha = Math.log(alpha);
  const logGammaR = logGamma(r);
  const logGammaB = logGamma(b);
  const logGammaAB = logGamma(a + b);
  let total = 0;
  for (let k = 0; k < data.zeroT.length; k++) total += (data.zeroWeight[k] as number) * r * (logAlpha - Math.log(alpha + (data.zeroT[k] as number)));
  for (let k = 0; k < data.xValues.length; k++) {
    const x = data.xValues[k] as number;
    total += (weightX[k] as number) * (logGamma(r + x) - logGammaR + r * logAlpha + logGamma(b + x) + logGammaAB - logGammaB - logGamma(a + b + x));
  }
  return total;
}

/** Step of the central differences of the cheap part, in log-parameters. */
const CHEAP_STEP = 1e-5;

/**
 * The log-likelihood and its gradient in (ln r, ln alpha, ln a, ln b), equal
 * in value to bgnbdLogLikelihood. The per-entry sum ln(e^A3 + e^A4), the
 * costly part, is differentiated analytically: with s the share of e^A4,
 * d/dr = -(1 - s) ln(alpha + T) - s ln(alpha + t_x), d/dalpha = -(r + x)((1 - s)/(alpha + T) + s/(alpha + t_x)),
 * d/dln a = s, d/dln b = -s b / (b + x - 1). The cheap per-x and per-T parts
 * (ln Gamma terms) by central differences.
 */
export function bgnbdLogLikelihoodGradient(params: BgNbdParameters, data: BgNbdData, gradient: number[]): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
  const weightX = new Float64Array(data.xValues.length);
  for (let e = 0; e < data.entryWeight.length; e++) weightX[data.entryX[e] as number] = (weightX[data.entryX[e] as number] as number) + (data.entryWeight[e] as number);
  const logT = Float64Array.from(data.tValues, (T) => Math.log(alpha + T));
  const inverseT = Float64Array.from(data.tValues, (T) => 1 / (alpha + T));
  const logRecency = Float64Array.from(data.recencyValues, (t) => Math.log(alpha + t));
  const inverseRecency = Float64Array.from(data.recencyValues, (t) => 1 / (alpha + t));
  const dropoutX = Float64Array.from(data.xValues, (x) => Math.log(a) - Math.log(b + x - 1));
  const shareX = new Float64Array(data.xValues.length);
  let total = 0;
  let dr = 0;
  let dAlpha = 0;
  for (let e = 0; e < data.entryWeight.length; e++) {
    const xi = data.entryX[e] as number;
    const ti = data.entryT[e] as number;
    const ri = data.entryRecency[e] as number;
    const w = data.entryWeight[e] as number;
    const rx = r + (data.xValues[xi] as number);
    const a3 = -rx * (logT[ti] as number);
    const a4 = (dropoutX[xi] as number) - rx * (logRecency[ri] as number);
    const high = a3 > a4 ? a3 : a4;
    const q = Math.exp((a3 > a4 ? a4 : a3) - high);
    total += w * (high + Math.log1p(q));
    const s = a4 >= a3 ? 1 / (1 + q) : q / (1 + q);
    dr -= w * ((1 - s) * (logT[ti] as number) + s * (logRecency[ri] as number));
    dAlpha -= w * rx * ((1 - s) * (inverseT[ti] as number) + s * (inverseRecency[ri] as number));
    shareX[xi] = (shareX[xi] as number) + w * s;
  }
  let da = 0;
  let db = 0;
  for (let k = 0; k < data.xValues.length; k++) {
    da += shareX[k] as number;
    db -= ((shareX[k] as number) * b) / (b + (data.xValues[k] as number) - 1);
  }
  const analytic = [r * dr, alpha * dAlpha, da, db];
  const exact = wholeXTerms(params, data, weightX);
  if (exact !== null) {
    for (let i = 0; i < 4; i++) gradient[i] = (analytic[i] as number) + (exact.gradient[i] as number);
    return total + exact.value;
  }
  const logs = [Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)];
  const cheap = (shifted: number[]): number =>
    cheapLogLikelihood({ r: Math.exp(shifted[0] as number), alpha: Math.exp(shifted[1] as number), a: Math.exp(shifted[2] as number), b: Math.exp(shifted[3] as number) }, data, weightX);
  for (let i = 0; i < 4; i++) {
    const up = logs.slice();
    const down = logs.slice();
    up[i] = (up[i] as number) + CHEAP_STEP;
    down[i] = (down[i] as number) - CHEAP_STEP;
    gradient[i] = (analytic[i] as number) + (cheap(up) - cheap(down)) / (2 * CHEAP_STEP);
  }
  return total + cheapLogLikelihood(params, data, weightX);
}

/** Whole repeat counts up to this are summed term by term in wholeXTerms. */
const MAX_SUMMED_X = 100_000;

/**
 * The cheap part (cheapLogLikelihood) and its exact gradient in the
 * log-parameters when every x is a whole number: then ln G(r + x) - ln G(r) =
 * sum_{j<x} ln(r + j), likewise for b and a + b, with derivatives
 * sum 1/(r + j). Differences of ln G at large arguments (a + b -> infinity on
 * a data set without visible drop-out) lose digits, and central differences
 * of them gave a gradient too noisy for BFGS to finish (issue 15: the 5M-row
 * bench spent hundreds of evaluations in line searches). Null for other x.
 */
function wholeXTerms(params: BgNbdParameters, data: BgNbdData, weightX: Float64Array): { value: number; gradient: number[] } | null {
  const { r, alpha, a, b } = params;
  let maxX = 0;
  for (const x of data.xValues) {
    if (!Number.isInteger(x) || x > MAX_SUMMED_X) return null;
    if (x > maxX) maxX = x;
  }
  // Cumulative sums up to each j: S(c)[j] = sum_{i<j} ln(c + i), D(c)[j] = sum_{i<j} 1/(c + i).
  const logR = new Float64Array(maxX + 1);
  const invR = new Float64Array(maxX + 1);
  const logB = new Float64Array(maxX + 1);
  const invB = new Float64Array(maxX + 1);
  const logAB = new Float64Array(maxX + 1);
  const invAB = new Float64Array(maxX + 1);
  for (let j = 0; j < maxX; j++) {
    logR[j + 1] = (logR[j] as number) + Math.log(r + j);
    invR[j + 1] = (invR[j] as number) + 1 / (r + j);
    logB[j + 1] = (logB[j] as number) + Math.log(b + j);
    invB[j + 1] = (invB[j] as number) + 1 / (b + j);
    logAB[j + 1] = (logAB[j] as number) + Math.log(a + b + j);
    invAB[j + 1] = (invAB[j] as number) + 1 / (a + b + j);
  }
  const logAlpha = Math.log(alpha);
  let value = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  for (let k = 0; k < data.zeroT.length; k++) {
    const w = data.zeroWeight[k] as number;
    const T = data.zeroT[k] as number;
    value += w * r * (logAlpha - Math.log(alpha + T));
    dr += w * (logAlpha - Math.log(alpha + T));
    dAlpha += w * r * (1 / alpha - 1 / (alpha + T));
  }
  for (let k = 0; k < data.xValues.length; k++) {
    const w = weightX[k] as number;
    const x = data.xValues[k] as number;
    value += w * ((logR[x] as number) + r * logAlpha + (logB[x] as number) - (logAB[x] as number));
    dr += w * ((invR[x] as number) + logAlpha);
    dAlpha += (w * r) / alpha;
    da -= w * (invAB[x] as number);
    db += w * ((invB[x] as number) - (invAB[x] as number));
  }
  return { value, gradient: [r * dr, alpha * dAlpha, a * da, b * db] };
}

/**
 * From this many distinct (x, t_x, T) entries on, the fit runs BFGS on the
 * analytic gradient instead of Nelder-Mead (issue 14: 2M rows, about 290,000
 * entries, took 35 s, nearly all of it in the ~600 likelihood evaluations of
 * Nelder-Mead). Smaller data, CDNOW among them, keeps the Nelder-Mead path
 * and its figures exactly.
 */
export const GRADIENT_FIT_ENTRIES = 20_000;

export interface BgNbdFitOptions {
  /** Starting points (r, alpha, a, b); by default one derived from the data. */
  starts?: readonly BgNbdParameters[];
  minimize?: MinimizeOptions;
  /** Likelihood evaluations so far, reported while the fit runs (progress). */
  onEvaluations?: (evaluations: number) => void;
}

/**
 * A start from the data: r = 1, alpha from the observed repeat rate
 * (E[lambda] = r / alpha), a = b = 1. The fit does not depend on it (the tests
 * start far away), it only saves evaluations.
 */
export function bgnbdStart(data: RecencyFrequency): BgNbdParameters {
  let sumX = 0;
  let sumT = 0;
  const n = data.frequency.length;
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i] as number;
    const T = data.T[i] as number;
    if (!isValidCustomer(x, data.recency[i] as number, T)) continue;
    sumX += x;
    sumT += T;
  }
  const rate = sumT > 0 ? Math.max(sumX, 1e-3 * sumT) / sumT : 1;
  return { r: 1, alpha: 1 / rate, a: 1, b: 1 };
}

/**
 * Beyond e^±LOG_BOUND a log-parameter is treated as running off to the
 * boundary (a degenerate model); such an optimum triggers fits from the
 * fallback starts, and the best finite optimum wins.
 */
const LOG_BOUND = 12;

const fallbackStarts = (base: BgNbdParameters): BgNbdParameters[] => [
  { ...base, a: 0.5, b: 2 },
  { ...base, r: 0.25, alpha: base.alpha / 4, a: 1, b: 3 },
];

/** From this many customers on, a fit starts where a fit of every SUBSAMPLE_STEP-th customer ended. */
export const SUBSAMPLE_START_CUSTOMERS = 200_000;
const SUBSAMPLE_STEP = 10;

/** Every `step`-th customer: a sample whose optimum lies near the whole data's, at a tenth of the cost. */
function everyNth(input: RecencyFrequency, step: number): RecencyFrequency {
  const pick = (values: ArrayLike<number>): Float64Array => Float64Array.from({ length: Math.ceil(values.length / step) }, (_, i) => values[i * step] as number);
  return { frequency: pick(input.frequency), recency: pick(input.recency), T: pick(input.T) };
}

export function fitBgNbd(input: RecencyFrequency | BgNbdData, options: BgNbdFitOptions = {}): BgNbdFit {
  const data = 'entryWeight' in input ? input : prepareBgNbd(input);
  if (!('entryWeight' in input) && options.starts === undefined && data.customers >= SUBSAMPLE_START_CUSTOMERS) {
    // The whole data's search then needs a few dozen evaluations instead of hundreds; its optimum is the
    // whole data's own (the sample only chooses where the search begins).
    const { onEvaluations: report, ...quiet } = options;
    const sample = fitBgNbd(everyNth(input, SUBSAMPLE_STEP), quiet);
    const starts = [{ r: sample.r, alpha: sample.alpha, a: sample.a, b: sample.b }];
    const whole = fitBgNbd(data, report === undefined ? { ...quiet, starts } : { ...quiet, starts, onEvaluations: report });
    return { ...whole, evaluations: whole.evaluations + sample.evaluations };
  }
  const scale = Math.max(data.customers, 1);
  // Mean negative log-likelihood: tolerances then do not depend on the number of customers.
  const objective = (p: readonly number[]): number =>
    -bgnbdLogLikelihood({ r: Math.exp(p[0] as number), alpha: Math.exp(p[1] as number), a: Math.exp(p[2] as number), b: Math.exp(p[3] as number) }, data) / scale;
  const toLog = (q: BgNbdParameters): number[] => [Math.log(q.r), Math.log(q.alpha), Math.log(q.a), Math.log(q.b)];
  const base = 'entryWeight' in input ? startFromPrepared(data) : bgnbdStart(input);
  const starts = options.starts ?? [base];
  const chosen = options.minimize ?? MINIMIZE_DEFAULTS;
  const report = options.onEvaluations;
  const settings: MinimizeOptions = report === undefined ? chosen : { ...chosen, onIteration: report };
  if (data.entryWeight.length >= GRADIENT_FIT_ENTRIES) {
    const withGradient = (p: readonly number[], gradient: number[]): number => {
      const raw = { r: Math.exp(p[0] as number), alpha: Math.exp(p[1] as number), a: Math.exp(p[2] as number), b: Math.exp(p[3] as number) };
      // Past the concentration cap the likelihood is taken at the capped (a, b) with p = a / (a + b) kept: a
      // plateau instead of a ridge running to a + b -> infinity (data without visible drop-out), which the
      // search would follow for hundreds of evaluations only for concentrateDropout to cut it back.
      const params = concentrateDropout(raw);
      const value = -bgnbdLogLikelihoodGradient(params, data, gradient) / scale;
      for (let i = 0; i < 4; i++) gradient[i] = -(gradient[i] as number) / scale;
      if (params !== raw) {
        // Chain rule through ln a' = ln cap + ln p, ln b' = ln cap + ln(1 - p).
        const share = raw.a / (raw.a + raw.b);
        const ga = (1 - share) * (gradient[2] as number) - share * (gradient[3] as number);
        gradient[2] = ga;
        gradient[3] = -ga;
      }
      return value;
    };
    const fast = bfgsWithFallbacks(withGradient, toLog(starts[0] ?? base), fallbackStarts(base).map(toLog), LOG_BOUND, report);
    // Nelder-Mead would cost hundreds of evaluations over all entries: only for a value that is not finite.
    if (Number.isFinite(fast.value)) {
      const [lr, lalpha, la, lb] = fast.x as [number, number, number, number];
      const params = concentrateDropout({ r: Math.exp(lr), alpha: Math.exp(lalpha), a: Math.exp(la), b: Math.exp(lb) });
      return { ...params, logLik: bgnbdLogLikelihood(params, data), customers: data.customers, converged: fast.converged, evaluations: fast.evaluations };
    }
  }
  let best = minimize(objective, starts.map(toLog), settings);
  let evaluations = best.evaluations;
  if (best.x.some((v) => Math.abs(v) > LOG_BOUND) || !Number.isFinite(best.value)) {
    const fallback = minimize(objective, fallbackStarts(base).map(toLog), withOffset(settings, evaluations));
    evaluations += fallback.evaluations;
    if (fallback.value < best.value) best = fallback;
  }
  const [lr, lalpha, la, lb] = best.x as [number, number, number, number];
  const params = concentrateDropout({ r: Math.exp(lr), alpha: Math.exp(lalpha), a: Math.exp(la), b: Math.exp(lb) });
  return { ...params, logLik: bgnbdLogLikelihood(params, data), customers: data.customers, converged: best.converged, evaluations };
}

/**
 * Small data sets can carry the fit off towards a + b -> infinity: every
 * customer then has the same drop-out probability p = a / (a + b), and the
 * forecast series (2F1 with parameters near a + b) overflow. Past
 * a + b = MAX_DROPOUT_CONCENTRATION the spread of p left over is below
 * sqrt(p (1 - p) / 1001) <= 0.016, so a and b are scaled down to that sum with
 * p kept: the forecasts stay finite and the likelihood barely moves.
 */
export const MAX_DROPOUT_CONCENTRATION = 1000;

function concentrateDropout(params: BgNbdParameters): BgNbdParameters {
  const sum = params.a + params.b;
  if (!(sum > MAX_DROPOUT_CONCENTRATION)) return params;
  const scale = MAX_DROPOUT_CONCENTRATION / sum;
  return { ...params, a: params.a * scale, b: params.b * scale };
}

/** Start values from the prepared data: r = a = b = 1 and alpha from the mean purchase rate. */
export function startFromPrepared(data: BgNbdData): BgNbdParameters {
  let sumX = 0;
  let sumT = 0;
  for (let k = 0; k < data.zeroT.length; k++) sumT += (data.zeroWeight[k] as number) * (data.zeroT[k] as number);
  for (let e = 0; e < data.entryWeight.length; e++) {
    const w = data.entryWeight[e] as number;
    sumX += w * (data.xValues[data.entryX[e] as number] as number);
    sumT += w * (data.tValues[data.entryT[e] as number] as number);
  }
  const rate = sumT > 0 ? Math.max(sumX, 1e-3 * sumT) / sumT : 1;
  return { r: 1, alpha: 1 / rate, a: 1, b: 1 };
}

/**
 * ln of the odds that a customer has dropped out: ln(a / (b + x - 1)) +
 * (r + x) ln((alpha + T) / (alpha + t_x)); -Infinity for x = 0 (FHL 2005
 * assume drop-out only happens right after a purchase).
 */
function logDropoutOdds(params: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  const { r, alpha, a, b } = params;
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T) = 1 / (1 + odds of having dropped out) (Fader, Hardie and Lee 2008 note, eq. 2). */
export function probabilityAlive(params: BgNbdParameters, x: number, tx: number, T: number): number {
  const odds = logDropoutOdds(params, x, tx, T);
  // 1 / (1 + e^odds), evaluated on the side where the exponential cannot overflow.
  if (odds > 0) {
    const e = Math.exp(-odds);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(odds));
}

/** a = 1 makes the closed form 0/0; it is continuous there, so step just beside it. */
const NEAR_ONE = 1e-7;

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t periods (FHL 2005
 * eq. 10). The factor ((alpha + T)/(alpha + T + t))^(r + x) 2F1(r + x, b + x;
 * a + b + x - 1; z) is rewritten with Euler's transformation as
 * (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z), z = t / (alpha + T + t),
 * whose series terms shrink from the start even for huge x.
 * Needs a + b + x > 1 (always true for x >= 1; for x = 0 it needs a + b > 1).
 */
export function conditionalExpectedPurchases(params: BgNbdParameters, t: number, x: number, tx: number, T: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, b } = params;
  const a = Math.abs(params.a - 1) < NEAR_ONE ? 1 + NEAR_ONE : params.a;
  const c = a + b + x - 1;
  if (!(c > 0)) return Number.NaN;
  const z = t / (alpha + T + t);
  const series = hypergeometric2F1(a + b - 1 - r, a - 1, c, z);
  const bracket = -Math.expm1((a - 1) * Math.log1p(-z) + Math.log(series));
  const alive = probabilityAlive({ ...params, a }, x, tx, T);
  return (c / (a - 1)) * bracket * alive;
}

/** E[X(t)]: expected purchases of a new customer in her first t periods (FHL 2005 eq. 7). */
export function expectedPurchases(params: BgNbdParameters, t: number): number {
  return conditionalExpectedPurchases(params, t, 0, 0, 0);
}
