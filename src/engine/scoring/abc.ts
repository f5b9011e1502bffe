// ABC segmentation (MODEL.md sections 4 and 5): customers ranked by one
// measure (revenue, contribution or value), A = the top share, B = the next
// share, C = the rest (default 20 / 30 / 50 % of customers).
//
// Ties: a segment boundary never splits customers with exactly the same
// measure. Everyone equal to the last customer inside A is in A (and so for
// B), so A can hold a few more customers than its share when values tie
// exactly at the boundary. Equal customers always get equal segments.
import { countOf } from '../curve.ts';
import { rankInto } from '../rank.ts';

export type AbcSegment = 'A' | 'B' | 'C';
export const ABC_SEGMENTS: readonly AbcSegment[] = ['A', 'B', 'C'];

export interface AbcThresholds {
  /** Share of customers in A (0..1). */
  readonly shareA: number;
  /** Share of customers in B (0..1); C gets 1 - shareA - shareB. */
  readonly shareB: number;
}

export const DEFAULT_ABC_THRESHOLDS: Readonly<AbcThresholds> = Object.freeze({ shareA: 0.2, shareB: 0.3 });

export type AbcProblem = 'thresholdsInvalid';

/** Thresholds must be shares that leave a non-negative C. */
export function checkAbcThresholds(t: AbcThresholds): AbcProblem | null {
  const ok =
    Number.isFinite(t.shareA) && Number.isFinite(t.shareB) && t.shareA >= 0 && t.shareB >= 0 && t.shareA + t.shareB <= 1 + 1e-12;
  return ok ? null : 'thresholdsInvalid';
}

/**
 * Segment of every customer (0 = A, 1 = B, 2 = C) by `measure`, best first.
 * `order` may pass a ranking of `measure` (largest first) that the caller
 * already has; it is computed otherwise.
 */
export function abcSegments(measure: ArrayLike<number>, thresholds: AbcThresholds, order?: Uint32Array): Uint8Array {
  const n = measure.length;
  const problem = checkAbcThresholds(thresholds);
  if (problem) throw new RangeError(problem);
  const countA = countOf(thresholds.shareA, n);
  const countAB = Math.max(countA, countOf(thresholds.shareA + thresholds.shareB, n));
  // The measure in rank order, read in sequence: at 1M a gather per customer was most of the time.
  const sorted = new Float64Array(n);
  let ranked: Uint32Array;
  if (order === undefined) {
    ranked = rankInto(measure, new Uint32Array(n), true, sorted);
  } else {
    ranked = order;
    for (let k = 0; k < n; k++) sorted[k] = measure[ranked[k] as number] as number;
  }
  const segment = new Uint8Array(n);
  markAbc(sorted, ranked, countA, countAB, segment);
  return segment;
}

/** segment[ranked[k]] by rank, exact ties keeping the better segment (a loop of its own: see focus.ts markSegments). */
function markAbc(sorted: Float64Array, ranked: Uint32Array, countA: number, countAB: number, segment: Uint8Array): void {
  let previous = Number.NaN;
  let previousSegment = 0;
  for (let k = 0; k < sorted.length; k++) {
    const value = sorted[k] as number;
    const byRank = k < countA ? 0 : k < countAB ? 1 : 2;
    // An exact tie with the customer before keeps that customer's (better) segment.
    const g = value === previous ? previousSegment : byRank;
    segment[ranked[k] as number] = g;
    previous = value;
    previousSegment = g;
  }
}

export interface AbcSegmentFigures {
  segment: AbcSegment;
  customers: number;
  revenue: number;
  contribution: number;
  value: number;
}

/** Count and sums of revenue, contribution and value per segment. */
export function abcFigures(
  segment: Uint8Array,
  revenue: ArrayLike<number>,
  contribution: ArrayLike<number>,
  value: ArrayLike<number>,
): AbcSegmentFigures[] {
  const sums = ABC_SEGMENTS.map((s) => ({ segment: s, customers: 0, revenue: 0, contribution: 0, value: 0 }));
  for (let i = 0; i < segment.length; i++) {
    const row = sums[segment[i] as number];
    if (row === undefined) continue;
    row.customers += 1;
    row.revenue += revenue[i] as number;
    row.contribution += contribution[i] as number;
    row.value += value[i] as number;
  }
  return sums;
}

/** counts[from][to]: customers in segment `from` by the first definition and `to` by the second. */
export function abcCrossTable(first: Uint8Array, second: Uint8Array): number[][] {
  const counts = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < first.length; i++) {
    const row = counts[first[i] as number];
    const to = second[i] as number;
    if (row !== undefined) row[to] = (row[to] ?? 0) + 1;
  }
  return counts;
}

/** Customers whose segment differs between two definitions. */
export function abcChanges(first: Uint8Array, second: Uint8Array): number {
  let changed = 0;
  for (let i = 0; i < first.length; i++) if (first[i] !== second[i]) changed++;
  return changed;
}
