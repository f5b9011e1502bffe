// Pareto/NBD model (Schmittlein, Morrison and Colombo 1987; MODEL.md section
// 6): while alive a customer buys as a Poisson process with rate
// lambda ~ Gamma(r, alpha) and lives an exponential lifetime with rate
// mu ~ Gamma(s, beta), independent of lambda. Unlike BG/NBD a customer can
// drop out at any moment, also before her first repeat purchase.
//
// Likelihood per customer (Fader, Hardie and Lee 2005, "A Note on Deriving
// the Pareto/NBD Model and Related Expressions", eq. 22):
//   L = Gamma(r + x) alpha^r beta^s / Gamma(r)
//       * [ (alpha + T)^-(r + x) (beta + T)^-s + s / (r + s + x) * A0 ]
//   A0 = (r + s + x) * integral_{t_x}^{T} (alpha + u)^-(r + x) (beta + u)^-(s + 1) du
//      = F(t_x) - F(T),  F(u) = 2F1(r + s + x, b; r + s + x + 1; |alpha - beta| / (m + u)) / (m + u)^(r + s + x)
//   with m = max(alpha, beta) and b = s + 1 if alpha >= beta, else r + x.
// The 2F1 is the known trouble spot (terms overflow for large x, converge
// slowly near z = 1); logHypergeometric2F1 (special.ts) sums it in log space
// after Euler's transformation. Everything else stays in logs as in bgnbd.ts.
import { isValidCustomer, prepareBgNbd, type BgNbdData, type RecencyFrequency } from './bgnbd.ts';
import { minimize, MINIMIZE_DEFAULTS, type MinimizeOptions } from './optimize.ts';
import { logGamma, logHypergeometric2F1, logHypergeometric2F1PlusOne, logSumExp } from './special.ts';

