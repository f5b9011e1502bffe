// Revenue concentration (MODEL.md section 2): the Lorenz curve of revenue,
// the top-20 % share, the customers needed for 80 % and the Gini coefficient.
import { countOf, prefixSums, sampleCurve } from './curve.ts';
import type { CurvePoint } from './results.ts';

export interface ParetoFigures {
  lorenz: CurvePoint[];
  top20RevenueShare: number;
  customersFor80Revenue: number;
  gini: number;
}

/** `ascending` ranks customers by revenue from the smallest to the largest. */
export function paretoFigures(revenue: ArrayLike<number>, ascending: Uint32Array): ParetoFigures {
  const n = ascending.length;
  const prefix = prefixSums(revenue, ascending);
  const total = prefix[n] as number;
  if (!(total > 0) || n === 0) {
    // No revenue at all: every customer is alike, the line of equality.
    return { lorenz: sampleCurve(new Float64Array(n + 1).map((_, k) => k), Math.max(n, 1)), top20RevenueShare: 0.2, customersFor80Revenue: 0.8, gini: 0 };
  }
  const top20 = countOf(0.2, n);
  // Smallest number t of top customers whose revenue reaches 80 %; their revenue is total - prefix[n - t].
  let top = 0;
  while (top < n && total - (prefix[n - top] as number) < 0.8 * total) top++;
  // Gini = 2 sum_i i x_(i) / (n sum x) - (n + 1) / n, with x ascending and i from 1.
  let weighted = 0;
  for (let k = 0; k < n; k++) weighted += (k + 1) * (revenue[ascending[k] as number] as number);
  return {
    lorenz: sampleCurve(prefix, total),
    top20RevenueShare: (total - (prefix[n - top20] as number)) / total,
    customersFor80Revenue: top / n,
    gini: (2 * weighted) / (n * total) - (n + 1) / n,
  };
}
