// What the key account is compared with: the simulated portfolio (MODEL.md
// section 2). The mean value and revenue of an A, B and C customer by value
// (the same segments as the focus view, section 4) and where any value would
// sit among the customers: its percentile and the whale curve's height there.
import { countOf } from '../curve.ts';
import { SEGMENT_POPULATION_SHARES } from '../focus.ts';

export interface ValuePosition {
  /** Share of portfolio customers worth less than the value (0..1). */
  percentile: number;
  /** Customers worth at least as much. */
  customersAbove: number;
  /** x on the whale curve: the share of customers worth at least as much. */
  whaleX: number;
  /** y on the whale curve at whaleX (cumulative value / total); null when the total is not positive. */
  whaleY: number | null;
}

export interface PortfolioReference {
  customers: number;
  /** Mean value (CLV without acquisition cost) of an A, B and C customer. */
  segmentValue: readonly [number, number, number];
  /** Mean yearly revenue of an A, B and C customer. */
  segmentRevenue: readonly [number, number, number];
  /** Value of the most valuable customer (0 without customers). */
  topValue: number;
  position(value: number): ValuePosition;
}

/**
 * Builds the reference from the per-customer arrays the engine keeps:
 * `valueOrder` ranks customers by value, best first, and `valuePrefix[k]` is
 * the value of the best k (length n + 1).
 */
export function portfolioReference(
  clv: ArrayLike<number>,
  revenue: ArrayLike<number>,
  valueOrder: ArrayLike<number>,
  valuePrefix: ArrayLike<number>,
): PortfolioReference {
  const n = valueOrder.length;
  const countA = countOf(SEGMENT_POPULATION_SHARES[0], n);
  const countAB = countOf(SEGMENT_POPULATION_SHARES[0] + SEGMENT_POPULATION_SHARES[1], n);
  const bounds = [0, countA, countAB, n];
  const segmentValue: number[] = [];
  const segmentRevenue: number[] = [];
  for (let g = 0; g < 3; g++) {
    const from = bounds[g] as number;
    const to = bounds[g + 1] as number;
    let value = 0;
    let sales = 0;
    for (let k = from; k < to; k++) {
      const i = valueOrder[k] as number;
      value += clv[i] as number;
      sales += revenue[i] as number;
    }
    const count = to - from;
    segmentValue.push(count > 0 ? value / count : 0);
    segmentRevenue.push(count > 0 ? sales / count : 0);
  }
  const total = n > 0 ? (valuePrefix[n] as number) : 0;
  const valueAt = (k: number): number => clv[valueOrder[k] as number] as number;
  return {
    customers: n,
    segmentValue: segmentValue as [number, number, number],
    segmentRevenue: segmentRevenue as [number, number, number],
    topValue: n > 0 ? valueAt(0) : 0,
    position(value: number): ValuePosition {
      // Binary search in the descending order: the first rank worth less than `value`.
      let low = 0;
      let high = n;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (valueAt(mid) >= value) low = mid + 1;
        else high = mid;
      }
      const above = low;
      return {
        percentile: n > 0 ? (n - above) / n : 0,
        customersAbove: above,
        whaleX: n > 0 ? above / n : 0,
        whaleY: total > 0 ? (valuePrefix[above] as number) / total : null,
      };
    },
  };
}
