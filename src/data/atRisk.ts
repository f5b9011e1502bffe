// The win-back list (issue 7, scope 5): customers at risk are those the
// BG/NBD model thinks have probably left (low P(alive)) although they were
// worth a lot so far. Ranked by past revenue, most valuable first.

export interface AtRiskOptions {
  /** P(alive) below this counts as at risk. */
  maxProbabilityAlive: number;
  /** Only customers among the top share by past revenue (0.2 = best fifth). */
  topRevenueShare: number;
  /** Longest list returned. */
  limit: number;
}

export const AT_RISK_DEFAULTS: AtRiskOptions = { maxProbabilityAlive: 0.5, topRevenueShare: 0.2, limit: 100 };

/**
 * Indices (into the given arrays) of customers at risk, most past revenue
 * first. `pastRevenue` and `probabilityAlive` are aligned per customer.
 */
export function atRiskCustomers(pastRevenue: ArrayLike<number>, probabilityAlive: ArrayLike<number>, options: AtRiskOptions = AT_RISK_DEFAULTS): number[] {
  const n = pastRevenue.length;
  const byRevenue = Array.from({ length: n }, (_, i) => i).sort((i, j) => (pastRevenue[j] as number) - (pastRevenue[i] as number));
  const top = Math.round(options.topRevenueShare * n);
  const list: number[] = [];
  for (let k = 0; k < top && list.length < options.limit; k++) {
    const i = byRevenue[k] as number;
    if ((probabilityAlive[i] as number) < options.maxProbabilityAlive) list.push(i);
  }
  return list;
}
