// The seeded portfolio (MODEL.md section 2): fixed random traits per customer,
// each with mean 1, held in typed arrays. Built only when a population key
// (N, seed, spread, shape) changes; money sliders reuse it.
import { customerHash, gammaOf, normalOf } from './random.ts';
import type { Scenario } from './parameters.ts';

export type PopulationKeys = Pick<
  Scenario,
  'customers' | 'seed' | 'spread' | 'frequencyShape' | 'orderValueSigma' | 'churnShape' | 'orderCostSigma' | 'serviceLoadSigma'
>;

export interface Population {
  readonly keys: Readonly<PopulationKeys>;
  readonly size: number;
  /** Frequency factor phi ~ Gamma(k_F) / k_F. */
  readonly frequency: Float64Array;
  /** Order-value factor nu ~ LogNormal(-s_V^2/2, s_V). */
  readonly orderValue: Float64Array;
  /** Churn factor kappa ~ Gamma(k_c) / k_c. */
  readonly churn: Float64Array;
  /** Order-cost factor psi ~ LogNormal(-s_O^2/2, s_O). */
  readonly orderCost: Float64Array;
  /** Service-load factor chi ~ LogNormal(-s_S^2/2, s_S). */
  readonly serviceLoad: Float64Array;
  /** Customer size phi * nu: revenue is F V size, so its order never depends on money sliders. */
  readonly customerSize: Float64Array;
}

const enum Trait {
  Frequency = 0,
  OrderValue = 1,
  Churn = 2,
  OrderCost = 3,
  ServiceLoad = 4,
}

const MAX_GAMMA_SHAPE = 1e12;

/**
 * Gamma(k)/k with the "spread" applied as k / spread^2; spread 0 makes the
 * trait exactly 1 (every customer alike). `hash` is customerHash(seed, index).
 */
function gammaFactor(shape: number, spread: number, hash: number, trait: Trait): number {
  const k = shape / (spread * spread);
  // Beyond this shape the factor's standard deviation (1/sqrt(k)) is below 1e-6: every customer is alike.
  if (!(k < MAX_GAMMA_SHAPE)) return 1;
  return gammaOf(k, hash, trait) / k;
}

/** LogNormal(-s^2/2, s) with s = sigma * spread: mean exactly 1. */
function logNormalFactor(sigma: number, spread: number, hash: number, trait: Trait): number {
  const s = sigma * spread;
  if (s === 0) return 1;
  // Trait streams are spaced like gamma's so that no two traits share a draw.
  return Math.exp(-0.5 * s * s + s * normalOf(hash, trait * 64));
}

export function populationKeysOf(s: Scenario): PopulationKeys {
  return {
    customers: s.customers,
    seed: s.seed,
    spread: s.spread,
    frequencyShape: s.frequencyShape,
    orderValueSigma: s.orderValueSigma,
    churnShape: s.churnShape,
    orderCostSigma: s.orderCostSigma,
    serviceLoadSigma: s.serviceLoadSigma,
  };
}

export function samePopulation(a: PopulationKeys, b: PopulationKeys): boolean {
  return (Object.keys(a) as (keyof PopulationKeys)[]).every((key) => a[key] === b[key]);
}

export function generatePopulation(keys: PopulationKeys): Population {
  const n = keys.customers;
  const { seed, spread } = keys;
  const frequency = new Float64Array(n);
  const orderValue = new Float64Array(n);
  const churn = new Float64Array(n);
  const orderCost = new Float64Array(n);
  const serviceLoad = new Float64Array(n);
  const customerSize = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // One hash of (seed, i) serves every draw of the customer.
    const hash = customerHash(seed, i);
    const phi = gammaFactor(keys.frequencyShape, spread, hash, Trait.Frequency);
    const nu = logNormalFactor(keys.orderValueSigma, spread, hash, Trait.OrderValue);
    frequency[i] = phi;
    orderValue[i] = nu;
    churn[i] = gammaFactor(keys.churnShape, spread, hash, Trait.Churn);
    orderCost[i] = logNormalFactor(keys.orderCostSigma, spread, hash, Trait.OrderCost);
    serviceLoad[i] = logNormalFactor(keys.serviceLoadSigma, spread, hash, Trait.ServiceLoad);
    customerSize[i] = phi * nu;
  }
  return { keys: { ...keys }, size: n, frequency, orderValue, churn, orderCost, serviceLoad, customerSize };
}