export interface ParetoNbdParameters {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface ParetoNbdFit extends ParetoNbdParameters {
  logLik: number;
  customers: number;
  converged: boolean;
  evaluations: number;
}

/** The same compressed (x, t_x, T) entries as BG/NBD: customers with equal summaries share one weighted entry. */
export type ParetoNbdData = BgNbdData;
export const prepareParetoNbd = prepareBgNbd;

/** ln F(u) = ln 2F1(r + s + x, b; r + s + x + 1; |alpha - beta| / (m + u)) - (r + s + x) ln(m + u). */
function logF(params: ParetoNbdParameters, x: number, u: number): number {
  const { r, alpha, s, beta } = params;
  const rsx = r + s + x;
  const m = alpha >= beta ? alpha : beta;
  const b = alpha >= beta ? s + 1 : r + x;
  return logHypergeometric2F1PlusOne(rsx, b, Math.abs(alpha - beta) / (m + u)) - rsx * Math.log(m + u);
}

/** ln(e^first - e^second) for first >= second; -Infinity when they are equal (t_x = T: the integral is empty). */
function logDifference(first: number, second: number): number {
  if (!(first > second)) return first === second ? Number.NEGATIVE_INFINITY : Number.NaN;
  return first + Math.log(-Math.expm1(second - first));
}

/** ln A0 of the likelihood; -Infinity when t_x = T. */
export function logA0(params: ParetoNbdParameters, x: number, tx: number, T: number): number {
  // F is decreasing in u, so F(t_x) >= F(T); rounding may make them equal for t_x very close to T.
  return logDifference(logF(params, x, tx), logF(params, x, T));
}

/** ln L for one customer. */
export function paretoNbdCustomerLogLikelihood(params: ParetoNbdParameters, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const constant = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const dead = Math.log(s / (r + s + x)) + logA0(params, x, tx, T);
  return constant + logSumExp(alive, dead);
}

/**
 * Index arrays into the distinct (x, T) and (x, t_x) pairs of the repeat
 * buyers, built once per data set: ln F and the "alive" term are computed
 * once per pair and evaluation (CDNOW: 380 and 585 pairs for 932 entries).
 */
interface Pairs {
  tPairX: Uint32Array;
  tPairT: Uint32Array;
  recencyPairX: Uint32Array;
  recencyPairR: Uint32Array;
  entryTPair: Uint32Array;
  entryRecencyPair: Uint32Array;
  logFT: Float64Array;
  aliveT: Float64Array;
  logFRecency: Float64Array;
  constantX: Float64Array;
  deadX: Float64Array;
}
const pairsOf = new WeakMap<ParetoNbdData, Pairs>();

function pairs(data: ParetoNbdData): Pairs {
  const known = pairsOf.get(data);
  if (known !== undefined) return known;
  const n = data.entryWeight.length;
  const tIndex = new Map<number, number>();
  const rIndex = new Map<number, number>();
  const tPairX: number[] = [];
  const tPairT: number[] = [];
  const rPairX: number[] = [];
  const rPairR: number[] = [];
  const entryTPair = new Uint32Array(n);
  const entryRecencyPair = new Uint32Array(n);
  const width = Math.max(data.tValues.length, data.recencyValues.length, 1);
  for (let e = 0; e < n; e++) {
    const xi = data.entryX[e] as number;
    const ti = data.entryT[e] as number;
    const ri = data.entryRecency[e] as number;
    const tKey = xi * width + ti;
    let t = tIndex.get(tKey);
    if (t === undefined) {
      t = tPairX.length;
      tIndex.set(tKey, t);
      tPairX.push(xi);
      tPairT.push(ti);
    }
    entryTPair[e] = t;
    const rKey = xi * width + ri;
    let r = rIndex.get(rKey);
    if (r === undefined) {
      r = rPairX.length;
      rIndex.set(rKey, r);
      rPairX.push(xi);
      rPairR.push(ri);
    }
    entryRecencyPair[e] = r;
  }
  const made: Pairs = {
    tPairX: Uint32Array.from(tPairX),
    tPairT: Uint32Array.from(tPairT),
    recencyPairX: Uint32Array.from(rPairX),
    recencyPairR: Uint32Array.from(rPairR),
    entryTPair,
    entryRecencyPair,
    logFT: new Float64Array(tPairX.length),
    aliveT: new Float64Array(tPairX.length),
    logFRecency: new Float64Array(rPairX.length),
    constantX: new Float64Array(data.xValues.length),
    deadX: new Float64Array(data.xValues.length),
  };
  pairsOf.set(data, made);
  return made;
}

/** Per distinct T and t_x: the logarithms and 2F1 arguments that every pair with that value shares. */
interface ValueScratch {
  logAlphaT: Float64Array;
  logBetaT: Float64Array;
  logMT: Float64Array;
  zT: Float64Array;
  logMRecency: Float64Array;
  zRecency: Float64Array;
}
const valuesOf = new WeakMap<ParetoNbdData, ValueScratch>();

/** Total log-likelihood of the prepared data; -Infinity for non-positive parameters, NaN where a 2F1 failed. */
export function paretoNbdLogLikelihood(params: ParetoNbdParameters, data: ParetoNbdData): number {
  const { r, alpha, s, beta } = params;
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0)) return Number.NEGATIVE_INFINITY;
  let total = 0;
  // x = 0: t_x = 0, one ln F(0) for all of them.
  if (data.zeroT.length > 0) {
    const constant0 = r * Math.log(alpha) + s * Math.log(beta);
    const dead0 = Math.log(s / (r + s));
    const logF0 = logF(params, 0, 0);
    for (let k = 0; k < data.zeroT.length; k++) {
      const T = data.zeroT[k] as number;
      const alive = -r * Math.log(alpha + T) - s * Math.log(beta + T);
      const dead = dead0 + logDifference(logF0, logF(params, 0, T));
      total += (data.zeroWeight[k] as number) * (constant0 + logSumExp(alive, dead));
    }
  }
  const cache = pairs(data);
  let scratch = valuesOf.get(data);
  if (scratch === undefined) {
    const nT = data.tValues.length;
    const nR = data.recencyValues.length;
    scratch = {
      logAlphaT: new Float64Array(nT),
      logBetaT: new Float64Array(nT),
      logMT: new Float64Array(nT),
      zT: new Float64Array(nT),
      logMRecency: new Float64Array(nR),
      zRecency: new Float64Array(nR),
    };
    valuesOf.set(data, scratch);
  }
  const m = alpha >= beta ? alpha : beta;
  const d = Math.abs(alpha - beta);
  for (let k = 0; k < data.tValues.length; k++) {
    const T = data.tValues[k] as number;
    scratch.logAlphaT[k] = Math.log(alpha + T);
    scratch.logBetaT[k] = Math.log(beta + T);
    scratch.logMT[k] = Math.log(m + T);
    scratch.zT[k] = d / (m + T);
  }
  for (let k = 0; k < data.recencyValues.length; k++) {
    const tx = data.recencyValues[k] as number;
    scratch.logMRecency[k] = Math.log(m + tx);
    scratch.zRecency[k] = d / (m + tx);
  }
  const logGammaR = logGamma(r);
  const base = r * Math.log(alpha) + s * Math.log(beta);
  for (let k = 0; k < data.xValues.length; k++) {
    const x = data.xValues[k] as number;
    cache.constantX[k] = logGamma(r + x) - logGammaR + base;
    cache.deadX[k] = Math.log(s / (r + s + x));
  }
  const alphaLarger = alpha >= beta;
  for (let p = 0; p < cache.tPairX.length; p++) {
    const x = data.xValues[cache.tPairX[p] as number] as number;
    const ti = cache.tPairT[p] as number;
    const rsx = r + s + x;
    cache.logFT[p] = logHypergeometric2F1PlusOne(rsx, alphaLarger ? s + 1 : r + x, scratch.zT[ti] as number) - rsx * (scratch.logMT[ti] as number);
    cache.aliveT[p] = -(r + x) * (scratch.logAlphaT[ti] as number) - s * (scratch.logBetaT[ti] as number);
  }
  for (let p = 0; p < cache.recencyPairX.length; p++) {
    const x = data.xValues[cache.recencyPairX[p] as number] as number;
    const ri = cache.recencyPairR[p] as number;
    const rsx = r + s + x;
    cache.logFRecency[p] = logHypergeometric2F1PlusOne(rsx, alphaLarger ? s + 1 : r + x, scratch.zRecency[ri] as number) - rsx * (scratch.logMRecency[ri] as number);
  }
  const n = data.entryWeight.length;
  for (let e = 0; e < n; e++) {
    const xi = data.entryX[e] as number;
    const tp = cache.entryTPair[e] as number;
    const dead = (cache.deadX[xi] as number) + logDifference(cache.logFRecency[cache.entryRecencyPair[e] as number] as number, cache.logFT[tp] as number);
    total += (data.entryWeight[e] as number) * ((cache.constantX[xi] as number) + logSumExp(cache.aliveT[tp] as number, dead));
  }
  return total;
}

