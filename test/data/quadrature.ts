// Independent references for the Pareto/NBD closed forms: the model's
// defining double integral over the customer's purchase rate lambda ~
// Gamma(r, alpha) and drop-out rate mu ~ Gamma(s, beta) (Schmittlein,
// Morrison and Colombo 1987), summed by the trapezoidal rule on ln lambda and
// ln mu. The integrands are smooth and fall off doubly exponentially at both
// ends in these coordinates, where the trapezoidal rule converges faster than
// any power of the step (Trefethen and Weideman 2014, SIAM Review 56(3)).
import { logGamma } from '../../src/data/special.ts';
import type { ParetoNbdParameters } from '../../src/data/paretoNbd.ts';

const STEP = 0.08;
const LOW = -50;
const HIGH = 7;

/** ln of the Gamma(shape, rate) density of e^u times the Jacobian e^u: shape ln rate + shape u - rate e^u - ln Gamma(shape). */
function logWeight(shape: number, rate: number, u: number): number {
  return shape * Math.log(rate) + shape * u - rate * Math.exp(u) - logGamma(shape);
}

/** E over lambda and mu of f(lambda, mu) (f returns its value in logs, so huge powers stay finite). */
export function paretoNbdIntegral(params: ParetoNbdParameters, logF: (lambda: number, mu: number) => number): number {
  const grid: number[] = [];
  for (let u = LOW; u <= HIGH; u += STEP) grid.push(u);
  const lambdaWeights = grid.map((u) => logWeight(params.r, params.alpha, u));
  const muWeights = grid.map((v) => logWeight(params.s, params.beta, v));
  let sum = 0;
  for (let i = 0; i < grid.length; i++) {
    const lambda = Math.exp(grid[i] as number);
    for (let j = 0; j < grid.length; j++) {
      const logTerm = (lambdaWeights[i] as number) + (muWeights[j] as number);
      if (logTerm < -80) continue;
      sum += Math.exp(logTerm + logF(lambda, Math.exp(grid[j] as number)));
    }
  }
  return sum * STEP * STEP;
}

/**
 * The individual likelihood given lambda and mu: alive until T with x
 * purchases, or died at some tau in (t_x, T]:
 *   lambda^x e^{-(lambda + mu) T} + lambda^x mu / (lambda + mu) (e^{-(lambda + mu) t_x} - e^{-(lambda + mu) T}).
 */
export function individualLogLikelihood(x: number, tx: number, T: number): (lambda: number, mu: number) => number {
  return (lambda, mu) => {
    const k = lambda + mu;
    const alive = -k * T;
    const dead = Math.log(mu / k) - k * tx + Math.log(-Math.expm1(-k * (T - tx)));
    const high = Math.max(alive, dead);
    return x * Math.log(lambda) + high + Math.log(Math.exp(alive - high) + Math.exp(dead - high));
  };
}

/**
 * P(N(t) = n | lambda, mu): alive through t with n Poisson purchases, or died
 * at tau < t after n purchases:
 *   e^{-mu t} Pois(n; lambda t) + mu lambda^n / (lambda + mu)^(n + 1) P(n + 1, (lambda + mu) t)
 * with P the regularised lower incomplete gamma function, summed as
 * e^{-y} sum_{k > n} y^k / k! (no cancellation).
 */
export function individualLogPurchases(t: number, n: number): (lambda: number, mu: number) => number {
  return (lambda, mu) => {
    const k = lambda + mu;
    const alive = -k * t + n * Math.log(lambda * t) - logGamma(n + 1);
    const y = k * t;
    let lower = 0;
    if (y > n + 1) {
      // Past the mode the complement e^{-y} sum_{j <= n} y^j / j! is below 1/2: subtracting it loses nothing.
      let head = 0;
      for (let j = 0; j <= n; j++) head += Math.exp(-y + j * Math.log(y) - logGamma(j + 1));
      lower = 1 - head;
    } else {
      let term = Math.exp(-y + (n + 1) * Math.log(y) - logGamma(n + 2));
      for (let j = n + 1; j < n + 200 && term > 1e-300; j++) {
        lower += term;
        term *= y / (j + 1);
        if (term < 1e-18 * lower) break;
      }
    }
    const dead = Math.log(mu) + n * Math.log(lambda) - (n + 1) * Math.log(k) + Math.log(lower);
    const high = Math.max(alive, dead);
    return high + Math.log(Math.exp(alive - high) + Math.exp(dead - high));
  };
}
