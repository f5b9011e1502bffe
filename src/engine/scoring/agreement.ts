// How far two orderings of the same customers agree (MODEL.md section 5:
// "rank correlation, overlap of the top 20 %"): Spearman's rank correlation
// with average ranks for ties, and the share of the top 20 % by one measure
// that is also in the top 20 % by the other.
import { countOf } from '../curve.ts';
import { rank, rankInto } from '../rank.ts';

/** Ranks 1..n, ascending, ties get the average of their positions. `ascending` may pass rank(values, false). */
export function averageRanks(values: ArrayLike<number>, ascending?: Uint32Array): Float64Array {
  const n = values.length;
  // The values in rank order, read in sequence below: at 1M a gather per read was most of the time.
  const sorted = new Float64Array(n);
  let order: Uint32Array;
  if (ascending === undefined) {
    order = rankInto(values, new Uint32Array(n), false, sorted);
  } else {
    order = ascending;
    for (let k = 0; k < n; k++) sorted[k] = values[order[k] as number] as number;
  }
  const ranks = new Float64Array(n);
  assignAverageRanks(sorted, order, ranks);
  return ranks;
}

/** ranks[order[k]] = the mean position of the run of equal sorted values around k (a loop of its own: see focus.ts markSegments). */
function assignAverageRanks(sorted: Float64Array, order: Uint32Array, ranks: Float64Array): void {
  const n = sorted.length;
  let k = 0;
  while (k < n) {
    const value = sorted[k] as number;
    let end = k + 1;
    while (end < n && (sorted[end] as number) === value) end++;
    // Positions k+1 .. end share their mean.
    const mean = (k + 1 + end) / 2;
    for (let j = k; j < end; j++) ranks[order[j] as number] = mean;
    k = end;
  }
}

/** Spearman's rho: the Pearson correlation of the average ranks; null when either side is constant or n < 2. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>, ascendingA?: Uint32Array, ascendingB?: Uint32Array): number | null {
  const n = a.length;
  if (n < 2 || b.length !== n) return null;
  const ra = averageRanks(a, ascendingA);
  const rb = averageRanks(b, ascendingB);
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (ra[i] as number) - mean;
    const db = (rb[i] as number) - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Share of the top `share` of customers by `a` that are also in the top by
 * `b` (largest first; ties broken by customer order, stably). null when the top holds nobody.
 * `descendingA` and `descendingB` may pass rank(a, true) and rank(b, true) when the caller has them.
 */
export function topOverlap(a: ArrayLike<number>, b: ArrayLike<number>, share: number, descendingA?: Uint32Array, descendingB?: Uint32Array): number | null {
  const n = a.length;
  const k = countOf(share, n);
  if (k === 0) return null;
  const orderA = descendingA ?? rank(a, true);
  const orderB = descendingB ?? rank(b, true);
  const inTopB = new Uint8Array(n);
  for (let j = 0; j < k; j++) inTopB[orderB[j] as number] = 1;
  let both = 0;
  for (let j = 0; j < k; j++) both += inTopB[orderA[j] as number] as number;
  return both / k;
}
