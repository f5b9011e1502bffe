// The discounted years a customer is expected to stay alive under the
// BG/NBD, given her history (x, t_x, T): what a cost to serve per customer
// and year costs her over the forecast horizon (issue 15). MODEL.md gives
// this term only for the simulator's churn model; under the BG/NBD it is
//
//   S(u) = P(alive at T + u | x, t_x, T)
//        = P(alive | x, t_x, T) * 2F1(r + x, a; a + b + x; -u / (alpha + T))
//
//   D    = sum_k (1 + d)^(-t_k / P) * (1 / P) * integral_{t_(k-1)}^{t_k} S(u) du
//
// in years (P periods per year, t_k the steps of clv.ts, each step's cost
// discounted to its end as its purchases are there).
//
// Why S(u) has that form: while alive, a customer buys at rate lambda and
// each purchase ends her life with probability p, so from T on her life
// lasts an exponential time with rate lambda p. Given her history and that
// she is alive at T, lambda ~ Gamma(r + x, alpha + T) and p ~ Beta(a, b + x),
// independently (the likelihood of an alive customer is
// lambda^x e^(-lambda T) (1 - p)^x). So S(u) / P(alive) = E[exp(-lambda p u)]
// = E_p[(1 + p u / (alpha + T))^-(r + x)], which is Euler's integral of the
// hypergeometric function above. Multiplying the expected purchase rate
// E[lambda] by a mean life instead would be wrong: lambda and the life are
// not independent, since frequent buyers get more chances to drop out.
import { probabilityAlive, type BgNbdParameters } from './bgnbd.ts';
import type { ClvOptions } from './clv.ts';
import { logHypergeometric2F1 } from './special.ts';

/**
 * 3-point Gauss-Legendre nodes and weights on [-1, 1]: exact for polynomials
 * up to degree 5, which on a month of the smooth, falling S(u) is good to
 * about 1e-9 of a year (test/data/aliveTime.test.ts); each node costs a
 * hypergeometric series, and the forecast band evaluates them for 200
 * parameter draws.
 */
const NODES = [0, -Math.sqrt(3 / 5), Math.sqrt(3 / 5)] as const;
const WEIGHTS = [8 / 9, 5 / 9, 5 / 9] as const;

/** The series is summed until the bound on its tail is below this share of the sum. */
const TOLERANCE = 1e-15;
const MAX_TERMS = 100_000;

/**
 * S(u) / P(alive): the chance that a customer alive at T is still alive u
 * periods later. Pfaff's transformation (A&S 15.3.4) on the second parameter
 * turns 2F1(r + x, a; a + b + x; -z), z = u / (alpha + T), into
 * (1 + z)^(-a) 2F1(a + b - r, a; a + b + x; w), w = z / (1 + z) in [0, 1),
 * whose terms (positive when a + b > r) fall from the start for every x;
 * their ratio rises towards w, so the tail after a term is below
 * |term| w / (1 - w). The forecast evaluates this for every customer at
 * every quadrature node, hence the plain loop; the general function is the
 * fallback should it not converge.
 */
export function survivalAfter(params: BgNbdParameters, x: number, T: number, u: number): number {
  if (!(u > 0)) return 1;
  const { r, alpha, a, b } = params;
  const z = u / (alpha + T);
  const first = a + b - r;
  const w = z / (1 + z);
  const c = a + b + x;
  const tail = w / (1 - w);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((first + n) * (a + n)) / ((c + n) * (n + 1))) * w;
    sum += term;
    // With r > a + b the first terms are negative; the tail bound holds for their size all the same.
    if (Math.abs(term) * tail <= TOLERANCE * Math.abs(sum)) {
      if (sum > 0) return sum * Math.pow(1 + z, -a);
      break;
    }
  }
  return Math.exp(logHypergeometric2F1(r + x, a, a + b + x, -z));
}

/** D: expected discounted years alive over the horizon of `options` (see the head of this file). */
export function discountedYearsAlive(params: BgNbdParameters, x: number, tx: number, T: number, options: ClvOptions): number {
  if (!(options.horizon > 0)) return 0;
  const step = options.step > 0 ? options.step : options.horizon;
  let total = 0;
  let from = 0;
  for (let to = Math.min(step, options.horizon); ; to = Math.min(to + step, options.horizon)) {
    const half = (to - from) / 2;
    const middle = (to + from) / 2;
    let integral = 0;
    for (let j = 0; j < NODES.length; j++) integral += (WEIGHTS[j] as number) * survivalAfter(params, x, T, middle + half * (NODES[j] as number));
    total += (half * integral) / (1 + options.annualDiscountRate) ** (to / options.periodsPerYear);
    from = to;
    if (to >= options.horizon) break;
  }
  return (probabilityAlive(params, x, tx, T) * total) / options.periodsPerYear;
}
