// The simulator's portfolio views for real customers (issue 7, scope 3;
// MODEL.md section 2): Lorenz curve of revenue, whale curve and deciles of
// value, value histogram, computed by the engine's own pure functions. The
// caller chooses `value`: the forecast CLV (forecast.ts) or, without a
// model, the historic contribution.
import { prefixSums } from '../engine/curve.ts';
import { valueDeciles } from '../engine/deciles.ts';
import { valueHistogram } from '../engine/histogram.ts';
import { paretoFigures, type ParetoFigures } from '../engine/pareto.ts';
import { rank } from '../engine/rank.ts';
import type { Decile, HistogramBin } from '../engine/results.ts';
import { whaleFigures, type WhaleFigures } from '../engine/whale.ts';

export interface RealPortfolio extends ParetoFigures, WhaleFigures {
  customers: number;
  revenue: number;
  contribution: number;
  value: number;
  negativeCount: number;
  deciles: Decile[];
  histogram: HistogramBin[];
  /** Customers ranked by value, best first (indices into the input arrays), for drop and focus lists. */
  valueOrder: Uint32Array;
}

export function realPortfolio(revenue: ArrayLike<number>, contribution: ArrayLike<number>, value: ArrayLike<number>): RealPortfolio {
  const n = revenue.length;
  if (contribution.length !== n || value.length !== n) throw new RangeError('revenue, contribution and value need one entry per customer');
  let revenueTotal = 0;
  let contributionTotal = 0;
  let negativeCount = 0;
  for (let i = 0; i < n; i++) {
    revenueTotal += revenue[i] as number;
    contributionTotal += contribution[i] as number;
    if ((value[i] as number) < 0) negativeCount++;
  }
  const pareto = paretoFigures(revenue, rank(revenue, false));
  const valueOrder = rank(value, true);
  const valuePrefix = prefixSums(value, valueOrder);
  return {
    customers: n,
    revenue: revenueTotal,
    contribution: contributionTotal,
    value: valuePrefix[n] as number,
    negativeCount,
    ...pareto,
    ...whaleFigures(valuePrefix),
    deciles: valueDeciles(valueOrder, revenue, contribution, valuePrefix),
    histogram: valueHistogram(value, valueOrder),
    valueOrder,
  };
}
