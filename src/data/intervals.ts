// Uncertainty of fitted parameters (issue 16, item 6). Asymptotic intervals
// from the observed information: the Hessian H of the total log-likelihood in
// the log-parameters theta = ln(value), by central differences, gives the
// covariance Sigma = (-H)^-1; the 95 % interval exp(theta +- 1.96 sd) stays
// positive and is the usual Wald interval on the log scale. The standard
// error on the natural scale is the delta-method value * sd(theta).
import type { BgNbdData } from './bgnbd.ts';
import { gammaGammaLogLikelihood, type GammaGammaData, type GammaGammaParameters } from './gammaGamma.ts';
import { modelLogLikelihood, PARAMETER_NAMES, type FittedModel } from './models.ts';

/** Central-difference Hessian of f at x with step h in every coordinate. */
export function numericHessian(f: (x: readonly number[]) => number, x: readonly number[], h: number): number[][] {
  const n = x.length;
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const y = Array.from(x);
    y[di] = (y[di] as number) + si * h;
    y[dj] = (y[dj] as number) + sj * h;
    return f(y);
  };
  const f0 = f(x);
  const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const row = hessian[i] as number[];
    row[i] = (at(i, 1, i, 1) - 2 * f0 + at(i, -1, i, -1)) / (4 * h * h);
    for (let j = 0; j < i; j++) {
      const value = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      row[j] = value;
      (hessian[j] as number[])[i] = value;
    }
  }
  return hessian;
}

/** Lower Cholesky factor L (A = L L^T); null when A is not positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (matrix[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((lower[i] as number[])[k] as number) * ((lower[j] as number[])[k] as number);
      if (i === j) {
        if (!(sum > 0)) return null;
        (lower[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (lower[i] as number[])[j] = sum / ((lower[j] as number[])[j] as number);
      }
    }
  }
  return lower;
}

/**
 * Inverse of a symmetric positive definite matrix by Cholesky; null when it
 * is not positive definite (a flat or saddle direction: no interval).
 */
export function invertPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const lower = cholesky(matrix);
  if (lower === null) return null;
  // Inverse of L by forward substitution, then A^-1 = L^-T L^-1.
  const inverseLower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    (inverseLower[i] as number[])[i] = 1 / ((lower[i] as number[])[i] as number);
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let k = j; k < i; k++) sum -= ((lower[i] as number[])[k] as number) * ((inverseLower[k] as number[])[j] as number);
      (inverseLower[i] as number[])[j] = sum / ((lower[i] as number[])[i] as number);
    }
  }
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < n; k++) sum += ((inverseLower[k] as number[])[i] as number) * ((inverseLower[k] as number[])[j] as number);
      (inverse[i] as number[])[j] = sum;
      (inverse[j] as number[])[i] = sum;
    }
  }
  return inverse;
}

export interface ParameterInterval {
  name: string;
  estimate: number;
  /** Delta-method standard error on the natural scale. */
  standardError: number;
  lower: number;
  upper: number;
}

export interface ModelIntervals {
  intervals: ParameterInterval[];
  /** Covariance of the log-parameters (for drawing parameter sets, e.g. a forecast band). */
  logCovariance: number[][];
}

/** 97.5 % quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

/** Step in the log-parameters: 0.5 % changes, large against rounding in ln L (~1e-12 relative), small against its curvature. */
const LOG_STEP = 5e-3;

/** Hessian intervals for a fitted model; null when the information matrix is not positive definite. */
export function hessianIntervals(model: FittedModel, data: BgNbdData): ModelIntervals | null {
  const logValues = model.values.map(Math.log);
  const f = (theta: readonly number[]): number => modelLogLikelihood(model.name, theta.map(Math.exp), data);
  const hessian = numericHessian(f, logValues, LOG_STEP);
  const covariance = invertPositiveDefinite(hessian.map((row) => row.map((v) => -v)));
  if (covariance === null) return null;
  const names = PARAMETER_NAMES[model.name];
  const intervals = model.values.map((value, i) => {
    const sd = Math.sqrt((covariance[i] as number[])[i] as number);
    return { name: names[i] as string, estimate: value, standardError: value * sd, lower: value * Math.exp(-Z_95 * sd), upper: value * Math.exp(Z_95 * sd) };
  });
  return { intervals, logCovariance: covariance };
}

/** Hessian intervals of the Gamma-Gamma p, q, v with their log covariance; null when the information matrix is not positive definite. */
export function gammaGammaHessian(params: GammaGammaParameters, data: GammaGammaData): ModelIntervals | null {
  const f = (theta: readonly number[]): number =>
    gammaGammaLogLikelihood({ p: Math.exp(theta[0] as number), q: Math.exp(theta[1] as number), v: Math.exp(theta[2] as number) }, data);
  const values = [params.p, params.q, params.v];
  const hessian = numericHessian(f, values.map(Math.log), LOG_STEP);
  const covariance = invertPositiveDefinite(hessian.map((row) => row.map((h) => -h)));
  if (covariance === null) return null;
  const intervals = values.map((value, i) => {
    const sd = Math.sqrt((covariance[i] as number[])[i] as number);
    return { name: ['p', 'q', 'v'][i] as string, estimate: value, standardError: value * sd, lower: value * Math.exp(-Z_95 * sd), upper: value * Math.exp(Z_95 * sd) };
  });
  return { intervals, logCovariance: covariance };
}

/** Hessian intervals of the Gamma-Gamma p, q, v; null when the information matrix is not positive definite. */
export function gammaGammaHessianIntervals(params: GammaGammaParameters, data: GammaGammaData): ParameterInterval[] | null {
  return gammaGammaHessian(params, data)?.intervals ?? null;
}
