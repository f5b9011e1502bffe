// Sampling of cumulative curves: the worker keeps exact ranks and sends a few
// hundred points (MODEL.md section 2: "curves are sampled at a few hundred points").
import type { CurvePoint } from './results.ts';

export const CURVE_SAMPLES = 200;

/**
 * Cumulative sums of `values` in the given order, as a prefix array of
 * length n + 1 (prefix[k] = sum of the first k ranked values).
 */
export function prefixSums(
  values: ArrayLike<number>,
  order: Uint32Array,
  count: number = order.length,
  into: Float64Array = new Float64Array(count + 1),
): Float64Array {
  const prefix = into;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    sum += values[order[k] as number] as number;
    prefix[k + 1] = sum;
  }
  return prefix;
}

/** prefixSums of values already in rank order (rankInto's `sorted`): the same sums, read in sequence. */
export function runningSums(sorted: Float64Array, count: number, into: Float64Array = new Float64Array(count + 1)): Float64Array {
  let sum = 0;
  for (let k = 0; k < count; k++) {
    sum += sorted[k] as number;
    into[k + 1] = sum;
  }
  return into;
}

/** Number of customers in the first `share` of n, rounded to whole customers. */
export function countOf(share: number, n: number): number {
  return Math.min(n, Math.max(0, Math.round(share * n)));
}

/** Samples prefix[k] / denominator at evenly spaced shares of customers (exact at both ends). */
export function sampleCurve(prefix: Float64Array, denominator: number, samples: number = CURVE_SAMPLES): CurvePoint[] {
  const n = prefix.length - 1;
  const points: CurvePoint[] = [];
  const steps = Math.min(samples, Math.max(n, 1));
  for (let j = 0; j <= steps; j++) {
    const k = Math.round((j / steps) * n);
    points.push({ x: n === 0 ? j / steps : k / n, y: (prefix[k] as number) / denominator });
  }
  return points;
}
