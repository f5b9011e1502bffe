// The decile table (MODEL.md section 2): revenue, contribution and value per
// value decile, from exact ranks.
import type { Decile } from './results.ts';

/** Scratch for the decile of each customer, reused between calls of the same size. */
let decileOf: Uint8Array = new Uint8Array(0);

/**
 * `valuePrefix` is the cumulative value in `order` (best first), so value needs no second pass.
 * Revenue and contribution are summed in customer order after marking each customer's decile:
 * the marks are one byte each (a million fit in cache), so no pass gathers the wide
 * per-customer arrays in rank order, which costs a cache miss per customer at 1M.
 */
export function valueDeciles(order: Uint32Array, revenue: ArrayLike<number>, contribution: ArrayLike<number>, valuePrefix: Float64Array): Decile[] {
  const totalValue = valuePrefix[order.length] as number;
  const n = order.length;
  if (decileOf.length !== n) decileOf = new Uint8Array(n);
  const marks = decileOf;
  const bounds: number[] = [];
  for (let d = 0; d <= 10; d++) bounds.push(Math.floor((d * n) / 10));
  const rev = new Float64Array(10);
  const con = new Float64Array(10);
  decileSums(order, bounds, revenue, contribution, marks, rev, con);
  const deciles: Decile[] = [];
  for (let d = 0; d < 10; d++) {
    const from = bounds[d] as number;
    const to = bounds[d + 1] as number;
    const val = (valuePrefix[to] as number) - (valuePrefix[from] as number);
    deciles.push({
      decile: d + 1,
      customers: to - from,
      revenue: rev[d] as number,
      contribution: con[d] as number,
      value: val,
      valueShare: totalValue > 0 ? val / totalValue : null,
    });
  }
  return deciles;
}

/** Revenue and contribution per decile into rev and con (loops of their own: see focus.ts markSegments). */
function decileSums(
  order: Uint32Array,
  bounds: readonly number[],
  revenue: ArrayLike<number>,
  contribution: ArrayLike<number>,
  marks: Uint8Array,
  rev: Float64Array,
  con: Float64Array,
): void {
  for (let d = 0; d < 10; d++) {
    const to = bounds[d + 1] as number;
    for (let k = bounds[d] as number; k < to; k++) marks[order[k] as number] = d;
  }
  for (let i = 0; i < order.length; i++) {
    const d = marks[i] as number;
    rev[d] = (rev[d] as number) + (revenue[i] as number);
    con[d] = (con[d] as number) + (contribution[i] as number);
  }
}