export interface ParetoNbdFitOptions {
  starts?: readonly ParetoNbdParameters[];
  minimize?: MinimizeOptions;
}

/**
 * A start from the data: r = 1, alpha from the observed repeat rate, s = 1
 * and beta = the mean age T (a mean lifetime of the order of the observation
 * time). The fit does not depend on it; it only saves evaluations.
 */
export function paretoNbdStart(data: ParetoNbdData): ParetoNbdParameters {
  let sumX = 0;
  let sumT = 0;
  for (let k = 0; k < data.zeroT.length; k++) sumT += (data.zeroWeight[k] as number) * (data.zeroT[k] as number);
  for (let e = 0; e < data.entryWeight.length; e++) {
    const w = data.entryWeight[e] as number;
    sumX += w * (data.xValues[data.entryX[e] as number] as number);
    sumT += w * (data.tValues[data.entryT[e] as number] as number);
  }
  const rate = sumT > 0 ? Math.max(sumX, 1e-3 * sumT) / sumT : 1;
  const meanT = data.customers > 0 && sumT > 0 ? sumT / data.customers : 1;
  return { r: 1, alpha: 1 / rate, s: 1, beta: meanT };
}

/** As in bgnbd.ts: a log-parameter beyond e^12 counts as running off to the boundary. */
const LOG_BOUND = 12;

export function fitParetoNbd(input: RecencyFrequency | ParetoNbdData, options: ParetoNbdFitOptions = {}): ParetoNbdFit {
  const data = 'entryWeight' in input ? input : prepareParetoNbd(input);
  const scale = Math.max(data.customers, 1);
  const objective = (p: readonly number[]): number =>
    -paretoNbdLogLikelihood({ r: Math.exp(p[0] as number), alpha: Math.exp(p[1] as number), s: Math.exp(p[2] as number), beta: Math.exp(p[3] as number) }, data) / scale;
  const toLog = (q: ParetoNbdParameters): number[] => [Math.log(q.r), Math.log(q.alpha), Math.log(q.s), Math.log(q.beta)];
  const base = paretoNbdStart(data);
  const settings = options.minimize ?? MINIMIZE_DEFAULTS;
  let best = minimize(objective, (options.starts ?? [base]).map(toLog), settings);
  let evaluations = best.evaluations;
  if (best.x.some((v) => Math.abs(v) > LOG_BOUND) || !Number.isFinite(best.value)) {
    const fallback = minimize(objective, [toLog({ ...base, s: 0.5, beta: base.beta / 4 }), toLog({ r: 0.25, alpha: base.alpha / 4, s: 2, beta: base.beta * 2 })], settings);
    evaluations += fallback.evaluations;
    if (fallback.value < best.value) best = fallback;
  }
  const [lr, lalpha, ls, lbeta] = best.x as [number, number, number, number];
  const params = { r: Math.exp(lr), alpha: Math.exp(lalpha), s: Math.exp(ls), beta: Math.exp(lbeta) };
  return { ...params, logLik: paretoNbdLogLikelihood(params, data), customers: data.customers, converged: best.converged, evaluations };
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + s / (r + s + x) (alpha + T)^(r + x) (beta + T)^s A0)
 * (FHL 2005 note, eq. 18): the share of the likelihood from "still alive at T".
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParameters, x: number, tx: number, T: number): number {
  if (!isValidCustomer(x, tx, T)) return Number.NaN;
  const { r, alpha, s, beta } = params;
  const logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(params, x, tx, T);
  if (logOdds === Number.NEGATIVE_INFINITY) return 1;
  if (logOdds > 0) {
    const e = Math.exp(-logOdds);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[X(t)] of a customer alive at the start with parameters (r, alpha, s, beta):
 * r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)] (FHL 2005 note,
 * eq. 17), and r beta / alpha ln(1 + t / beta) at s = 1 (the limit).
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParameters, t: number): number {
  if (!(t > 0)) return 0;
  const { r, alpha, s, beta } = params;
  const log1pT = Math.log1p(t / beta);
  // -expm1(-(s - 1) L) / (s - 1) keeps full precision for s near 1 and is exact at its limit L.
  const factor = s === 1 ? log1pT : -Math.expm1(-(s - 1) * log1pT) / (s - 1);
  return ((r * beta) / alpha) * factor;
}

