// Bootstrap over customers (issue 16, item 6): each resample draws N
// customers with replacement from the N of the calibration data (seeded, so
// a rerun gives the same intervals) and refits the model, starting from the
// full-data fit. Percentile intervals (2.5 % and 97.5 %) and the standard
// deviation of the refits are the model-free counterpart of intervals.ts.
import type { BgNbdData } from './bgnbd.ts';
import { fitModel, PARAMETER_NAMES, type FittedModel } from './models.ts';
import { uniform } from '../engine/random.ts';

/** Customers drawn into one resample: the weight of each compressed entry of `data`. */
export function resample(data: BgNbdData, seed: number, replicate: number): BgNbdData {
  const zeros = data.zeroWeight.length;
  const entries = data.entryWeight.length;
  // Cumulative weights over the zero-frequency groups, then the repeat-buyer entries.
  const cumulative = new Float64Array(zeros + entries);
  let sum = 0;
  for (let k = 0; k < zeros; k++) cumulative[k] = sum += data.zeroWeight[k] as number;
  for (let e = 0; e < entries; e++) cumulative[zeros + e] = sum += data.entryWeight[e] as number;
  const counts = new Float64Array(zeros + entries);
  const n = data.customers;
  for (let i = 0; i < n; i++) {
    const target = uniform(seed, i, replicate) * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    counts[low] = (counts[low] as number) + 1;
  }
  const keepZero: number[] = [];
  for (let k = 0; k < zeros; k++) if ((counts[k] as number) > 0) keepZero.push(k);
  const keep: number[] = [];
  for (let e = 0; e < entries; e++) if ((counts[zeros + e] as number) > 0) keep.push(e);
  return {
    customers: n,
    zeroWeight: Float64Array.from(keepZero, (k) => counts[k] as number),
    zeroT: Float64Array.from(keepZero, (k) => data.zeroT[k] as number),
    xValues: data.xValues,
    tValues: data.tValues,
    recencyValues: data.recencyValues,
    entryX: Uint32Array.from(keep, (e) => data.entryX[e] as number),
    entryT: Uint32Array.from(keep, (e) => data.entryT[e] as number),
    entryRecency: Uint32Array.from(keep, (e) => data.entryRecency[e] as number),
    entryWeight: Float64Array.from(keep, (e) => counts[zeros + e] as number),
  };
}

export interface BootstrapInterval {
  name: string;
  estimate: number;
  standardDeviation: number;
  lower: number;
  upper: number;
}

export interface BootstrapResult {
  resamples: number;
  intervals: BootstrapInterval[];
  /** Every refit's parameter values, in PARAMETER_NAMES order. */
  replicates: number[][];
}

/** The q-quantile of sorted values, linear between order statistics (R's type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return (sorted[below] as number) + (position - below) * ((sorted[above] as number) - (sorted[below] as number));
}

export function bootstrapModel(
  model: FittedModel,
  data: BgNbdData,
  resamples: number,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): BootstrapResult {
  const replicates: number[][] = [];
  for (let b = 0; b < resamples; b++) {
    const refit = fitModel(model.name, resample(data, seed, b), { start: model.values });
    if (refit.values.every(Number.isFinite)) replicates.push(refit.values);
    onProgress?.(b + 1, resamples);
  }
  const names = PARAMETER_NAMES[model.name];
  const intervals = model.values.map((estimate, i) => {
    const column = replicates.map((values) => values[i] as number).sort((p, q) => p - q);
    const mean = column.reduce((s, v) => s + v, 0) / Math.max(column.length, 1);
    const variance = column.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(column.length - 1, 1);
    return { name: names[i] as string, estimate, standardDeviation: Math.sqrt(variance), lower: quantile(column, 0.025), upper: quantile(column, 0.975) };
  });
  return { resamples: replicates.length, intervals, replicates };
}
