// MBG/NBD model (Batislam, Denizel and Filiztekin 2007, "Empirical
// validation and comparison of models for customer base analysis", IJRM
// 24(3); lifetimes' ModifiedBetaGeoFitter): BG/NBD with one more chance to
// drop out, right at the first purchase (time 0), so a customer without
// repeat purchases can be dead too. In the BG/NBD likelihood (bgnbd.ts) this
// turns B(a, b + x) into B(a, b + x + 1) and the drop-out term
// a / (b + x - 1) into a / (b + x), now for x = 0 as well:
//   ln L = A1 + ln B(a, b + x + 1) - ln B(a, b) + ln(e^A3 + e^A4)
//   A3 = -(r + x) ln(alpha + T),  A4 = ln a - ln(b + x) - (r + x) ln(alpha + t_x)
// A customer alive at T has lambda ~ Gamma(r + x, alpha + T) and
// p ~ Beta(a, b + x + 1) and from then on behaves as a BG/NBD customer: the
// conditional forecasts are P(alive) times BG/NBD ones with these parameters.
import { conditionalExpectedPurchases, isValidCustomer, prepareBgNbd, startFromPrepared, type BgNbdData, type BgNbdParameters, type RecencyFrequency } from './bgnbd.ts';
import { minimize, MINIMIZE_DEFAULTS, type MinimizeOptions } from './optimize.ts';
import { logGamma, logSumExp } from './special.ts';

export type MbgNbdParameters = BgNbdParameters;

export interface MbgNbdFit extends MbgNbdParameters {
  logLik: number;
  customers: number;
  converged: boolean;
  evaluations: number;
}

function customerLogLikelihood(params: MbgNbdParameters, x: number, tx: number, T: number, logGammaR: number, logBetaAB: number): number {
  const { r, alpha, a, b } = params;
  const a1 = logGamma(r + x) - logGammaR + r * Math.log(alpha);
  const a2 = logGamma(a) + logGamma(b + x + 1) - logGamma(a + b + x + 1) - logBetaAB;
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = Math.log(a) - Math.log(b + x) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logSumExp(a3, a4);
}

export function mbgnbdLogLikelihood(params: MbgNbdParameters, data: BgNbdData): number {
  const { r, alpha, a, b } = params;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return Number.NEGATIVE_INFINITY;
  const logGammaR = logGamma(r);
  const logBetaAB = logGamma(a) + logGamma(b) - logGamma(a + b);
  let total = 0;
  for (let k = 0; k < data.zeroT.length; k++) {
    total += (data.zeroWeight[k] as number) * customerLogLikelihood(params, 0, 0, data.zeroT[k] as number, logGammaR, logBetaAB);
  }
  for (let e = 0; e < data.entryWeight.length; e++) {
    const x = data.xValues[data.entryX[e] as number] as number;
    const tx = data.recencyValues[data.entryRecency[e] as number] as number;
    const T = data.tValues[data.entryT[e] as number] as number;
    total += (data.entryWeight[e] as number) * customerLogLikelihood(params, x, tx, T, logGammaR, logBetaAB);
  }
  return total;
}

export interface MbgNbdFitOptions {
  starts?: readonly MbgNbdParameters[];
  minimize?: MinimizeOptions;
}

const LOG_BOUND = 12;

export function fitMbgNbd(input: RecencyFrequency | BgNbdData, options: MbgNbdFitOptions = {}): MbgNbdFit {
  const data = 'entryWeight' in input ? input : prepareBgNbd(input);
  const scale = Math.max(data.customers, 1);
  const objective = (p: readonly number[]): number =>
    -mbgnbdLogLikelihood({ r: Math.exp(p[0] as number), alpha: Math.exp(p[1] as number), a: Math.exp(p[2] as number), b: Math.exp(p[3] as number) }, data) / scale;
  const toLog = (q: MbgNbdParameters): number[] => [Math.log(q.r), Math.log(q.alpha), Math.log(q.a), Math.log(q.b)];
  const base = startFromPrepared(data);
  const settings = options.minimize ?? MINIMIZE_DEFAULTS;
  let best = minimize(objective, (options.starts ?? [base]).map(toLog), settings);
  let evaluations = best.evaluations;
  if (best.x.some((v) => Math.abs(v) > LOG_BOUND) || !Number.isFinite(best.value)) {
    const fallback = minimize(objective, [toLog({ ...base, a: 0.5, b: 2 }), toLog({ r: 0.25, alpha: base.alpha / 4, a: 1, b: 3 })], settings);
    evaluations += fallback.evaluations;
    if (fallback.value < best.value) best = fallback;
  }
  const [lr, lalpha, la, lb] = best.x as [number, number, number, number];
  const params = { r: Math.exp(lr), alpha: Math.exp(lalpha), a: Math.exp(la), b: Math.exp(lb) };
  return { ...params, logLik: mbgnbdLogLikelihood(params, data), customers: data.customers, converged: best.converged, evaluations };
}

/** P(alive | x, t_x, T) = 1 / (1 + a / (b + x) ((alpha + T) / (alpha + t_x))^(r + x)), also below 1 for x = 0. */
export function mbgnbdProbabilityAlive(params: MbgNbdParameters, x: number, tx: number, T: number): number {
  if (!isValidCustomer(x, tx, T)) return Number.NaN;
  const { r, alpha, a, b } = params;
  const odds = Math.log(a) - Math.log(b + x) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
  if (odds > 0) {
    const e = Math.exp(-odds);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(odds));
}

/** The BG/NBD parameters of a customer alive at T (see the header). */
export function mbgnbdPosterior(params: MbgNbdParameters, x: number, T: number): BgNbdParameters {
  return { r: params.r + x, alpha: params.alpha + T, a: params.a, b: params.b + x + 1 };
}

/** E[Y(t) | x, t_x, T] (lifetimes' ModifiedBetaGeoFitter, Batislam et al. 2007 eq. 3). */
export function mbgnbdConditionalExpectedPurchases(params: MbgNbdParameters, t: number, x: number, tx: number, T: number): number {
  if (!(t > 0)) return 0;
  return mbgnbdProbabilityAlive(params, x, tx, T) * conditionalExpectedPurchases(mbgnbdPosterior(params, x, T), t, 0, 0, 0);
}

/** E[X(t)] of a new customer: she survives time 0 with probability b / (a + b), and then p ~ Beta(a, b + 1). */
export function mbgnbdExpectedPurchases(params: MbgNbdParameters, t: number): number {
  if (!(t > 0)) return 0;
  return (params.b / (params.a + params.b)) * conditionalExpectedPurchases({ ...params, b: params.b + 1 }, t, 0, 0, 0);
}