/**
 * A customer alive at T has the posterior lambda ~ Gamma(r + x, alpha + T) and
 * mu ~ Gamma(s, beta + T), and her future from T on is again a Pareto/NBD
 * process: every conditional forecast is P(alive) times the unconditional
 * one with these parameters.
 */
export function paretoNbdPosterior(params: ParetoNbdParameters, x: number, T: number): ParetoNbdParameters {
  return { r: params.r + x, alpha: params.alpha + T, s: params.s, beta: params.beta + T };
}

/** E[Y(t) | x, t_x, T] (FHL 2005 note, eq. 20). */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParameters, t: number, x: number, tx: number, T: number): number {
  if (!(t > 0)) return 0;
  return paretoNbdProbabilityAlive(params, x, tx, T) * paretoNbdExpectedPurchases(paretoNbdPosterior(params, x, T), t);
}

/**
 * P(X(t) = n) for a customer alive at the start (Fader, Hardie and Lee 2006,
 * "Deriving an Expression for P(X(t) = x) under the Pareto/NBD Model", eq. 20):
 *   Gamma(r + n) / (Gamma(r) n!) (alpha / (alpha + t))^r (t / (alpha + t))^n (beta / (beta + t))^s
 *   + alpha^r beta^s B(r + n, s + 1) / B(r, s) * [B1 - sum_{i=0..n} Gamma(r + s + i) / (Gamma(r + s) i!) t^i B2_i]
 * with, for alpha >= beta (else alpha and beta swap and s + 1 becomes r + n):
 *   B1   = 2F1(r + s, s + 1; r + s + n + 1; (alpha - beta) / alpha) / alpha^(r + s)
 *   B2_i = 2F1(r + s + i, s + 1; r + s + n + 1; (alpha - beta) / (alpha + t)) / (alpha + t)^(r + s + i).
 * The bracket is the part of the population that drops out before t after n
 * purchases; it is a difference of nearly equal numbers only where it is
 * negligible, and the result is clamped to [0, 1].
 */
export function paretoNbdProbabilityOfPurchases(params: ParetoNbdParameters, t: number, n: number): number {
  const { r, alpha, s, beta } = params;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const logAlphaT = Math.log(alpha + t);
  const alive =
    logGamma(r + n) - logGamma(r) - logGamma(n + 1) + r * (Math.log(alpha) - logAlphaT) + n * (Math.log(t) - logAlphaT) + s * (Math.log(beta) - Math.log(beta + t));
  const m = alpha >= beta ? alpha : beta;
  const b = alpha >= beta ? s + 1 : r + n;
  const d = Math.abs(alpha - beta);
  const c = r + s + n + 1;
  const logB1 = logHypergeometric2F1(r + s, b, c, d / m) - (r + s) * Math.log(m);
  let sumB2 = 0;
  const logMT = Math.log(m + t);
  const logT = Math.log(t);
  for (let i = 0; i <= n; i++) {
    const logTerm = logGamma(r + s + i) - logGamma(r + s) - logGamma(i + 1) + i * logT + logHypergeometric2F1(r + s + i, b, c, d / (m + t)) - (r + s + i) * logMT;
    sumB2 += Math.exp(logTerm - logB1);
  }
  const logCoefficient =
    r * Math.log(alpha) + s * Math.log(beta) + logGamma(r + n) + logGamma(s + 1) - logGamma(r + s + n + 1) - (logGamma(r) + logGamma(s) - logGamma(r + s));
  const bracket = Math.max(0, 1 - sumB2);
  const value = Math.exp(alive) + (bracket > 0 ? Math.exp(logCoefficient + logB1 + Math.log(bracket)) : 0);
  return Math.min(1, Math.max(0, value));
}
