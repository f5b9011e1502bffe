// Special functions in log space for the likelihoods of bgnbd.ts and
// gammaGamma.ts: log-gamma, log-beta, log-sum-exp and the Gauss
// hypergeometric series. Working with logarithms keeps Gamma(r + x) and
// (alpha + T)^(r + x) finite for any frequency x (MODEL.md section 6).

/** Lanczos coefficients for g = 7, n = 9 (Numerical Recipes 3rd ed. 6.1; relative error ~1e-15). */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Gamma(x) for x > 0 (and by reflection for non-integer x < 0.5). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x); keeps tiny shape parameters accurate.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^a + e^b) without overflow; -Infinity stands for a zero term. */
export function logSumExp(a: number, b: number): number {
  const high = a > b ? a : b;
  if (high === -Infinity) return -Infinity;
  const low = a > b ? b : a;
  return high + Math.log1p(Math.exp(low - high));
}

/** Stops the series once a term is this small relative to the sum. */
const SERIES_TOLERANCE = 1e-15;
/** Enough for |z| <= 0.999 even with slowly decaying coefficients. */
const SERIES_MAX_TERMS = 100_000;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) by its power series, for 0 <= z < 1
 * and c > 0. Callers arrange the arguments so that the terms do not grow
 * first (see conditionalExpectedPurchases in bgnbd.ts, which applies Euler's
 * transformation); NaN means the series did not converge.
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < SERIES_MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) return sum;
  }
  return Number.NaN;
}
