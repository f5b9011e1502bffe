// Histogram of customer value (MODEL.md section 2). Bin edges are "nice"
// numbers between the 1st and 99th percentile; the first and last bin also
// hold the tails, so no customer is left out and one outlier cannot flatten
// the picture.
import { ticks } from 'd3-array';
import type { HistogramBin } from './results.ts';

export const HISTOGRAM_BINS = 30;
/** Values closer than this (in currency units) are the same value. */
const MIN_BIN_SPAN = 1e-9;

/** The value at `share` of the ranking (0 = the largest). */
function valueAt(values: ArrayLike<number>, descending: Uint32Array, share: number): number {
  const n = descending.length;
  return values[descending[Math.min(n - 1, Math.floor(share * (n - 1)))] as number] as number;
}

/**
 * Customers per bin of width `step` from `first`, the tails in the end bins. A function of its
 * own, without closures around it: a loop that V8 compiles on the stack is tied to the closures of
 * that call, and a per-call closure made every later call throw the compiled loop away.
 */
function countBins(values: ArrayLike<number>, n: number, first: number, step: number, counts: Uint32Array): void {
  const last = counts.length - 1;
  for (let i = 0; i < n; i++) {
    const raw = Math.floor(((values[i] as number) - first) / step);
    const bin = raw < 0 ? 0 : raw > last ? last : raw;
    counts[bin] = (counts[bin] as number) + 1;
  }
}

/** `descending` ranks `values` from the largest to the smallest. */
export function valueHistogram(values: ArrayLike<number>, descending: Uint32Array, bins: number = HISTOGRAM_BINS): HistogramBin[] {
  const n = descending.length;
  if (n === 0) return [];
  const low = valueAt(values, descending, 0.99);
  const high = valueAt(values, descending, 0.01);
  // A range that is empty or too narrow to split into nice numbers (rounding noise, denormals) is one bin.
  if (!(high - low > Math.max(1e-9 * Math.max(Math.abs(high), Math.abs(low)), MIN_BIN_SPAN))) return [{ x0: low, x1: high, count: n }];
  const edges = ticks(low, high, bins);
  if (edges.length < 2) return [{ x0: low, x1: high, count: n }];
  // Extend to cover [low, high] exactly with nice edges.
  const step = (edges[1] as number) - (edges[0] as number);
  if ((edges[0] as number) > low) edges.unshift((edges[0] as number) - step);
  if ((edges[edges.length - 1] as number) < high) edges.push((edges[edges.length - 1] as number) + step);
  const counts = new Uint32Array(edges.length - 1);
  countBins(values, n, edges[0] as number, step, counts);
  const out: HistogramBin[] = [];
  for (let b = 0; b < counts.length; b++) out.push({ x0: edges[b] as number, x1: edges[b + 1] as number, count: counts[b] as number });
  return out;
}
