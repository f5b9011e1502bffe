// The decile table (MODEL.md section 2): revenue, contribution and value per
// value decile, from exact ranks.
import type { Decile } from './results.ts';

/** `valuePrefix` is the cumulative value in `order` (best first), so value needs no second pass. */
export function valueDeciles(order: Uint32Array, revenue: ArrayLike<number>, contribution: ArrayLike<number>, valuePrefix: Float64Array): Decile[] {
  const totalValue = valuePrefix[order.length] as number;
  const n = order.length;
  const deciles: Decile[] = [];
  for (let d = 0; d < 10; d++) {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    let rev = 0;
    let con = 0;
    for (let k = from; k < to; k++) {
      const i = order[k] as number;
      rev += revenue[i] as number;
      con += contribution[i] as number;
    }
    const val = (valuePrefix[to] as number) - (valuePrefix[from] as number);
    deciles.push({
      decile: d + 1,
      customers: to - from,
      revenue: rev,
      contribution: con,
      value: val,
      valueShare: totalValue > 0 ? val / totalValue : null,
    });
  }
  return deciles;
}
