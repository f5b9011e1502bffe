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

/** ln of the largest double divided by two: sums are rescaled before they can overflow. */
const RESCALE_AT = 1e250;
const LOG_RESCALE = Math.log(RESCALE_AT);
/** Budget of the log-space series; with positive terms falling at least like z^n it covers z <= 1 - 3.5e-4. */
const LOG_SERIES_MAX_TERMS = 100_000;

/**
 * ln of the series sum_n (a)_n (b)_n / ((c)_n n!) z^n for a, b, c > 0 and
 * 0 <= z < 1, where every term is positive: the sum is kept scaled so that
 * it can neither overflow (terms may first grow by e^700 and more when a or b
 * is large, as for a customer with thousands of purchases) nor lose precision
 * (no cancellation). Stops when a bound on the whole remaining tail (the term
 * ratio never exceeds max(current ratio, z) once it has started to fall) is
 * below 1e-16 of the sum. NaN when the budget runs out.
 */
function logPositiveSeries(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  let logScale = 0;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < LOG_SERIES_MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > RESCALE_AT) {
      sum /= RESCALE_AT;
      term /= RESCALE_AT;
      logScale += LOG_RESCALE;
    }
    // The ratio tends to z from below or above; once it is below 1 and falling, or below z, the tail is geometric.
    const next = (((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z;
    if (next < 1) {
      const bound = Math.max(next, z);
      if ((term * bound) / (1 - bound) <= 1e-16 * sum) return logScale + Math.log(sum);
    }
  }
  return Number.NaN;
}

/**
 * ln 2F1(a, b; c; z) for a, b, c > 0 and z < 1, the Gauss hypergeometric
 * function where it is positive, stable at the arguments the Pareto/NBD
 * likelihood and P(X(t) = n) reach (MODEL.md section 6; Fader, Hardie and Lee
 * 2005 note 008):
 * - z < 0 by Pfaff's transformation 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a,
 *   c - b; c; z / (z - 1)) (Abramowitz and Stegun 15.3.4), when c > b (or with
 *   a and b swapped), so the terms stay positive;
 * - 0 <= z < 1 by the positive series, after Euler's transformation 2F1(a,
 *   b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z) (A&S 15.3.3) when
 *   c > a and c > b and it lowers a + b: the terms then fall from the start
 *   and their tail decays like n^(a + b - c - 1) z^n with the smaller exponent.
 * Returns NaN outside that domain or when the series needs more than 100,000
 * terms (z closer to 1 than about 3.5e-4 with slowly falling terms).
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(a > 0 && b > 0 && c > 0 && z < 1) || !Number.isFinite(z)) return Number.NaN;
  if (z < 0) {
    const w = z / (z - 1);
    if (c > b) return -a * Math.log1p(-z) + logHypergeometric2F1(a, c - b, c, w);
    if (c > a) return -b * Math.log1p(-z) + logHypergeometric2F1(b, c - a, c, w);
    return Number.NaN;
  }
  if (c > a && c > b && c - a + (c - b) < a + b) {
    return (c - a - b) * Math.log1p(-z) + logPositiveSeries(c - a, c - b, c, z);
  }
  return logPositiveSeries(a, b, c, z);
}

/**
 * ln 2F1(a, b; a + 1; z) for a, b > 0 and 0 <= z < 1: the shape of the
 * Pareto/NBD likelihood (paretoNbd.ts), evaluated thousands of times per
 * fit, so it gets its own loop with one division per term. For b > 1 Euler's
 * transformation gives (1 - z)^(1 - b) sum_n (a + 1 - b)_n / (a + 1)_n z^n,
 * else the series is sum_n a / (a + n) (b)_n / n! z^n; either way the terms
 * fall from the start with ratios rising to z, so the tail is below
 * term z / (1 - z). NaN when that needs more than 100,000 terms.
 */
export function logHypergeometric2F1PlusOne(a: number, b: number, z: number): number {
  if (!(a > 0 && b > 0 && z >= 0 && z < 1)) return Number.NaN;
  if (z === 0) return 0;
  const tail = z / (1 - z);
  let term = 1;
  let sum = 1;
  // With b > a + 1 Euler's terms would change sign: the general function takes that (rare) case.
  if (b > a + 1) return logHypergeometric2F1(a, b, a + 1, z);
  if (b > 1) {
    const e = a + 1 - b;
    const c = a + 1;
    for (let n = 0; n < LOG_SERIES_MAX_TERMS; n++) {
      term *= ((e + n) / (c + n)) * z;
      sum += term;
      if (term * tail <= 1e-16 * sum) return (1 - b) * Math.log1p(-z) + Math.log(sum);
    }
    return Number.NaN;
  }
  // term_n = (b)_n / n! z^n without the a / (a + n) weight, which is applied in the sum.
  for (let n = 1; n < LOG_SERIES_MAX_TERMS; n++) {
    term *= ((b + n - 1) / n) * z;
    const weighted = (term * a) / (a + n);
    sum += weighted;
    if (weighted * tail <= 1e-16 * sum) return Math.log(sum);
  }
  return Number.NaN;
}
