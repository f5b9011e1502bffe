// RFM scoring (MODEL.md section 5): recency, frequency and monetary value,
// each scored in quintiles 1-5 (5 = best: most recent, most purchases, most
// spend), and the 5 x 5 x 5 = 125 cells summarised by count, revenue and value.
//
// Quintile rule, so that ties are never split: a customer's score is
// 1 + floor(5 * w / n), where w is the number of customers strictly worse on
// that measure. With n distinct values this gives exact fifths; customers
// with equal values share a score (e.g. everyone without a purchase).
import { rankInto } from '../rank.ts';

export const RFM_LEVELS = 5;
export const RFM_CELLS = RFM_LEVELS * RFM_LEVELS * RFM_LEVELS;

/**
 * Quintile score 1-5 of every customer; `higherIsBetter` false for recency
 * (months since the last purchase: fewer is better).
 */
export function quintileScores(measure: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = measure.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  // Worst first, with the measure in that order: read in sequence, where a gather per read was most of the time at 1M.
  const sorted = new Float64Array(n);
  const order = rankInto(measure, new Uint32Array(n), !higherIsBetter, sorted);
  markQuintiles(sorted, order, scores);
  return scores;
}

/** scores[order[k]] by the rule above (a loop of its own: see focus.ts markSegments). */
function markQuintiles(sorted: Float64Array, order: Uint32Array, scores: Uint8Array): void {
  const n = sorted.length;
  let k = 0;
  while (k < n) {
    const value = sorted[k] as number;
    let end = k + 1;
    while (end < n && (sorted[end] as number) === value) end++;
    const score = 1 + Math.min(RFM_LEVELS - 1, Math.floor((RFM_LEVELS * k) / n));
    for (let j = k; j < end; j++) scores[order[j] as number] = score;
    k = end;
  }
}

/** Index 0..124 of the cell (r, f, m), each 1-5. */
export function rfmCell(r: number, f: number, m: number): number {
  return (r - 1) * RFM_LEVELS * RFM_LEVELS + (f - 1) * RFM_LEVELS + (m - 1);
}

export interface RfmGrid {
  /** 125 cells indexed by rfmCell(r, f, m). */
  count: number[];
  revenue: number[];
  value: number[];
}

export interface RfmScores {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

export function rfmScores(recencyMonths: ArrayLike<number>, purchases: ArrayLike<number>, monetary: ArrayLike<number>): RfmScores {
  return {
    recency: quintileScores(recencyMonths, false),
    frequency: quintileScores(purchases, true),
    monetary: quintileScores(monetary, true),
  };
}

export function rfmGrid(scores: RfmScores, revenue: ArrayLike<number>, value: ArrayLike<number>): RfmGrid {
  const count = new Array<number>(RFM_CELLS).fill(0);
  const revenueSums = new Array<number>(RFM_CELLS).fill(0);
  const valueSums = new Array<number>(RFM_CELLS).fill(0);
  for (let i = 0; i < scores.recency.length; i++) {
    const cell = rfmCell(scores.recency[i] as number, scores.frequency[i] as number, scores.monetary[i] as number);
    count[cell] = (count[cell] ?? 0) + 1;
    revenueSums[cell] = (revenueSums[cell] ?? 0) + (revenue[i] as number);
    valueSums[cell] = (valueSums[cell] ?? 0) + (value[i] as number);
  }
  return { count, revenue: revenueSums, value: valueSums };
}
