// A purchase history for the simulated portfolio, so that RFM and RFMR can
// be scored without transaction data (MODEL.md section 5 needs recency,
// purchases, order value, returns and mailings per customer).
//
// Documented simplification: customer i buys as a Poisson process at its
// rate F_i = F phi_i orders per year (MODEL section 2), over the last
// 24 months. Purchases N_i ~ Poisson(2 F_i), drawn by inverse CDF from one
// seeded uniform per customer (a normal approximation above rate 50), so the
// history is reproducible from the seed and moves smoothly with the sliders.
// Given N_i > 0 purchases, the last one lies 24 (1 - U^(1/N_i)) months back
// (the latest of N uniform times); without any, it lies 24 + 12 E / F_i
// months back (E ~ Exp(1)), capped at 60 months. Order value per purchase is
// V_i; returns ~ Poisson(N_i * returnRate * psi_i) (psi = the order-cost factor:
// customers with costly orders return more). Every customer gets the same
// catalogues; mailings are a base number plus one follow-up per purchase.
import { customerHash, normalOf, uniformOf } from '../random.ts';

export const HISTORY_MONTHS = 24;
export const MAX_RECENCY_MONTHS = 60;

/** Stream numbers far above the population's traits (5 traits x 64 streams), so no draw is shared. */
export const HISTORY_STREAM = 6400;

export interface HistorySettings {
  /** Share of purchases returned, before the customer's order-cost factor. */
  readonly returnRate: number;
  /** Catalogues sent to every customer in 24 months. */
  readonly catalogues: number;
  /** Mailings in 24 months besides one follow-up per purchase. */
  readonly baseMailings: number;
}

export const DEFAULT_HISTORY: Readonly<HistorySettings> = Object.freeze({ returnRate: 0.05, catalogues: 4, baseMailings: 6 });

export interface PurchaseHistory {
  readonly size: number;
  /** Months since the last purchase. */
  readonly recencyMonths: Float64Array;
  /** Purchases in the last 24 months. */
  readonly purchases: Float64Array;
  /** Revenue of the last 24 months. */
  readonly monetary: Float64Array;
  /** Average order value (0 without purchases). */
  readonly averageOrderValue: Float64Array;
  readonly returns: Float64Array;
  readonly catalogues: Float64Array;
  readonly mailings: Float64Array;
}

const POISSON_NORMAL_ABOVE = 50;

/** Inverse CDF of Poisson(lambda) at u (uniform in (0, 1)). */
export function poissonQuantile(lambda: number, u: number, z: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > POISSON_NORMAL_ABOVE) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  let k = 0;
  let p = Math.exp(-lambda);
  let cumulative = p;
  while (u > cumulative && k < 1000) {
    k++;
    p *= lambda / k;
    cumulative += p;
  }
  return k;
}

export interface HistoryInput {
  readonly seed: number;
  /** Orders per year F_i. */
  readonly ordersPerYear: ArrayLike<number>;
  /** Average order value V_i. */
  readonly orderValue: ArrayLike<number>;
  /** Order-cost factor psi_i (mean 1). */
  readonly orderCostFactor: ArrayLike<number>;
}

export function simulateHistory(input: HistoryInput, settings: HistorySettings = DEFAULT_HISTORY): PurchaseHistory {
  const n = input.ordersPerYear.length;
  const h: PurchaseHistory = {
    size: n,
    recencyMonths: new Float64Array(n),
    purchases: new Float64Array(n),
    monetary: new Float64Array(n),
    averageOrderValue: new Float64Array(n),
    returns: new Float64Array(n),
    catalogues: new Float64Array(n),
    mailings: new Float64Array(n),
  };
  const years = HISTORY_MONTHS / 12;
  for (let i = 0; i < n; i++) {
    const rate = input.ordersPerYear[i] as number;
    // One hash of (seed, i) for the customer's draws (the same draws as uniform/normal(seed, i, ...)).
    const hash = customerHash(input.seed, i);
    const purchases = poissonQuantile(rate * years, uniformOf(hash, HISTORY_STREAM), normalOf(hash, HISTORY_STREAM));
    const u = uniformOf(hash, HISTORY_STREAM + 1);
    const recency =
      purchases > 0
        ? HISTORY_MONTHS * (1 - Math.pow(u, 1 / purchases))
        : rate > 0
          ? Math.min(MAX_RECENCY_MONTHS, HISTORY_MONTHS + (12 * -Math.log(u)) / rate)
          : MAX_RECENCY_MONTHS;
    const returnsRate = purchases * settings.returnRate * (input.orderCostFactor[i] as number);
    h.purchases[i] = purchases;
    h.recencyMonths[i] = recency;
    h.returns[i] = Math.min(purchases, poissonQuantile(returnsRate, uniformOf(hash, HISTORY_STREAM + 2), normalOf(hash, HISTORY_STREAM + 2)));
    h.catalogues[i] = settings.catalogues;
    h.mailings[i] = settings.baseMailings + purchases;
  }
  spendOf(h, input.orderValue);
  return h;
}

/**
 * Fills the two figures of a history that depend on the order value V_i
 * (revenue of 24 months, average order value). Purchases, recency and
 * returns depend only on F_i, so a change of the order value slider reruns
 * only this pass over the cached history.
 */
export function spendOf(h: PurchaseHistory, orderValue: ArrayLike<number>): PurchaseHistory {
  const { purchases, monetary, averageOrderValue } = h;
  for (let i = 0; i < h.size; i++) {
    const count = purchases[i] as number;
    const value = orderValue[i] as number;
    monetary[i] = count * value;
    averageOrderValue[i] = count > 0 ? value : 0;
  }
  return h;
}
