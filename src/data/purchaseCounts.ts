// P(X(t) = n) for BG/NBD (Fader, Hardie and Lee 2005, "Counting Your
// Customers the Easy Way", eq. 8):
//   P(X(t) = n) = B(a, b + n) / B(a, b) * NB(n)
//               + [n > 0] B(a + 1, b + n - 1) / B(a, b) * (1 - sum_{j < n} NB(j))
// with NB(j) = Gamma(r + j) / (Gamma(r) j!) (alpha / (alpha + t))^r (t / (alpha + t))^j
// the negative binomial of the purchases of a customer who never drops out.
// The tail 1 - sum_{j < n} NB(j) is summed from above when it is small, so it
// keeps its relative precision for large n.
import type { BgNbdParameters } from './bgnbd.ts';
import { logGamma } from './special.ts';

/** ln NB(j) for j = 0, 1, ...: ln Gamma(r + j) - ln Gamma(r) - ln j! + r ln(alpha / (alpha + t)) + j ln(t / (alpha + t)). */
function logNegativeBinomial(r: number, alpha: number, t: number, j: number): number {
  const logDenominator = Math.log(alpha + t);
  return logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * (Math.log(alpha) - logDenominator) + j * (Math.log(t) - logDenominator);
}

/** P(NB >= n) with full relative precision: the head below n, or the tail from n on when the head is near 1. */
function negativeBinomialTail(r: number, alpha: number, t: number, n: number): number {
  if (n <= 0) return 1;
  const q = t / (alpha + t);
  let head = 0;
  let term = Math.exp(logNegativeBinomial(r, alpha, t, 0));
  for (let j = 0; j < n; j++) {
    head += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  if (head < 0.5) return 1 - head;
  // term is now NB(n); the ratios (r + j) / (j + 1) q tend to q.
  let tail = 0;
  for (let j = n; j < n + 100_000; j++) {
    tail += term;
    const ratio = ((r + j) / (j + 1)) * q;
    term *= ratio;
    if (ratio < 1 && (term * Math.max(ratio, q)) / (1 - Math.max(ratio, q)) <= 1e-16 * tail) break;
  }
  return tail;
}

/** P(X(t) = n) of a BG/NBD customer alive at the start of the t periods. */
export function bgnbdProbabilityOfPurchases(params: BgNbdParameters, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const logBetaAB = logGamma(a) + logGamma(b) - logGamma(a + b);
  const stays = Math.exp(logGamma(a) + logGamma(b + n) - logGamma(a + b + n) - logBetaAB + logNegativeBinomial(r, alpha, t, n));
  if (n === 0) return Math.min(1, stays);
  const drops = Math.exp(logGamma(a + 1) + logGamma(b + n - 1) - logGamma(a + b + n) - logBetaAB) * negativeBinomialTail(r, alpha, t, n);
  return Math.min(1, Math.max(0, stays + drops));
}

/**
 * P(Y(t) = n | the customer's history) for any of the models: a customer
 * alive at T buys in the next t as a fresh customer with her posterior
 * parameters, a dead one never again.
 */
export function conditionalProbabilityOfPurchases(probabilityAlive: number, fresh: (n: number) => number, n: number): number {
  return probabilityAlive * fresh(n) + (n === 0 ? 1 - probabilityAlive : 0);
}

/** P(Y = 0), ..., P(Y = top - 1) and P(Y >= top) as the last entry (the "10+" bar). */
export function purchaseDistribution(probabilityOf: (n: number) => number, top: number): number[] {
  const bars: number[] = [];
  let sum = 0;
  for (let n = 0; n < top; n++) {
    const p = probabilityOf(n);
    bars.push(p);
    sum += p;
  }
  bars.push(Math.max(0, 1 - sum));
  return bars;
}
